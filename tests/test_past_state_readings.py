"""Past states of the data are read incrementally (load.check_data's `read_before`): a file met again
with the same bytes is not read again. Reading so must give exactly what reading afresh gives."""

from __future__ import annotations

import shutil

from nkexports.load import check_data


def _read(data_dir, shown_as, read_before=None):
    docs, problems = check_data(data_dir, shown_as=shown_as, rules=False, read_before=read_before)
    return [(d.kind.name, d.yaml.path, d.data) for d in docs.docs], problems


def test_a_state_read_after_another_is_what_it_is_read_alone(fixture_copy, tmp_path):
    readings = {}
    first = _read(fixture_copy, "data", readings)
    assert readings, "nothing was kept for the next state"
    later = tmp_path / "later"
    shutil.copytree(fixture_copy, later)
    changed = sorted((later / "categories").glob("*.yaml"))[0]
    changed.write_text(changed.read_text(encoding="utf-8").replace("summary:", "summary: [broken", 1), encoding="utf-8")
    moved = sorted((later / "partners").glob("*.yaml"))[0]
    moved.rename(later / "topics" / moved.name)  # the same bytes, read as another kind at another place

    assert _read(later, "data", readings) == _read(later, "data")
    assert _read(fixture_copy, "data", readings) == first
    assert any(p.path == f"data/categories/{changed.name}" for p in _read(later, "data", readings)[1])
    assert any(p.path == f"data/topics/{moved.name}" for p in _read(later, "data", readings)[1])
