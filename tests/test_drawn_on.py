"""A page's cited revision is the newest change to any file it is made from, on the fixture data and
an in-memory history: each kind of input, changed last, moves the revision."""

from __future__ import annotations

import pytest

from helpers import FIXTURE_DATA
from nkexports.drawn_on import TEMPLATE_DIR, files_drawn_on
from nkexports.load import load_dataset
from nkexports.revisions import Revision, newest_change

DATA = load_dataset(FIXTURE_DATA)
PAGE = next(p for p in DATA.pages.values() if p.kind == "category" and any(f.sources for f in p.facts))
SOURCE_FILE = DATA.sources[PAGE.facts[0].sources[0]].file


def history(newest: str) -> dict[str, Revision]:
    """Every file of the page last changed long ago, except `newest`, changed by the latest commit."""
    old = Revision("1" * 40, "2020-01-01", age=10)
    files = {PAGE.file, SOURCE_FILE, TEMPLATE_DIR + "category.md.j2", TEMPLATE_DIR + "_fact.md.j2",
             TEMPLATE_DIR + "page_footer.html.j2", "docs/index.md", "nkexports/render.py"}
    found = {path: old for path in files}
    found[newest] = Revision("2" * 40, "2020-01-01", age=0)  # same day: the order of commits decides
    return found


@pytest.mark.parametrize("newest", [PAGE.file, SOURCE_FILE, TEMPLATE_DIR + "category.md.j2",
                                    TEMPLATE_DIR + "_fact.md.j2", TEMPLATE_DIR + "page_footer.html.j2"])
def test_a_change_to_any_input_of_a_page_is_its_cited_revision(newest):
    files = files_drawn_on(DATA, PAGE.file, "", uses_macros=False)
    assert newest_change(history(newest), files).commit == "2" * 40


@pytest.mark.parametrize("unrelated", ["docs/index.md", "nkexports/render.py"])
def test_a_change_elsewhere_leaves_the_revision(unrelated):
    files = files_drawn_on(DATA, PAGE.file, "", uses_macros=False)
    assert newest_change(history(unrelated), files).commit == "1" * 40


def test_a_hand_written_page_with_macros_draws_on_all_the_data():
    data_dir = SOURCE_FILE.rsplit("/sources/", 1)[0] + "/"
    files = files_drawn_on(DATA, None, "docs/index.md", uses_macros=True, data_dir=data_dir)
    found = history(SOURCE_FILE)
    assert newest_change(found, files).commit == "2" * 40  # data/ holds the source file
    assert newest_change(found, files_drawn_on(DATA, None, "docs/index.md", uses_macros=False)).commit == "1" * 40
