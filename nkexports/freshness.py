"""When a series' next figure is due, from its reporter's usual delay, and which series are overdue.

A reporter whose figures for a period usually appear `months_to_publish` months after the period
ends owes the year after a series' newest one by the end of that month: KOTRA's figures for 2025,
seven months after 2025 ends, by July 2026.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from .dataset import Dataset, Series


@dataclass(frozen=True)
class NextFigure:
    series: Series
    newest_year: int  # the series' newest year with a figure
    due: tuple[int, int]  # (year, month): the figure for the next year usually appears by its end
    overdue: bool

    @property
    def year(self) -> int:
        return self.newest_year + 1

    @property
    def due_label(self) -> str:
        return datetime.date(self.due[0], self.due[1], 1).strftime("%B %Y")


def next_figure(data: Dataset, series: Series, today: datetime.date) -> NextFigure | None:
    """The figure a yearly series waits for; None when its reporter's delay is not recorded or the
    series has no figure yet."""
    delay = data.reporters[series.reporter].months_to_publish
    points = data.series_points(series)
    if delay is None or not points:
        return None
    newest = max(point.period.end[0] for point in points)
    months = 12 * (newest + 1) + 11 + delay  # December of the next year, then the delay
    due = (months // 12, months % 12 + 1)
    return NextFigure(series, newest, due, (today.year, today.month) > due)


def overdue(data: Dataset, today: datetime.date) -> list[NextFigure]:
    """Every series whose next figure is past due, in the site's order of series."""
    waiting = (next_figure(data, series, today) for series in data.series_in_order)
    return [item for item in waiting if item is not None and item.overdue]
