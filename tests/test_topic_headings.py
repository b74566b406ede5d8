"""The guide's table of topic headings is what the pages show: each fixture fact sits under the
heading the table in CONTRIBUTING.md gives its topic on its kind of page, in the table's order."""

from __future__ import annotations

import json
import re

from bs4 import BeautifulSoup
from markdown_it import MarkdownIt

from helpers import FIXTURE_DATA, ROOT, built_page
from nkexports.load import load_dataset
from nkexports.topics import HEADINGS

CELL = re.compile(r"(.+) \(section (\d+)\)")


def guide_headings() -> dict[tuple[str, str], tuple[str, int]]:
    """(kind, topic) -> (heading, place), read from the table in CONTRIBUTING.md."""
    html = MarkdownIt("commonmark").enable("table").render((ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8"))
    soup = BeautifulSoup(html, "html.parser")
    title = soup.find("h3", string="Which heading each topic gets")
    assert title is not None, "CONTRIBUTING.md has no table of the heading each topic gets"
    table = title.find_next("table")
    kinds = [re.fullmatch(r"Heading on a (\w+) page", th.get_text()).group(1) for th in table.find_all("th")[1:]]
    found = {}
    for row in table.find("tbody").find_all("tr"):
        topic, *cells = [td.get_text() for td in row.find_all("td")]
        for kind, cell in zip(kinds, cells):
            heading, place = CELL.fullmatch(cell).groups()
            found[(kind, topic)] = (heading, int(place))
    return found


def _heading_before(page: BeautifulSoup, anchor: str) -> str:
    heading = page.find(id=anchor).find_previous("h2")
    for permalink in heading.find_all("a", class_="headerlink"):
        permalink.decompose()
    return heading.get_text().strip()


def test_every_fact_sits_under_the_heading_the_guide_gives_its_topic(fixture_site):
    guide = guide_headings()
    data = load_dataset(FIXTURE_DATA)
    checked = set()
    for page in data.pages.values():
        built = BeautifulSoup(built_page(fixture_site, page.url).read_text(encoding="utf-8"), "html.parser")
        for fact in page.facts:
            assert _heading_before(built, fact.id) == guide[(page.kind, fact.topic)][0], (page.url, fact.id)
            checked.add(page.kind)
        shown = [h.get_text().replace("¶", "").strip() for h in built.find_all("h2")]
        places = [guide[(page.kind, f.topic)] for f in page.facts]
        in_page_order = sorted({heading for heading, _ in places}, key=shown.index)
        assert in_page_order == [heading for heading, _ in sorted(set(places), key=lambda p: p[1])]
    assert checked == set(HEADINGS)


def test_the_guide_covers_every_topic_the_schema_allows_on_every_kind_of_page():
    common = json.loads((ROOT / "schemas" / "common.schema.json").read_text())
    topics = common["$defs"]["fact"]["properties"]["topic"]["enum"]
    assert set(guide_headings()) == {(kind, topic) for kind in HEADINGS for topic in topics}
