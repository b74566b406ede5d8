"""Links that read alike to the eye ("Cite", "context", "¶") have names a screen reader tells apart:
in every page of the real site, two links with one name lead to one place, and a row's "Cite" names
the figure it cites. A link's name is read as browsers compute it for these links: its aria-label,
else its whole text, words hidden from sight included."""

from __future__ import annotations

import re
from collections import defaultdict
from urllib.parse import urljoin

from bs4 import BeautifulSoup

from nkexports.periods import period_label
from test_site import REAL, html_pages

# What these links show; the rest of each one's name is read by screen readers only.
SHOWN = ("Cite", "context", "in the table", "where this figure is given", "Link", "¶", "↩",
         "Look up archived copies", "Archived copy")


def _name(link) -> str:
    """The link's accessible name as a screen reader computes it from content: its whole text."""
    return re.sub(r"\s+", " ", link.get("aria-label") or link.get_text()).strip()


def test_no_two_links_on_a_page_share_a_name_unless_they_lead_to_one_place(real_site):
    """What a screen reader's list of links shows: every link's name, which must say where it leads."""
    for path in html_pages(real_site):
        here = "https://site.invalid/" + path.relative_to(real_site).as_posix()
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        places: dict[str, set[str]] = defaultdict(set)
        for link in soup.find_all("a", href=True):
            places[_name(link)].add(urljoin(here, link["href"]).removesuffix("index.html"))
        shared = {name: sorted(hrefs) for name, hrefs in places.items() if len(hrefs) > 1}
        assert not shared, (path, shared)


def test_links_that_look_alike_have_names_of_their_own(real_site):
    checked = 0
    for path in html_pages(real_site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for link in soup.find_all("a", href=True):
            seen = "".join(link.find_all(string=True, recursive=False)).strip()
            if seen in SHOWN:
                assert _name(link) != seen, f"{path}: a '{seen}' link with no name of its own"
                checked += 1
    assert checked


def test_a_rows_cite_link_names_the_figure_it_cites(real_site):
    page = REAL.pages[("category", "coal")]
    soup = BeautifulSoup((real_site / page.url / "index.html").read_text(encoding="utf-8"), "html.parser")
    links = soup.select("a.cite-row")
    assert links
    for link in links:
        observation = REAL.observation_by_id[link["data-figure"]]
        name = _name(link)
        assert name.startswith("Cite ") and period_label(observation.period) in name
        assert REAL.reporters[observation.reporter].name in name


def test_each_footnote_has_one_back_link_to_where_it_is_first_cited(real_site):
    checked = 0
    for path in html_pages(real_site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for entry in soup.select("div.footnote li[id^='fn:']"):
            back = entry.select("a.footnote-backref")
            label = entry["id"].removeprefix("fn:")
            assert [a["href"] for a in back] == [f"#fnref:{label}"], f"{path}: {entry['id']}"
            first = soup.find(id=f"fnref:{label}")
            assert first is not None and first.select_one("a.footnote-ref")["href"] == f"#fn:{label}"
            checked += 1
    assert checked > len(REAL.pages), "few footnotes found"
