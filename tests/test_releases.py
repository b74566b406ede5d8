"""Releases' frozen copies: which releases there are, how a copy's manifest is read, and, end to end,
that a citation on the live site names a frozen copy that holds the same page and leads back to it."""

from __future__ import annotations

import datetime
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from data_history import GIT, edit, git
from helpers import FIXTURE_DATA, ROOT, build_site
from nkexports.release_build import releases
from nkexports.releases import (MANIFEST, RELEASES_DIR_VARIABLE, Release, monthly_release_dates,
                                newest_release_holding, read_releases, release_date)

RELEASE = "2026-12-01"


def test_a_release_date_is_a_real_day_in_one_form():
    assert [release_date(t) for t in ("release-2026-12-01", "2026-12-01")] == [RELEASE, RELEASE]
    for hostile in ("release-2026-13-01", "release-2026-02-30", "release-2026-12-01x", "release-../2026-12-01",
                    "2026-12-1", "release-2026-12-01\n", "", "release-"):
        assert release_date(hostile) is None, hostile


def test_each_months_first_day_from_the_first_monthly_release_is_a_release():
    first = datetime.date(2027, 11, 1)
    assert monthly_release_dates(datetime.date(2028, 2, 15), first) == ["2027-11-01", "2027-12-01", "2028-01-01",
                                                                        "2028-02-01"]
    assert monthly_release_dates(datetime.date(2027, 10, 31), first) == []


def _manifest(folder: Path, name: str, content) -> None:
    (folder / name).mkdir()
    (folder / name / MANIFEST).write_text(content if isinstance(content, str) else json.dumps(content))


def test_only_well_formed_copies_are_read(tmp_path):
    good = {"release": "2026-11-01", "commit": "a" * 40, "pages": {"": "abcdef1", "categories/coal/": None}}
    _manifest(tmp_path, "2026-11-01", good)
    _manifest(tmp_path, "2026-10-01", dict(good, release="2026-11-01"))  # names another release
    _manifest(tmp_path, "2026-09-01", dict(good, release="2026-09-01", pages={"../../etc/": "abcdef1"}))
    _manifest(tmp_path, "2026-08-01", dict(good, release="2026-08-01", pages={"": "<script>"}))
    _manifest(tmp_path, "2026-07-01", "{not json")
    _manifest(tmp_path, "2026-06-01", ["a list"])
    _manifest(tmp_path, "latest", dict(good, release="latest"))
    (tmp_path / "2026-05-01").symlink_to(tmp_path / "2026-11-01")
    assert read_releases(tmp_path) == {"2026-11-01": good["pages"]}
    assert read_releases(tmp_path / "missing") == {}


def test_a_page_is_cited_at_the_newest_release_that_froze_it_at_the_same_revision():
    copies = {"2026-10-01": {"a/": "1111111", "b/": "2222222"}, "2026-11-01": {"a/": "3333333", "b/": "2222222"}}
    assert newest_release_holding(copies, "b/", "2222222") == "2026-11-01"
    assert newest_release_holding(copies, "a/", "1111111") == "2026-10-01"
    assert newest_release_holding(copies, "a/", "4444444") is None
    assert newest_release_holding(copies, "c/", "2222222") is None
    assert newest_release_holding(copies, "a/", None) is None


def _commit(repo: Path, message: str, day: str) -> str:
    stamp = f"{day}T12:00:00+00:00"
    subprocess.run([*GIT, "commit", "-q", "--allow-empty", "-m", message], cwd=repo, check=True,
                   env={**os.environ, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})
    return git(repo, "rev-parse", "HEAD")


def test_releases_are_tags_and_month_starts(tmp_path):
    git(tmp_path, "init", "-q", "-b", "main")
    december = _commit(tmp_path, "december", "2026-12-20")
    january = _commit(tmp_path, "january", "2027-01-15")
    february = _commit(tmp_path, "february", "2027-02-20")
    git(tmp_path, "tag", "release-2027-01-20", january)
    git(tmp_path, "tag", "-a", "-m", "annotated", "release-2027-02-01", december)  # a tag wins over the month
    for hostile in ("release-2027-13-01", "release-2027-01-20x", "releases-2027-01-21", "release-2027-1-22"):
        git(tmp_path, "tag", hostile, february)
    assert releases(tmp_path, datetime.date(2027, 3, 5)) == [
        Release("2027-01-01", december), Release("2027-01-20", january), Release("2027-02-01", december),
        Release("2027-03-01", february)]


def _site_copy(repo: Path) -> None:
    """The project as it is in this checkout, with the fixture data: small, so both builds are quick."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if name.startswith("data/") or not source.is_file() or source.is_symlink():
            continue
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, repo / name)
    shutil.copytree(FIXTURE_DATA, repo / "data")


@pytest.fixture(scope="module")
def released(tmp_path_factory) -> tuple[Path, Path, Path, str]:
    """A repository released on RELEASE, then changed in one partner's data; the release's frozen copy;
    the live site built after the change, citing the copy; and the changed page's URL."""
    repo = tmp_path_factory.mktemp("released") / "repo"
    repo.mkdir()
    _site_copy(repo)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    _commit(repo, "the released state", "2026-11-20")
    git(repo, "tag", f"release-{RELEASE}")
    edit(repo / "data" / "partners" / "testland.yaml", "of synthetic exports in 2020.",
         "of synthetic exports in 2020, as changed after the release.")
    git(repo, "add", "-A")
    _commit(repo, "a change after the release", "2026-12-03")
    copies = repo.parent / "releases-built"
    made = subprocess.run([sys.executable, "-m", "nkexports", "releases", "--into", str(copies), "--today", "2026-12-07"],
                          cwd=repo, capture_output=True, text=True)
    assert made.returncode == 0, made.stderr
    os.environ[RELEASES_DIR_VARIABLE] = str(copies)
    try:
        live = build_site(repo.parent / "site", cwd=repo)
    finally:
        del os.environ[RELEASES_DIR_VARIABLE]
    assert live.returncode == 0, live.stderr
    return repo, copies, repo.parent / "site", "partners/testland/"


def _page_citation(site: Path, page_url: str) -> dict:
    return json.loads((site / page_url / "cite.json").read_text())[0]


def _site_url(repo: Path) -> str:
    return next(line.split(":", 1)[1].strip() for line in (repo / "mkdocs.yml").read_text().splitlines()
                if line.startswith("site_url:")).rstrip("/") + "/"


def test_a_release_is_built_as_a_frozen_copy_with_its_pages_listed(released):
    repo, copies, _, _ = released
    manifest = json.loads((copies / RELEASE / MANIFEST).read_text())
    assert manifest["release"] == RELEASE and manifest["commit"] == git(repo, "rev-parse", f"release-{RELEASE}")
    assert "" in manifest["pages"] and all((copies / RELEASE / url / "index.html").is_file() for url in manifest["pages"])


def test_a_citation_on_the_live_site_resolves_to_the_frozen_copy_and_back(released):
    repo, copies, live, changed = released
    site_url = _site_url(repo)
    frozen_address = f"{site_url}releases/{RELEASE}/"
    pages = json.loads((copies / RELEASE / MANIFEST).read_text())["pages"]
    at_release = 0
    for page_url in pages:
        cited = _page_citation(live, page_url)
        if page_url == changed:
            assert cited["URL"] == site_url + page_url, "a page changed since the release is cited live"
            continue
        if not cited["URL"].startswith(frozen_address):
            continue  # drawn on the changed data too (a list of pages, the home page): cited live
        at_release += 1
        frozen = copies / RELEASE / cited["URL"].removeprefix(frozen_address) / "index.html"
        assert frozen.is_file(), f"{cited['URL']} leads nowhere"
        soup = BeautifulSoup(frozen.read_text(), "html.parser")
        back = soup.select_one(".release-banner a.live-link")["href"]
        assert back == site_url + page_url and (live / page_url / "index.html").is_file()
        assert cited["note"].endswith(f"Live page: {back}")
        assert _page_citation(copies / RELEASE, page_url)["URL"] == cited["URL"], "the copy cites itself"
        rows = json.loads((live / page_url / "figure-citations.json").read_text()) if (
            live / page_url / "figure-citations.json").exists() else {}
        for anchor, row in rows.items():
            assert row["url"] == f"{cited['URL']}#{anchor}" and soup.find(id=anchor) is not None, anchor
    assert at_release, "no page is cited at the release"
