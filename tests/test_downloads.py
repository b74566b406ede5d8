"""Every download parses and says what the data says."""

from __future__ import annotations

import csv
import json
import re

from helpers import built_page, parse_page
from nkexports.chart_data import chart_of
from nkexports.charts import VARIANTS
from nkexports.urls import figures_path_of
from test_site import REAL


def test_downloads_are_linked_from_the_data_page(real_site):
    links = {link.get("href") for link in parse_page(built_page(real_site, "data")).links}
    for name in ("facts.csv", "facts.json", "series.csv", "series.json", "sources.csv", "sources.json",
                 "measures.json", "claims.json", "schemas/category.schema.json"):
        assert f"../downloads/{name}" in links, name
        assert (real_site / "downloads" / name).exists(), name


def test_facts_match_the_data(real_site):
    facts = json.loads((real_site / "downloads" / "facts.json").read_text())
    assert {f["id"]: f["sources"] for f in facts} == {f.id: f.sources for f in REAL.facts()}
    rows = list(csv.DictReader((real_site / "downloads" / "facts.csv").open()))
    figures = [(r["fact_id"], float(r["amount"]), r["unit"]) for r in rows if r["amount"]]
    assert figures == [(f.id, o.amount, o.unit) for f in REAL.facts() for o in f.observations]
    assert {r["fact_id"] for r in rows} == {f.id for f in REAL.facts()}


def test_series_match_the_data(real_site):
    rows = list(csv.DictReader((real_site / "downloads" / "series.csv").open()))
    assert [(r["series_id"], r["period"], float(r["amount"])) for r in rows] == [
        (s.id, o.period.text, o.amount) for s in REAL.series.values() for o in REAL.series_points(s)]
    series = json.loads((real_site / "downloads" / "series.json").read_text())
    assert {s["id"]: len(s["points"]) for s in series} == {
        s.id: len(REAL.series_points(s)) for s in REAL.series.values()}


def test_sources_match_the_data(real_site):
    rows = list(csv.DictReader((real_site / "downloads" / "sources.csv").open()))
    assert {r["id"]: r["url"] for r in rows} == {s.id: s.url for s in REAL.sources.values()}
    sources = json.loads((real_site / "downloads" / "sources.json").read_text())
    assert {s["id"]: s["published"] for s in sources} == {s.id: s.published for s in REAL.sources.values()}


def test_measures_claims_and_schemas_parse(real_site):
    measures = json.loads((real_site / "downloads" / "measures.json").read_text())
    assert [m["id"] for m in measures] == [m.id for m in REAL.measures]
    claims = json.loads((real_site / "downloads" / "claims.json").read_text())
    assert [c["verdict"] for c in claims["claims"]] == [c.verdict for c in REAL.claims]
    schema = json.loads((real_site / "downloads" / "schemas" / "sources.schema.json").read_text())
    assert schema["properties"]["sources"]["items"]["required"][0] == "id"


def _figures_page(real_site, series) -> str:
    return built_page(real_site, figures_path_of(REAL.series_rank[series.id]).removesuffix(".md")).read_text()


def test_resolution_note_only_under_charts_with_resolution_lines(real_site):
    for series in REAL.series.values():
        html = _figures_page(real_site, series)
        section = re.split(r"<h[23]", html.split(f'id="series-{series.id}"', 1)[1], maxsplit=1)[0]
        note = section.split("</svg>")[-1]
        assert ("Dashed lines mark" in note) == bool(chart_of(REAL, series).markers), series.id


def test_charts_have_title_description_and_table(real_site):
    for series in REAL.series.values():
        html = _figures_page(real_site, series)
        for variant in VARIANTS:
            prefix = f"chart-{series.id}-{variant.name}"
            chart = html.split(f'aria-labelledby="{prefix}-title" aria-describedby="{prefix}-desc"', 1)
            assert len(chart) == 2, f"no {variant.name} chart for {series.id}"
            svg = chart[1].split("</svg>", 1)[0]
            assert f'<title id="{prefix}-title">' in svg and f'<desc id="{prefix}-desc">' in svg
        after = re.split(r"<h[23]", chart[1].split("</svg>", 1)[1], maxsplit=1)[0]
        assert '<table class="stacked">' in after and after.count("<tr") == len(REAL.series_points(series)) + 1
        assert "footnote-ref" in after
