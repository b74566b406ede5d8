"""When a series' next figure is due: one test per rule, on a small data set in memory."""

import datetime

from memory import REPORTERS, dataset, series
from nkexports.freshness import next_figure, overdue


def _data(delay, *periods, frequency="yearly"):
    """A KOTRA series of `periods`, KOTRA's figures appearing `delay` months after a period ends (None: not recorded)."""
    reporters = {"reporters": [dict(r, months_to_publish=delay) if r["id"] == "kotra" and delay else r
                               for r in REPORTERS["reporters"]]}
    points = [{"period": period, "amount": 100 + n, "sources": ["s1"]} for n, period in enumerate(periods)]
    return dataset(series("exports-kotra", *points, product="all-goods", partner="world", frequency=frequency),
                   reporters=reporters)


def test_the_next_year_is_due_the_reporters_delay_after_it_ends():
    data = _data(7, 2023, 2024)
    item = next_figure(data, data.series["exports-kotra"], datetime.date(2026, 7, 31))
    assert (item.awaited_label, item.due, item.due_label, item.overdue) == ("2025", (2026, 7), "July 2026", False)


def test_a_figure_is_overdue_once_the_month_it_was_due_by_has_passed():
    data = _data(7, 2024)
    assert next_figure(data, data.series["exports-kotra"], datetime.date(2026, 8, 1)).overdue
    assert [item.series.id for item in overdue(data, datetime.date(2026, 8, 1))] == ["exports-kotra"]
    assert overdue(data, datetime.date(2026, 7, 31)) == []


def test_a_delay_past_december_falls_in_a_later_year():
    data = _data(13, 2024)
    assert next_figure(data, data.series["exports-kotra"], datetime.date(2026, 1, 1)).due == (2027, 1)


def test_nothing_is_due_from_a_reporter_whose_delay_is_not_recorded():
    data = _data(None, 2024)
    assert next_figure(data, data.series["exports-kotra"], datetime.date(2030, 1, 1)) is None
    assert overdue(data, datetime.date(2030, 1, 1)) == []



def test_a_monthly_series_waits_for_the_month_after_its_newest():
    data = _data(1, "2025-10", "2025-11", frequency="monthly")
    item = next_figure(data, data.series["exports-kotra"], datetime.date(2026, 1, 31))
    assert (item.newest.text, item.awaited_label, item.due, item.overdue) == ("2025-11", "Dec 2025", (2026, 1), False)
    assert next_figure(data, data.series["exports-kotra"], datetime.date(2026, 2, 1)).overdue


def test_a_monthly_series_waits_across_the_turn_of_the_year():
    data = _data(1, "2025-12", frequency="monthly")
    item = next_figure(data, data.series["exports-kotra"], datetime.date(2026, 1, 1))
    assert (item.awaited.text, item.due) == ("2026-01", (2026, 2))
