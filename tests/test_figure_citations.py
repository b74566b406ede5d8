"""Every row of the figures tables (annual series, "All figures") can be cited: its cite link names
an anchor in its own row, and the page's figure-citations.json holds that row's citation in every
format, which real parsers read: bibtexparser (BibTeX), rispy (RIS), json (CSL-JSON)."""

from __future__ import annotations

import json
from pathlib import Path

import bibtexparser
import pytest
import rispy
from bs4 import BeautifulSoup

from helpers import built_page
from nkexports.load import load_dataset

ROOT = Path(__file__).resolve().parent.parent
REAL = load_dataset(ROOT / "data")
FIGURES = {o.id: o for o in REAL.observations}
SITE_URL = "https://nkexports.github.io/nkexports/"
# Pages with both kinds of figures table, and the page of series alone.
PAGES = ["categories/coal/", "partners/china/", "figures/", "partners/south-korea/"]
FIRST_COLUMNS = ("Year", "Period")  # the figures tables: series ("Year") and "All figures" ("Period")


def _soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup(built_page(site, url.rstrip("/")).read_text(encoding="utf-8"), "html.parser")


def figure_rows(soup: BeautifulSoup) -> list:
    """Every body row of every table whose first column is a year or a period."""
    rows = []
    for table in soup.select("article table"):
        first = table.select_one("thead th")
        if first is not None and first.get_text(strip=True) in FIRST_COLUMNS:
            rows.extend(table.select("tbody tr"))
    return rows


def _row_file(site: Path, url: str) -> dict:
    return json.loads((site / url / "figure-citations.json").read_text(encoding="utf-8"))


def _text(format_entry: dict) -> str:
    """A format's text as the files have it: without the access date, which only the reader's day gives."""
    return format_entry["before"] + format_entry["after"]


def _formats(entry: dict) -> dict[str, str]:
    return {f["label"]: _text(f) for f in entry["formats"]}


@pytest.mark.parametrize("url", PAGES)
def test_every_figure_row_has_one_cite_link_to_an_anchor_in_its_row(real_site, url):
    rows = figure_rows(_soup(real_site, url))
    assert rows, f"{url} has no figures table"
    for row in rows:
        links = row.select("a.cite-row")
        assert len(links) == 1, f"{url}: a row has {len(links)} cite links: {row.get_text(' ', strip=True)[:80]}"
        anchor = links[0]["data-cite"]
        assert row.get("id") == anchor or row.find(id=anchor) is not None, f"{url}: #{anchor} is not in its row"
        assert links[0]["href"] == "#cite-this-page", "without the script, the link leads to the page's citation"


@pytest.mark.parametrize("url", PAGES)
def test_the_row_file_cites_every_row_at_its_anchor(real_site, url):
    soup = _soup(real_site, url)
    cited = _row_file(real_site, url)
    links = [row.select_one("a.cite-row") for row in figure_rows(soup)]
    assert {link["data-cite"] for link in links} <= set(cited)
    revision = soup.select_one("section.cite-page a.revision-link").get_text(strip=True)
    for link in links:
        anchor, figure = link["data-cite"], FIGURES[link["data-figure"]]
        entry = cited[anchor]
        assert entry["url"] == f"{SITE_URL}{url}#{anchor}"
        period = link.find_parent("tr").select_one("td").get_text(" ", strip=True)
        assert period in entry["title"] and REAL.reporters[figure.reporter].name in entry["title"], entry["title"]
        (biblatex,) = bibtexparser.parse_string(_formats(entry)["BibLaTeX"]).entries
        assert biblatex["version"] == revision, "a row is cited at its page's revision"


@pytest.mark.parametrize("url", PAGES)
def test_row_citations_parse_in_bibtex_ris_and_csl_json(real_site, url):
    cited = _row_file(real_site, url)
    keys: dict[str, list[str]] = {"BibTeX": [], "BibLaTeX": [], "CSL-JSON": []}
    for anchor, entry in cited.items():
        formats = _formats(entry)
        assert set(formats) >= {"APA 7", "MLA 9", "Chicago (author-date)", "Harvard", "BibTeX", "BibLaTeX", "RIS",
                                "CSL-JSON"}
        for label in ("BibTeX", "BibLaTeX"):
            library = bibtexparser.parse_string(formats[label])
            assert not library.failed_blocks and len(library.entries) == 1, f"{anchor}: {label} does not parse"
            keys[label].append(library.entries[0].key)
        (record,) = rispy.loads(formats["RIS"])
        assert record["type_of_reference"] == "ELEC" and record["urls"] == [entry["url"]]
        assert record["title"] == entry["title"]
        (item,) = json.loads(formats["CSL-JSON"])
        assert item["URL"] == entry["url"] and item["title"] == entry["title"]
        keys["CSL-JSON"].append(item["id"])
    for label, found in keys.items():
        assert len(found) == len(set(found)), f"two rows share a {label} key"


def test_csl_json_ids_are_unique_across_the_site(real_site):
    ids = [json.loads(_text(f))[0]["id"] for path in real_site.rglob("figure-citations.json")
           for entry in json.loads(path.read_text(encoding="utf-8")).values()
           for f in entry["formats"] if f["label"] == "CSL-JSON"]
    assert len(ids) > 100 and len(ids) == len(set(ids))


def test_a_row_names_the_primary_source_of_its_figure(real_site):
    """What lies behind the reporting a figure cites: a UN document by its symbol, or whose data it reports."""
    url = "partners/china/"
    cited = _row_file(real_site, url)
    checked = 0
    for link in _soup(real_site, url).select("a.cite-row"):
        entry, figure = cited[link["data-cite"]], FIGURES[link["data-figure"]]
        sources = [REAL.sources[i] for i in figure.sources]
        named = [s.document_symbol or s.primary_source for s in sources if s.document_symbol or s.primary_source]
        if named:
            (record,) = rispy.loads(_formats(entry)["RIS"])
            assert all(name in " ".join(record.get("notes", [])) for name in named), link["data-cite"]
            assert all(name in entry["original"] for name in named), link["data-cite"]
            checked += 1
    assert checked, "no figure on the China page has a primary source to name"


def test_hostile_text_stays_inside_its_row_citation(hostile_site):
    """Built from data with markup, quotes, braces and line breaks in every field, each row file is
    still JSON, and each format still holds one record whose title is the text as written."""
    files = list(hostile_site.rglob("figure-citations.json"))
    assert files
    for path in files:
        for anchor, entry in json.loads(path.read_text(encoding="utf-8")).items():
            formats = _formats(entry)
            library = bibtexparser.parse_string(formats["BibLaTeX"])
            assert not library.failed_blocks and len(library.entries) == 1, f"{path}: {anchor}"
            (record,) = rispy.loads(formats["RIS"])
            assert record["title"] == " ".join(entry["title"].split()), f"{path}: {anchor}"
            (item,) = json.loads(formats["CSL-JSON"])
            assert item["title"] == entry["title"], f"{path}: {anchor}"
