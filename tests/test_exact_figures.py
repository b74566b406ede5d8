"""Every number the site derives equals what the data itself states: read back from the built site
and its downloads, against the records, for whatever figures the data holds."""

from __future__ import annotations

import csv
import math
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from nkexports.periods import period_label
from nkexports.statements import figure_ids
from test_site import REAL, html_pages

SCALE_WORDS = {"million": 1e6, "billion": 1e9, "trillion": 1e12}
READ_AMOUNT = re.compile(r"(\d[\d,]*(?:\.\d+)?)(?:\s+(million|billion|trillion))?")


def _csv(site: Path, name: str) -> list[dict]:
    return list(csv.DictReader((site / "downloads" / name).open(encoding="utf-8")))


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def read_amount(text: str) -> float:
    """A figure as a reader reads it: 'US$650.21 million' is 650,210,000; '62,184,815' is itself."""
    number, word = READ_AMOUNT.search(text).groups()
    return float(number.replace(",", "")) * SCALE_WORDS.get(word, 1)


def own_points() -> list:
    """Every point a series file itself writes, with its series: what the file states."""
    return [(REAL.series[o.written_in], o) for o in REAL.observations if o.written_in in REAL.series]


@pytest.fixture(scope="module")
def pages(real_site) -> dict[Path, BeautifulSoup]:
    return {path: _soup(path) for path in html_pages(real_site)}


def test_every_figure_on_a_page_equals_its_record(real_site, pages):
    records = {row["id"]: row for row in _csv(real_site, "observations.csv")}
    seen = 0
    for path, soup in pages.items():
        for element in soup.select("data.figure"):
            row = records[element["data-figure"]]
            stated = [float(row["value"])] if row["value"] else [float(row["low"]), float(row["high"])]
            assert [float(part) for part in element["value"].split("/")] == stated, (path, element)
            # The words say the record's value too: a range's last end carries the scale of both.
            assert math.isclose(read_amount(element.get_text().split("–")[-1]), stated[-1]), (path, element)
            seen += 1
    assert seen >= len(records)


def test_every_observation_appears_on_a_page(real_site, pages):
    shown = {element["data-figure"] for soup in pages.values() for element in soup.select("data.figure")}
    anchored = {element["id"] for soup in pages.values() for element in soup.select("[id]")}
    missing = [row["id"] for row in _csv(real_site, "observations.csv") if row["id"] not in shown | anchored]
    assert not missing, f"figures on no page: {missing[:10]}"


def test_every_statement_figure_is_printed_from_its_record(real_site, pages):
    """A fact's [[id]] placeholders print, in order, the figures they name, inside the fact."""
    by_url = {f"{path.parent.relative_to(real_site).as_posix()}/": soup for path, soup in pages.items()}
    for fact in REAL.facts():
        wanted = figure_ids(fact.statement)
        if not wanted:
            continue
        block = by_url[fact.page.url].find(id=fact.id)
        printed = [element["data-figure"] for element in block.find("p").select("data.figure")]
        assert printed == wanted, fact.id


@pytest.mark.parametrize("series", REAL.series_in_order, ids=lambda s: s.id)
def test_every_series_point_is_its_files_own_and_appears_unchanged_in_table_chart_and_download(real_site, pages,
                                                                                                 series):
    """Where the series file gives a year, the series shows one of the file's own figures for it, the
    same in its table, its chart's text and series.csv; every other figure the file gives is shown too."""
    own = [(point.period.text, point) for _, point in own_points() if point.written_in == series.id]
    own_by_year = {year: [p for y, p in own if y == year] for year, _ in own}
    downloaded = {r["period"]: float(r["amount"]) for r in _csv(real_site, "series.csv") if r["series_id"] == series.id}
    tables = 0
    for path, soup in pages.items():
        heading = soup.find(id=f"series-{series.id}")
        if heading is None:
            continue
        table = heading.find_next("table")
        description = heading.find_next("figure", class_="chart-figure").find("desc").get_text()
        for row in table.select("tbody tr"):
            shown = REAL.observation_by_id[row.select_one("data.figure")["data-figure"]]
            year = shown.period.text
            if year in own_by_year:
                assert shown in own_by_year[year], f"{path}: {series.id} {year} shows {shown.id}, not the file's own"
            assert float(row.select_one("data.figure")["value"]) == shown.amount == downloaded[year]
            said = re.search(rf"\b{re.escape(period_label(shown.period))}: ([^;]*?)(?:;|\.\s|\.$)", description)
            assert said and math.isclose(read_amount(said.group(1)), shown.amount), (path, description)
        tables += 1
    assert tables >= 1, f"series {series.id} is shown on no page"
    figures = {e["data-figure"] for soup in pages.values() for e in soup.select("data.figure")}
    assert not [p.id for _, p in own if p.id not in figures], "a figure of the series file is on no page"


def test_who_buys_shows_each_partners_newest_whole_year_exports_to_it(real_site, pages):
    """Each row's figure is an exports figure for that partner and all its goods, and no figure of that
    quantity is for a later year; its share, if any, is from the same reporter and period."""
    index = pages[real_site / "partners" / "index.html"]
    rows = index.find("h2", id="who-buys").find_next("table").find("tbody").find_all("tr")
    assert len(rows) == len(REAL.pages_of("partner"))
    for row in rows:
        slug = row.find("a")["href"].rstrip("/").split("/")[-1]
        figures = [REAL.observation_by_id[e["data-figure"]] for e in row.select("data.figure")]
        whole_years = [o for o in REAL.observations if o.indicator == "exports-value" and o.partner == slug
                       and o.product is None and o.hs is None and o.place is None and o.label is None
                       and o.coverage == "whole" and o.period.is_year]
        if not figures:
            assert not whole_years, slug
            continue
        exports, *share = figures
        assert exports.indicator == "exports-value" and exports.partner == slug, slug
        if whole_years:
            assert exports in whole_years and exports.period.end == max(o.period.end for o in whole_years), slug
        else:  # only a narrower figure: it says how it is narrower
            assert "(" in row.find_all("td")[1].get_text(), slug
        for other in share:
            assert other.partner == slug and other.reporter == exports.reporter and other.period == exports.period


def _monthly_exports(slug: str) -> list:
    """Every month's exports of all goods to `slug` in a monthly series: what the line may choose from."""
    return [o for s in REAL.series.values() if s.frequency == "monthly" and s.indicator == "exports-value"
            and s.partner == slug and s.product is None and s.hs is None and s.label is None
            for o in REAL.series_points(s)]


def test_the_latest_month_line_states_the_newest_month_and_the_same_month_a_year_earlier(real_site, pages):
    lines = {}
    for page in REAL.pages_of("partner"):
        soup = pages[real_site / "partners" / page.slug / "index.html"]
        line = soup.find("p", class_="latest-month")
        months = _monthly_exports(page.slug)
        assert (line is not None) == bool(months), page.slug
        if line is None:
            continue
        lines[page.slug] = line.get_text()
        newest, *earlier = [REAL.observation_by_id[e["data-figure"]] for e in line.select("data.figure")]
        assert newest in months and newest.period.end == max(o.period.end for o in months), page.slug
        year, month = newest.period.start
        assert [(o.period.start, o.reporter) for o in earlier] in ([], [((year - 1, month), newest.reporter)]), page.slug
        change = line.find("data", class_="change")
        if change is not None:
            before = earlier[0].amount
            assert math.isclose(float(change["value"]), (newest.amount - before) / before * 100), page.slug
            assert change.get_text() == f"{abs(float(change['value'])):.1f}%"
            assert change.previous_sibling.split()[-1] == ("up" if newest.amount > before else "down")
    home = pages[real_site / "index.html"].find("p", class_="latest-month")
    if home is not None:
        assert home.get_text() in lines.values(), "the home page's latest month is no partner's"
