"""The charts of the real data, read back through an XML parser: accessible name and description,
a true time axis with gaps, the latest figure labelled, other reporters in a legend, resolutions
only inside a chart's years, the page's colours, and ids unique on a page."""

from __future__ import annotations

import dataclasses
import re
import xml.etree.ElementTree as ElementTree

import pytest

from nkexports import charts
from nkexports.caches import CACHE_DIR_VARIABLE
from nkexports.chart_data import MOST_OTHER_LINES, Chart, Line, chart_of
from nkexports.charts import VARIANTS, chart_markup
from nkexports.numbers import figure_text
from nkexports.periods import Period, period_label, slot
from memory import dataset, doc
from memory import series as series_file
from test_site import REAL

SVG = "{http://www.w3.org/2000/svg}"
PAINT = re.compile(r"(?:^|;)\s*(fill|stroke):\s*([^;]+)")


def drawings(series_id: str) -> list[ElementTree.Element]:
    markup = chart_markup(chart_of(REAL, REAL.series[series_id]))
    return list(ElementTree.fromstring(f'<charts xmlns="http://www.w3.org/2000/svg">{markup}</charts>'))


def with_class(svg: ElementTree.Element, name: str) -> list[ElementTree.Element]:
    return [e for e in svg.iter() if name in e.get("class", "").split()]


def text_of(element: ElementTree.Element) -> str:
    return "".join(element.itertext())


def series_with_gap():
    """A real series whose own figures skip at least one year."""
    for series in REAL.series_in_order:
        if len(chart_of(REAL, series).lines[0].runs) > 1:
            return series
    raise AssertionError("no real series has a missing year")


@pytest.mark.parametrize("series_id", sorted(REAL.series))
def test_each_drawing_is_named_and_described_by_its_own_elements(series_id):
    series = REAL.series[series_id]
    svgs = drawings(series_id)
    assert [svg.get("class").split()[-1] for svg in svgs] == [f"chart-{v.name}" for v in VARIANTS]
    for svg in svgs:
        assert svg.get("role") == "img"
        title = svg.find(f"{SVG}title[@id='{svg.get('aria-labelledby')}']")
        desc = svg.find(f"{SVG}desc[@id='{svg.get('aria-describedby')}']")
        assert title is not None and title.text == series.title
        for point in REAL.series_points(series):
            assert f"{period_label(point.period)}: {figure_text(point)}" in desc.text


@pytest.mark.parametrize("series_id", sorted(REAL.series))
def test_text_and_lines_use_the_page_colours(series_id):
    for svg in drawings(series_id):
        for element in svg.iter():
            for _, value in PAINT.findall(element.get("style", "")):
                assert value.strip() in ("none", "currentColor") or value.startswith("var(--nkx-chart-"), (
                    f"{series_id}: {element.tag} painted {value!r}, which ignores the dark palette")


def _slots_and_x(series, svg) -> list[tuple[int, float]]:
    """Each point the series' own line draws: its period's slot on the time axis, and its x."""
    drawn = []
    for run in with_class(svg, "chart-reporter-1"):
        first, last = (slot(Period.parse(run.get(f"data-{end}-period")), series.frequency) for end in ("first", "last"))
        points = [float(use.get("x")) for use in run.iter(f"{SVG}use")]
        assert len(points) == last - first + 1, "one point per period of the run"
        drawn += zip(range(first, last + 1), points)
    return drawn


def test_a_missing_year_is_a_gap():
    series = series_with_gap()
    for svg in drawings(series.id):
        assert len(with_class(svg, "chart-reporter-1")) == len(chart_of(REAL, series).lines[0].runs) > 1


@pytest.mark.parametrize("series_id", sorted(REAL.series))
def test_every_period_sits_on_a_true_time_axis(series_id):
    """Years, or months on a monthly chart, evenly spaced, gaps included; every point drawn."""
    series = REAL.series[series_id]
    for svg in drawings(series_id):
        drawn = _slots_and_x(series, svg)
        assert {position for position, _ in drawn} == {slot(o.period, series.frequency)
                                                      for o in REAL.series_points(series)}
        if len(drawn) > 1:
            (first, first_x), (last, last_x) = drawn[0], drawn[-1]
            per_step = (last_x - first_x) / (last - first)
            for position, x in drawn:
                assert x == pytest.approx(first_x + (position - first) * per_step, abs=0.05), (
                    f"{series_id}: slot {position} is not where a time axis puts it")


@pytest.mark.parametrize("series_id", sorted(REAL.series))
def test_the_latest_figure_is_labelled(series_id):
    series = REAL.series[series_id]
    latest = REAL.series_points(series)[-1]
    for svg in drawings(series_id):
        assert [text_of(e) for e in with_class(svg, "chart-latest")] == [figure_text(latest)]


def test_other_reporters_of_the_same_quantity_share_the_chart_with_a_legend():
    shared = [s for s in REAL.series_in_order if len(chart_of(REAL, s).lines) > 1]
    assert shared, "no two real series measure the same quantity"
    for series in shared:
        same = [s for s in REAL.series.values()
                if (s.indicator, s.unit, s.partner, s.product, s.hs, s.label, s.frequency)
                == (series.indicator, series.unit, series.partner, series.product, series.hs, series.label,
                    series.frequency)]
        assert len({s.reporter for s in same}) > 1
        for svg in drawings(series.id):
            legend = [text_of(t) for t in with_class(svg, "chart-legend")[0].iter(f"{SVG}text")]
            assert legend[0].startswith(REAL.reporters[series.reporter].name)
            assert sorted(legend) == sorted(
                REAL.reporters[s.reporter].name + (f", {s.via}" if s.via else "") for s in same)


@pytest.mark.parametrize("series_id", sorted(REAL.series))
def test_resolutions_are_marked_only_inside_the_chart_years(series_id):
    chart = chart_of(REAL, REAL.series[series_id])

    def position(measure) -> int:
        return slot(Period.parse(measure.date[:4] if chart.frequency == "yearly" else measure.date[:7]), chart.frequency)
    inside = [measure for measure in REAL.measures if measure.kind == "un-resolution"
              and chart.first <= position(measure) <= chart.last]
    numbers = [measure.title.rsplit(" ", 1)[1] for measure in inside]
    for svg in drawings(series_id):
        assert {slot(Period.parse(e.get("data-period")), chart.frequency)
                for e in with_class(svg, "chart-marker")} == {position(measure) for measure in inside}
        named = []
        for label in (text_of(e) for e in with_class(svg, "chart-marker-label")):
            assert label.startswith("UNSCR ")
            if "\u2013" in label:  # a shared label: "UNSCR first–last"
                first, last = label.removeprefix("UNSCR ").split("\u2013")
                named += numbers[numbers.index(first):numbers.index(last) + 1]
            else:
                named += label.removeprefix("UNSCR ").split(", ")
        assert named == numbers, f"{series_id}: the labels leave out or repeat a resolution"


def test_a_chart_outside_the_sanctions_years_has_no_marker():
    quiet = [s for s in REAL.series_in_order if not chart_of(REAL, s).markers]
    assert quiet, "every real series now spans a resolution: pick another case"
    for svg in drawings(quiet[0].id):
        assert not with_class(svg, "chart-marker") and "resolution" not in svg.find(f"{SVG}desc").text


def test_ids_are_unique_across_every_chart():
    ids = [e.get("id") for s in REAL.series for svg in drawings(s) for e in svg.iter() if e.get("id")]
    assert len(ids) == len(set(ids))
    for svg in (svg for s in REAL.series for svg in drawings(s)):
        own = {e.get("id") for e in svg.iter() if e.get("id")}
        for element in svg.iter():
            if element.get("href"):
                assert element.get("href")[1:] in own


def test_a_long_reporter_name_is_cut_short_in_the_legend_and_whole_in_the_description():
    name = "Reporter " * 12
    chart = Chart(id="long-name", title="t", measured="Exports (value)", unit="USD", frequency="yearly",
                  lines=(Line(name.strip(), ((2015, 1e9), (2016, 2e9)), ("US$1 billion", "US$2 billion")),), markers=())
    for svg in ElementTree.fromstring(f'<charts xmlns="http://www.w3.org/2000/svg">{chart_markup(chart)}</charts>'):
        legend = [text_of(t) for t in with_class(svg, "chart-legend")[0].iter(f"{SVG}text")]
        assert len(legend) == 1 and legend[0].endswith("\u2026") and name.startswith(legend[0][:-1])
        assert name.strip() in svg.find(f"{SVG}desc").text


def test_a_label_too_long_for_its_drawing_stops_the_build():
    chart = chart_of(REAL, REAL.series["total-exports-kotra"])
    cramped = dataclasses.replace(VARIANTS[0], width=60)
    with pytest.raises(ValueError, match="the narrow chart of series 'total-exports-kotra': the text '.*' does not fit"):
        charts._draw(chart, cramped)


def test_a_quantity_with_many_reporters_draws_the_lines_a_reader_can_tell_apart():
    # Total exports as six reporters give them: more than a reader can tell apart in one drawing.
    reporters = [f"reporter-{n}" for n in range(6)]
    docs = [doc("reporters", "more-reporters.yaml", {"reporters": [
        {"id": r, "name": f"Reporter {n}", "kind": "research", "method": "m", "revises": False}
        for n, r in enumerate(reporters)]})]
    docs += [series_file(f"total-{r}", {"period": 2020, "amount": 100 + n, "sources": ["s1"]},
                    {"period": 2021, "amount": 200 + n, "sources": ["s1"]}, reporter=r,
                    product="all-goods", partner="world") for n, r in enumerate(reporters)]
    many = dataset(*docs)
    series_ = many.series["total-reporter-0"]
    others = [s for s in many.series.values() if s.id != series_.id]  # all of one quantity, as written above
    assert len(others) > MOST_OTHER_LINES
    chart = chart_of(many, series_)
    assert len(chart.lines) == 1 + MOST_OTHER_LINES <= 1 + len(charts.OTHER_REPORTERS)
    assert chart.lines[0].reporter == many.reporters[series_.reporter].name
    ElementTree.fromstring(f"<div>{chart_markup(chart)}</div>")

def test_drawing_ahead_across_cores_keeps_the_very_drawings_a_page_would_draw(tmp_path, monkeypatch):
    monkeypatch.setenv(CACHE_DIR_VARIABLE, str(tmp_path))
    drawn = [chart_of(REAL, s) for s in REAL.series_in_order if REAL.series_points(s)][:charts.FEWEST_DRAWN_AHEAD]
    charts.draw_ahead(drawn)
    kept = sorted((tmp_path / charts.CACHE_KIND).glob("*.svg"))
    assert len(kept) == len(drawn) * len(VARIANTS)
    for chart in (drawn[0], drawn[-1]):
        for variant in VARIANTS:
            assert charts._cache_file(chart, variant).read_text(encoding="utf-8") == charts._draw(chart, variant)
