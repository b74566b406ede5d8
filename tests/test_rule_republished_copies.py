"""The republished-copies rule on its own, and its exception list held against the real data."""

from __future__ import annotations

from pathlib import Path

from helpers import ROOT, TODAY, sources_docset
from nkexports.load import check_data
from nkexports.rules import republished_copies

ENTRY = """sources:
  - id: {ident}
    kind: news
    publisher: Example portal
    title: A report as reprinted
    published: 2024-03-01
    url: {url}
    accessed: 2026-12-01
{extra}"""


def problems(tmp_path, url, ident="example-2024-copy", extra="", kept=None):
    docs = sources_docset(tmp_path, ENTRY.format(ident=ident, url=url, extra=extra))
    return [str(p) for p in republished_copies.check(docs, TODAY, kept=kept or {})]


def test_copy_on_a_republishing_site_is_reported(tmp_path):
    assert problems(tmp_path, "https://menafn.com/1107808197/A-Story") == [
        "data/sources/example.yaml:7: sources[0].url: menafn.com is a syndication site that reprints other "
        "agencies' stories, not the original publisher; cite the original instead; if it cannot be found, add "
        "'example-2024-copy' with the reason to KEPT in nkexports/rules/republished_copies.py and name the "
        "original in primary_source"]


def test_subdomains_count_as_the_site(tmp_path):
    assert len(problems(tmp_path, "https://au.news.yahoo.com/a/36713838/story/")) == 1
    assert len(problems(tmp_path, "https://en.wikipedia.org/wiki/Example")) == 1


def test_a_kept_copy_must_name_its_original(tmp_path):
    kept = {"example-2024-copy": "the original is not in the corpus"}
    assert problems(tmp_path, "https://menafn.com/1/a", kept=kept) == [
        "data/sources/example.yaml:2: sources[0].id: source 'example-2024-copy' is a copy on menafn.com but "
        "does not name its original; name the original publication in primary_source"]
    named = "    primary_source: Reuters\n"
    assert problems(tmp_path, "https://menafn.com/1/a", extra=named, kept=kept) == []


def test_original_publishers_pass(tmp_path):
    for url in ("https://www.reuters.com/article/x", "https://notmenafn.com/a", "https://menafn.com.example.org/a"):
        assert problems(tmp_path, url) == [], url


def test_kept_entry_no_longer_needed_is_reported(tmp_path):
    kept = {"example-2024-copy": "the original is not in the corpus"}
    found = problems(tmp_path, "https://www.reuters.com/article/x", kept=kept)
    assert len(found) == 1
    assert found[0].startswith("nkexports/rules/republished_copies.py:")
    assert found[0].endswith(": KEPT['example-2024-copy']: source 'example-2024-copy' is no longer on a "
                             "republishing site; remove its entry from KEPT")


def test_every_kept_entry_is_still_needed_by_the_real_data():
    docs, _ = check_data(ROOT / "data", TODAY)
    copies = {source["id"] for _, _, source in docs.sources() if republished_copies.republisher(source["url"])}
    assert sorted(set(republished_copies.KEPT) - copies) == []


def test_kept_line_points_at_the_entry():
    ident = next(iter(republished_copies.KEPT))
    line = Path(republished_copies.__file__).read_text().splitlines()[republished_copies._kept_line(ident) - 1]
    assert line.strip().startswith(f'"{ident}":')
