"""The charts of every page template in chromium, at phone and desktop width: they fill the column
without sideways scrolling, their text renders at 12 px or more and lies inside its drawing, a
missing year is a gap on a true time axis, and the latest figure is labelled."""

from __future__ import annotations

import pytest

from browser_support import DESKTOP, PHONE, SCREENSHOTS, TEMPLATES, open_tab
from nkexports.chart_data import chart_of
from nkexports.numbers import figure_text
from nkexports.periods import Period, slot
from test_site import REAL

WIDTHS = {"phone": PHONE, "desktop": DESKTOP}
MIN_TEXT_PX = 12
# The drawings CSS shows at this width, each with what its text and lines measure as rendered.
MEASURE = """() => {
  const box = r => ({left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width});
  const shown = [...document.querySelectorAll('svg.chart')].filter(s => getComputedStyle(s).display !== 'none');
  return {
    viewport: window.innerWidth,
    // Inside a box that scrolls on its own (a wide table's), content may be wider: the box is not.
    tooWide: [...document.querySelectorAll('body *')].filter(e => !e.parentElement.closest('.table-scroll, .md-typeset__scrollwrap')
      && e.getBoundingClientRect().width > window.innerWidth + 0.5).map(e => e.tagName + '.' + e.className),
    figures: [...document.querySelectorAll('figure.chart-figure')].map(f => {
      const table = f.nextElementSibling;
      // The boxes that would scroll sideways if their content were wider (overflow-x auto or scroll).
      const boxes = [table, ...table.querySelectorAll('*')].filter(b => ['auto', 'scroll'].includes(getComputedStyle(b).overflowX));
      return {scroll: f.scrollWidth, client: f.clientWidth,
              tableOverflow: Math.max(...boxes.map(b => b.scrollWidth - b.clientWidth))};
    }),
    charts: shown.map(s => {
      const scale = s.getBoundingClientRect().width / s.viewBox.baseVal.width;
      return {
        id: s.getAttribute('aria-labelledby'), box: box(s.getBoundingClientRect()),
        column: s.closest('figure').clientWidth,
        texts: [...s.querySelectorAll('text')].map(t => ({text: t.textContent,
          px: parseFloat(getComputedStyle(t).fontSize) * scale, box: box(t.getBoundingClientRect())})),
        runs: [...s.querySelectorAll('.chart-run.chart-reporter-1')].map(g => ({
          first: g.dataset.firstPeriod, last: g.dataset.lastPeriod,
          points: [...g.querySelectorAll('use')].map(u => { const r = u.getBoundingClientRect(); return r.left + r.width / 2; }),
          box: box(g.getBoundingClientRect())})),
        latest: [...s.querySelectorAll('.chart-latest text')].map(t => t.textContent),
      };
    }),
  };
}"""


@pytest.fixture(scope="module")
def measured(browser, site_url):
    """Each template at each width, measured once; the charts' screenshots go to test-artifacts/."""
    found = {}
    for template, address in TEMPLATES.items():
        for name, viewport in WIDTHS.items():
            tab = open_tab(browser, viewport)
            try:
                tab.page.goto(site_url + address, wait_until="load")
                found[(template, name)] = tab.page.evaluate(MEASURE)
                for n, figure in enumerate(tab.page.locator("figure.chart-figure").all()[:3]):
                    figure.screenshot(path=SCREENSHOTS / f"chart-{template}-{name}-{n + 1}.png")
            finally:
                tab.close()
    return found


CASES = [(template, width) for template in TEMPLATES for width in WIDTHS]


def series_of(chart: dict):
    """The series a measured chart draws, from its title's id: chart-<series id>-<variant>-title."""
    series_id = chart["id"].removeprefix("chart-").rsplit("-", 2)[0]
    return REAL.series[series_id]


def test_the_templates_with_series_show_their_charts(measured):
    for template in ("home", "category", "partner", "figures"):
        for width in WIDTHS:
            page = measured[(template, width)]
            assert page["charts"] and len(page["charts"]) == len(page["figures"]), (
                f"{template} at {width} width: {len(page['figures'])} chart figures, "
                f"{len(page['charts'])} drawings shown")


@pytest.mark.parametrize("template,width", CASES)
def test_nothing_is_wider_than_the_viewport(measured, template, width):
    assert not measured[(template, width)]["tooWide"]


@pytest.mark.parametrize("template,width", CASES)
def test_no_chart_or_its_table_scrolls_sideways(measured, template, width):
    for figure in measured[(template, width)]["figures"]:
        assert figure["scroll"] <= figure["client"], f"{template} at {width} width: a chart scrolls sideways"
        assert figure["tableOverflow"] <= 0, f"{template} at {width} width: a chart's table scrolls sideways"


@pytest.mark.parametrize("template,width", CASES)
def test_charts_fill_the_column_and_their_text_is_readable_and_inside(measured, template, width):
    for chart in measured[(template, width)]["charts"]:
        assert chart["box"]["width"] == pytest.approx(chart["column"], abs=1)
        svg = chart["box"]
        for text in chart["texts"]:
            assert text["px"] >= MIN_TEXT_PX, f"{chart['id']} at {width}: {text['text']!r} is {text['px']:.1f} px"
            box = text["box"]
            assert (box["left"] >= svg["left"] - 0.5 and box["right"] <= svg["right"] + 0.5
                    and box["top"] >= svg["top"] - 0.5 and box["bottom"] <= svg["bottom"] + 0.5), (
                f"{chart['id']} at {width}: {text['text']!r} is cut off at the drawing's edge")


@pytest.mark.parametrize("width", WIDTHS)
def test_a_missing_year_is_a_gap_in_the_line(measured, width):
    """The home page's series skips years: each run of years is drawn apart, years evenly spaced."""
    chart = measured[("home", width)]["charts"][0]
    frequency = series_of(chart).frequency
    for run in chart["runs"]:
        run["first"], run["last"] = (slot(Period.parse(run[end]), frequency) for end in ("first", "last"))
    runs = sorted(chart["runs"], key=lambda run: run["first"])
    assert len(runs) == len(chart_of(REAL, series_of(chart)).lines[0].runs) > 1
    points = [(year, x) for run in runs for year, x in zip(range(run["first"], run["last"] + 1), run["points"])]
    (first_year, first_x), (last_year, last_x) = points[0], points[-1]
    per_year = (last_x - first_x) / (last_year - first_year)
    for year, x in points:
        assert x == pytest.approx(first_x + (year - first_year) * per_year, abs=1)
    for before, after in zip(runs, runs[1:]):
        assert before["box"]["right"] < after["box"]["left"], f"the line runs on from {before['last']} to {after['first']}"


@pytest.mark.parametrize("template,width", CASES)
def test_the_latest_figure_is_labelled(measured, template, width):
    for chart in measured[(template, width)]["charts"]:
        series = series_of(chart)
        latest = REAL.series_points(series)[-1]
        assert chart["latest"] == [figure_text(latest)]
