"""The changes page and its Atom feed: what a commit to data/ changed, read from real git history
(a fixture repository for exact changes, the project's own history for the built page), the feed
read by an XML parser and held to what RFC 4287 requires of a feed and its entries."""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET

from hypothesis import given
from hypothesis import strategies as st

from data_history import git
from helpers import built_page, parse_page
from nkexports.change_log import LONGEST_SUBJECT, CommitLog, commit_log
from nkexports.escape import visible_text
from nkexports.feed import ATOM, atom_feed
from nkexports.caches import cache_dir
from nkexports.history import CACHE_KIND, DataCommit, data_commits

NS = {"atom": ATOM}


def _lines(repo):
    head, base = data_commits(repo)
    assert base.changes and {c["change"] for c in base.changes} == {"added"}, "the first commit adds the data"
    return {(line.kind, line.id): line for line in commit_log(head).lines}


def test_an_edited_value_an_added_figure_and_source_and_a_removed_fact_appear_as_changes(repo):
    lines = _lines(repo)
    edited = [line for (kind, _), line in lines.items() if kind == "Figure" and "→" in line.text]
    assert [line.text for line in edited] == ["amount: 2000000 → 2100000"]
    added = [line for (kind, _), line in lines.items() if kind == "Figure" and line.text.startswith("added")]
    assert len(added) == 1 and "partner-share-of-exports" in added[0].text
    assert lines[("Source", "example-2022-news")].text.startswith("added: Example Daily")
    assert lines[("Fact", "test-ore-overview")].text.startswith("removed: Test ore is a made-up product")


def _head_comparison(repo):
    """The cached comparison of the head's data with the base's, named by their data trees."""
    base, head = (git(repo, "rev-parse", f"{ref}:data") for ref in ("base", "head"))
    [entry] = cache_dir(CACHE_KIND).glob(f"*-{base}-{head}.json")
    return entry


def test_a_comparison_is_read_from_the_cache_once_made(repo):
    first = data_commits(repo)
    cached = _head_comparison(repo)
    assert len(list(cache_dir(CACHE_KIND).glob("*.json"))) == len(first)  # one per commit
    cached.write_text('[{"kind": "claim", "id": "from-the-cache", "change": "removed", "file": "x", '
                         '"line": 1, "fields": [], "values": {}, "pages": []}]')
    again = data_commits(repo)
    assert [c.commit for c in again] == [c.commit for c in first]
    assert [c["id"] for c in again[0].changes] == ["from-the-cache"]


def test_no_history_outside_a_git_checkout(tmp_path):
    (tmp_path / "data").mkdir()
    assert data_commits(tmp_path) == []


def _feed(site):
    return ET.parse(site / "changes.xml").getroot()


def test_the_feed_is_atom_with_what_rfc_4287_requires(real_site):
    feed = _feed(real_site)
    assert feed.tag == f"{{{ATOM}}}feed"
    for required in ("atom:id", "atom:title", "atom:updated", "atom:author/atom:name"):
        assert feed.find(required, NS) is not None, required
    assert feed.find("atom:link[@rel='self']", NS).get("href").endswith("/changes.xml")
    entries = feed.findall("atom:entry", NS)
    assert entries, "the project's history has commits to data/"
    ids = [e.find("atom:id", NS).text for e in entries]
    assert len(set(ids)) == len(ids)
    for entry in entries:
        for required in ("atom:id", "atom:title", "atom:updated", "atom:link[@rel='alternate']"):
            assert entry.find(required, NS) is not None, required
        datetime.datetime.fromisoformat(entry.find("atom:updated", NS).text)


def test_each_feed_entry_links_to_its_revision_on_the_changes_page(real_site):
    page = parse_page(built_page(real_site, "changes/"))
    anchors = page.ids
    for entry in _feed(real_site).findall("atom:entry", NS):
        link = entry.find("atom:link[@rel='alternate']", NS).get("href")
        assert link.split("#")[1] in anchors, link


@given(subject=st.text(), identifier=st.text(min_size=1, max_size=30))
def test_any_text_in_a_commit_or_an_entry_leaves_the_feed_well_formed(subject, identifier):
    change = {"kind": "fact", "id": identifier, "change": "added", "file": "f", "line": 1, "fields": [],
              "values": {"statement": subject}, "pages": []}
    commit = DataCommit("a" * 40, "2026-01-02T03:04:05+00:00", subject, (change,))
    log: CommitLog = commit_log(commit)
    feed = ET.fromstring(atom_feed([log], "Site <&>", "https://example.org/changes/",
                                   "https://example.org/changes.xml", "https://example.org/repo"))
    summary = feed.find("atom:entry/atom:summary", NS).text
    assert summary.startswith(visible_text(subject, LONGEST_SUBJECT))
    assert len(feed.findall("atom:entry", NS)) == 1
