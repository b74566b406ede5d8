"""The dataset a build shares: loaded once per build, and again for the next build (as `mkdocs serve`
makes one per change) only if the data changed."""

from __future__ import annotations

from types import SimpleNamespace

from nkexports.site import DATA_DIR_VARIABLE, site_data


def _config(data_dir):
    return SimpleNamespace(config_file_path=str(data_dir.parent / "mkdocs.yml"), theme={"language": "en"})


def test_one_build_loads_once_and_the_next_sees_the_changed_data(fixture_copy, monkeypatch):
    monkeypatch.delenv(DATA_DIR_VARIABLE, raising=False)
    build = _config(fixture_copy)
    first = site_data(build)
    assert site_data(build) is first
    assert site_data(_config(fixture_copy)) is first  # the next build, nothing changed
    page_file = sorted((fixture_copy / "categories").glob("*.yaml"))[0]
    page_file.write_text(page_file.read_text(encoding="utf-8").replace("summary: ", "summary: Changed. ", 1),
                         encoding="utf-8")
    changed = site_data(_config(fixture_copy))
    assert changed is not first
    assert any(p.summary.startswith("Changed. ") for p in changed.pages.values())
