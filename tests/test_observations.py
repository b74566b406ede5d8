"""Every figure is an observation, and the pages derive their latest figures, comparisons and
ban effects from the observations: read back from the built site and its downloads."""

from __future__ import annotations

import csv
import json

import lxml.html
import pytest
from frictionless import Package

from helpers import built_page
from nkexports.periods import period_label
from nkexports.views import KEY_INDICATORS, figure_title
from test_site import REAL

def _downloaded(site, name: str) -> list[dict]:
    return list(csv.DictReader((site / "downloads" / name).open(encoding="utf-8")))


def test_the_data_package_describes_every_download_and_validates(real_site):
    package = Package(str(real_site / "downloads" / "datapackage.json"))
    report = package.validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
    assert package.version and package.description
    downloads = {p.name for p in (real_site / "downloads").iterdir() if p.is_file()} - {"datapackage.json"}
    described = {resource.path: resource for resource in package.resources}
    assert set(described) == downloads
    assert all(resource.description for resource in described.values())
    for name in ("observations.csv", "series.csv", "facts.csv", "sources.csv"):
        assert described[name].schema.fields, f"{name} has no column descriptions"
    observation_columns = {field.name for field in described["observations.csv"].schema.fields}
    assert {"coverage", "value", "low", "high"} <= observation_columns
    rows = _downloaded(real_site, "observations.csv")
    assert len(rows) == len(REAL.observations)
    assert len({r["id"] for r in rows}) == len(rows)


def _latest_block(site, url: str):
    tree = lxml.html.parse(str(built_page(site, url)))
    blocks = tree.xpath('//div[contains(@class, "latest-figures")]')
    assert len(blocks) == 1, f"{url}: {len(blocks)} latest-figures blocks"
    return tree, blocks[0]


def _rows_by_id(site) -> dict[str, dict]:
    return {r["id"]: r for r in _downloaded(site, "observations.csv")}


def _own_scope(row: dict, kind: str, slug: str) -> bool:
    """A figure of exactly the page's quantity, as observations.csv states it."""
    product, partner = (slug, "") if kind == "category" else ("", slug)
    return (row["product"] == product and row["partner"] == partner and not (row["place"] or row["hs"] or row["label"])
            and row["coverage"] == "whole")


@pytest.mark.parametrize("page", [p for p in REAL.pages.values() if p.kind in ("category", "partner")],
                         ids=lambda p: p.url)
def test_latest_figures_are_the_newest_whole_years_of_the_pages_own_scope(real_site, page):
    """Each key indicator's headline is the newest whole year of exactly the page's scope; where the
    data hold none, or hold a newer narrower figure, that figure says in words how it is narrower."""
    rows = _rows_by_id(real_site)
    tree = lxml.html.parse(str(built_page(real_site, page.url.rstrip("/"))))
    blocks = tree.xpath('//div[contains(@class, "latest-figures")]')
    assert len(blocks) <= 1, f"{page.url}: {len(blocks)} latest-figures blocks"
    items = blocks[0].xpath(".//li") if blocks else []
    key = page.key_indicators or KEY_INDICATORS[page.kind]
    own_years = [r for r in rows.values() if _own_scope(r, page.kind, page.slug) and r["indicator"] in key
                 and "-" not in r["period"] and "/" not in r["period"]]
    headlines = {}
    for item in items:
        row = rows[item.xpath(".//data")[0].get("data-figure")]
        labelled = "(" in item.text_content().split(":")[0]
        own = [r for r in own_years if r["indicator"] == row["indicator"]]
        if row["indicator"] in headlines:
            assert row["period_end"] > headlines[row["indicator"]]["period_end"] and labelled, (page.url, row["id"])
            continue
        headlines[row["indicator"]] = row
        if _own_scope(row, page.kind, page.slug):
            newer = [r["id"] for r in own if r["period_end"] > row["period_end"]]
            assert not newer or row["indicator"] in ("imports-value", "trade-value"), (page.url, row["id"], newer)
        else:
            assert labelled and not own, f"{page.url}: {row['id']} stands for the page's scope unlabelled"
    assert {r["indicator"] for r in own_years} <= set(headlines), f"{page.url}: a key indicator is missing"


def test_the_china_page_gives_kotras_newest_share_of_trade(real_site):
    shares = [r for r in _rows_by_id(real_site).values() if r["indicator"] == "partner-share-of-trade"
              and r["partner"] == "china" and r["reporter"] == "kotra" and not r["label"]]
    newest = max(shares, key=lambda r: r["period_end"])
    _, block = _latest_block(real_site, "partners/china")
    item = next(li for li in block.xpath(".//li") if "share of trade" in li.text_content())
    assert f"{float(newest['value']):g}%" in item.text_content() and newest["period"] in item.text_content()


def test_the_coal_page_compares_its_two_2016_china_customs_figures(real_site):
    tree = lxml.html.parse(str(built_page(real_site, "categories/coal")))
    heading = tree.xpath('//h2[@id="who-says-what"]')
    assert heading, "the coal page has no comparison"
    tables = [t for t in tree.xpath('//h3[contains(., "2016")]/following-sibling::details[1]//table')
              if "China customs" in t.text_content()]
    cells = " ".join(t.text_content() for t in tables)
    assert "US$1.18 billion" in cells and "almost US$2 billion" in cells
    reasons = tree.xpath('//h3[contains(., "2016")]/following-sibling::details[2]//ul')
    assert any("Neither report says which coal products it counts" in r.text_content() for r in reasons)


def test_the_sanctions_page_shows_what_the_bans_did(real_site):
    tree = lxml.html.parse(str(built_page(real_site, "sanctions")))
    table = tree.xpath('//h2[@id="what-the-bans-did"]/following-sibling::div[1]//table')[0]
    header = [th.text_content() for th in table.xpath(".//th")]
    assert header == ["Product", "Measure", "Effect", "Last before", "Latest after"]
    restricted = {e.category for m in REAL.measures for e in m.effects if e.effect in ("ban", "partial-ban", "cap")}
    body = table.xpath(".//tbody/tr")
    products = [row.xpath("td")[0].text_content().strip() for row in body]
    assert sorted(products) == sorted(REAL.pages[("category", slug)].title for slug in restricted)
    filled = [row for row in body if "no annual figure" not in row.xpath("td")[3].text_content()]
    assert filled, "no ban has a figure before it"
    for row in body:
        measure_year = int(row.xpath("td")[1].text_content().split("(")[-1][:4])
        for column, later in ((3, False), (4, True)):
            cell = row.xpath("td")[column].text_content()
            years = [int(w) for w in cell.replace("(", " ").split() if w.isdigit() and len(w) == 4]
            assert all((year > measure_year) if later else (year < measure_year) for year in years), cell


def test_observation_downloads_agree_with_each_other(real_site):
    as_json = json.loads((real_site / "downloads" / "observations.json").read_text(encoding="utf-8"))
    as_csv = _downloaded(real_site, "observations.csv")
    assert [o["id"] for o in as_json] == [r["id"] for r in as_csv]
    def numbers(record):
        return [None if record[k] in (None, "") else float(record[k]) for k in ("value", "low", "high")]
    assert [numbers(o) for o in as_json] == [numbers(r) for r in as_csv]


def test_every_figure_title_names_what_it_is_about_once_and_keeps_the_words_as_written():
    for observation in REAL.observations:
        title = figure_title(REAL, observation)
        about, _, rest = title.partition(": ")
        assert about.startswith("North Korea"), title
        if ("category", observation.product) in REAL.pages:
            product = REAL.pages[("category", observation.product)].title
            assert about.lower().count(product.lower()) == 1, title
            assert product[1:] in about, f"{title}: the product's own casing is kept"
        if ("partner", observation.partner) in REAL.pages:
            assert REAL.pages[("partner", observation.partner)].title in about, title
        assert rest.endswith(f", {period_label(observation.period)} ({REAL.reporters[observation.reporter].name})"), title
