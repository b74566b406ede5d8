"""Bibliography pages are stable: a source's page (and so its anchor's address) depends on the
source alone, never on how many sources come before it; and no page outgrows BIBLIOGRAPHY_PAGE."""

from __future__ import annotations

import string
from pathlib import Path

import pytest

from helpers import ROOT
from nkexports.dataset import Dataset, Source
from nkexports.load import load_dataset
from nkexports.render import BIBLIOGRAPHY_PAGE, BIBLIOGRAPHY_SPLITS, Renderer


def _news(ident: str, publisher: str) -> Source:
    return Source(id=ident, kind="news", publisher=publisher, title="A synthetic story", published="2020",
                  url="https://example.org/", accessed="2024-01-15")


def _dataset(sources: list[Source]) -> Dataset:
    return Dataset({s.id: s for s in sources}, {}, {}, [], {}, {}, [], None, None, {}, [], None, None)


# More news sources than one page holds, under publishers of every initial.
MANY = [_news(f"story-{n}", f"{string.ascii_uppercase[n % 26]} Daily {n:03}") for n in range(3 * BIBLIOGRAPHY_PAGE // 2)]


@pytest.mark.parametrize("publisher", ["Aardvark News", "Mid Times", "Zebra Post", "38 North"])
def test_adding_a_source_moves_no_other_to_another_page(publisher):
    before = Renderer(_dataset(MANY)).source_page_paths()
    after = Renderer(_dataset(MANY + [_news("new-story", publisher)])).source_page_paths()
    moved = {ident for ident in before if after[ident] != before[ident]}
    assert moved == set()


def test_no_bibliography_page_of_the_real_data_is_too_long():
    data = load_dataset(ROOT / "data")
    for label, path, entries in Renderer(data)._source_pages():
        assert len(entries) <= BIBLIOGRAPHY_PAGE, (
            f"{path} lists {len(entries)} sources; add a letter to BIBLIOGRAPHY_SPLITS in nkexports/render.py")


def test_every_source_is_on_exactly_one_page():
    pages = Renderer(_dataset(MANY)).source_page_paths()
    assert set(pages) == {s.id for s in MANY}
    splits = BIBLIOGRAPHY_SPLITS["news"]  # every letter has publishers here, so every page has sources
    assert set(pages.values()) == {"sources/news.md"} | {f"sources/news-{n}.md" for n in range(2, len(splits) + 2)}
    assert Path(pages["story-0"]).name == "news.md"  # publisher "A Daily 000"
