"""A repeated id is reported once, naming both places, on the entry that is not published
(published: listed in its file at git HEAD, or at the commit NKEXPORTS_PUBLISHED_REF names)."""

from __future__ import annotations

import shutil
import subprocess

from helpers import FIXTURE_DATA, problems_in

GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"]
CLOTH = "categories/test-cloth.yaml"


def _repeat_ore_overview_in_cloth(data) -> None:
    """Give test-cloth's fact the id of test-ore's: test-cloth.yaml is read first, before test-ore.yaml."""
    path = data / CLOTH
    path.write_text(path.read_text().replace("id: test-cloth-overview", "id: test-ore-overview"))


def _id_problems(data) -> list[str]:
    return [p for p in problems_in(data) if "'test-ore-overview' is" in p]


PUBLISHED_BLAME = [
    "data/categories/test-cloth.yaml:8: facts[0].id: fact id 'test-ore-overview' is already used at "
    "data/categories/test-ore.yaml:10, which is published; give this one a new id; "
    "the published one keeps its id, which pages and citations use"]


def _published_repository(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    subprocess.run([*GIT, "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run([*GIT, "add", "data"], cwd=tmp_path, check=True)
    subprocess.run([*GIT, "commit", "-q", "-m", "published"], cwd=tmp_path, check=True)
    subprocess.run([*GIT, "tag", "published"], cwd=tmp_path, check=True)
    return data


def test_the_new_entry_is_blamed_and_the_published_one_named(tmp_path):
    data = _published_repository(tmp_path)
    _repeat_ore_overview_in_cloth(data)
    assert _id_problems(data) == PUBLISHED_BLAME


def test_in_a_pull_request_the_base_commit_says_what_is_published(tmp_path, monkeypatch):
    data = _published_repository(tmp_path)
    _repeat_ore_overview_in_cloth(data)
    subprocess.run([*GIT, "commit", "-q", "-am", "the pull request"], cwd=tmp_path, check=True)
    assert "both are published" in _id_problems(data)[0]
    monkeypatch.setenv("NKEXPORTS_PUBLISHED_REF", "published")
    assert _id_problems(data) == PUBLISHED_BLAME


def test_without_a_commit_both_places_are_named_once(fixture_copy):
    _repeat_ore_overview_in_cloth(fixture_copy)
    [problem] = _id_problems(fixture_copy)
    assert "data/categories/test-cloth.yaml:8" in problem and "data/categories/test-ore.yaml:10" in problem
    assert "neither is published yet" in problem
