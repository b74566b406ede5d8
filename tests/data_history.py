"""A fixture git repository of the fixture data: a base commit and a head commit with one value
changed, one observation added, one source added and one fact removed (for the data diff and
the changes page)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from helpers import FIXTURE_DATA
from nkexports.caches import CACHE_DIR_VARIABLE

GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"]
NEW_SOURCE = """  - id: example-2022-news
    kind: news
    publisher: Example Daily
    title: Synthetic news of a second year
    published: 2022-02-01
    url: https://example.org/news?id=1|2
    accessed: 2024-01-15
"""
NEW_OBSERVATION = """      - id: testland-share-2021
        amount: 85
        unit: percent
        period: 2021
        coverage: whole
        indicator: partner-share-of-exports
        reporter: example-customs
        partner: testland
        product: all-goods
        sources: [example-2022-news]
"""
REMOVED_FACT = """  - id: test-ore-overview
    topic: overview
    statement: Test ore is a made-up product used to exercise the page generator.
    sources: [example-2020-report]
"""


def git(repo: Path, *args: str) -> str:
    return subprocess.run([*GIT, *args], cwd=repo, check=True, capture_output=True, text=True).stdout.strip()


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"the fixture no longer holds {old!r}"
    path.write_text(text.replace(old, new, 1))


def _head_changes(data: Path) -> None:
    """One value changed, one observation added, one source added, one fact removed."""
    edit(data / "series" / "total-exports-kotra.yaml", "amount: 2000000", "amount: 2100000")
    edit(data / "partners" / "testland.yaml", "        sources: [example-2021-customs]\n    categories",
          "        sources: [example-2021-customs]\n" + NEW_OBSERVATION + "    categories")
    edit(data / "partners" / "testland.yaml", "of synthetic exports in 2020.",
          "of synthetic exports in 2020 and [[testland-share-2021]] in 2021.")
    sources = data / "sources" / "example.yaml"
    sources.write_text(sources.read_text() + NEW_SOURCE)
    edit(data / "categories" / "test-ore.yaml", REMOVED_FACT, "")


@pytest.fixture
def repo(tmp_path, monkeypatch) -> Path:
    """A git repository holding the fixture data at `base`, and the four changes at `head`; its
    comparisons are cached in a folder of its own."""
    monkeypatch.setenv(CACHE_DIR_VARIABLE, str(tmp_path / "caches"))
    repo = tmp_path / "repo"
    repo.mkdir()
    shutil.copytree(FIXTURE_DATA, repo / "data")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "data")
    git(repo, "commit", "-q", "-m", "base")
    git(repo, "tag", "base")
    _head_changes(repo / "data")
    git(repo, "commit", "-q", "-am", "head")
    git(repo, "tag", "head")
    return repo


