"""`python -m nkexports stale`: the series whose reporter's next figure is overdue, with the
reporter's usual delay; exit 0 when none is, 1 when some are. And the pages say the same."""

from __future__ import annotations

import re
import subprocess
import sys

from bs4 import BeautifulSoup

from helpers import ROOT
from nkexports.periods import MONTHS
from test_site import REAL, html_pages
from test_validator_messages import edit

DELAY = "    revises: false\n"


def _stale(data, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "nkexports", "stale", str(data), *args], capture_output=True,
                          text=True, cwd=ROOT)


def test_a_series_is_listed_once_its_next_figure_is_past_due(fixture_copy):
    edit(fixture_copy, "reporters.yaml", DELAY, DELAY + "    months_to_publish: 2\n")
    on_time = _stale(fixture_copy, "--today", "2022-02-28")
    assert on_time.returncode == 0 and on_time.stdout == "", on_time.stderr
    assert on_time.stderr.strip() == "no series overdue on 2022-02-28"
    late = _stale(fixture_copy, "--today", "2022-03-01")
    assert late.returncode == 1, late.stderr
    [line] = late.stdout.splitlines()
    assert line.startswith(f"{fixture_copy}/series/total-exports-kotra.yaml: total-exports-kotra: newest figure 2020; ")
    assert line.endswith("publishes within 2 month(s) of a period's end, so the figure for 2021 was due by February 2022")


def test_nothing_is_overdue_from_reporters_whose_delay_is_not_recorded(fixture_copy):
    result = _stale(fixture_copy, "--today", "2099-01-01")
    assert result.returncode == 0 and result.stdout == ""


def test_data_with_problems_is_not_judged(fixture_copy):
    edit(fixture_copy, "reporters.yaml", DELAY, DELAY + "    months_to_publish: 0\n")
    result = _stale(fixture_copy)
    assert result.returncode == 1 and result.stdout == ""
    assert "problem(s)" in result.stderr and len(result.stderr.splitlines()) == 1


def test_each_series_block_says_which_figure_is_next_and_from_whom(real_site):
    expected = {s.id: s for s in REAL.series.values() if REAL.reporters[s.reporter].months_to_publish}
    found = {}
    for path in html_pages(real_site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for line in soup.select("p.next-figure"):
            heading = line.find_previous(re.compile("^h[23]$"), id=re.compile("^series-"))
            found[heading["id"].removeprefix("series-")] = line.get_text()
    assert set(found) == set(expected)
    for ident, text in found.items():
        series = expected[ident]
        year, month = max(o.period.end for o in REAL.series_points(series))
        awaited = (f"{year + 1}" if series.frequency == "yearly"
                   else f"{MONTHS[month % 12]} {year + month // 12}")  # the month after the newest
        assert f"the figure for {awaited} from {REAL.reporters[series.reporter].name}".lower() in text.lower(), text
