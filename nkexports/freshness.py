"""When a series' next figure is due, from its reporter's usual delay, and which series are overdue.

A reporter whose figures for a period usually appear `months_to_publish` months after the period
ends owes the period after a series' newest one by the end of that month: KOTRA's figures for 2025,
seven months after 2025 ends, by July 2026; China customs' figures for a month one month after it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from .dataset import Dataset, Series
from .periods import Period, period_label, slot, slot_period


@dataclass(frozen=True)
class NextFigure:
    series: Series
    newest: Period  # the series' newest period with a figure
    awaited: Period  # the period after it
    due: tuple[int, int]  # (year, month): the figure for `awaited` usually appears by its end
    overdue: bool

    @property
    def awaited_label(self) -> str:
        """'2026' or 'Dec 2025', as the series' table writes its periods."""
        return period_label(self.awaited)

    @property
    def due_label(self) -> str:
        return datetime.date(self.due[0], self.due[1], 1).strftime("%B %Y")


def next_figure(data: Dataset, series: Series, today: datetime.date) -> NextFigure | None:
    """The figure a series waits for; None when its reporter's delay is not recorded or the series
    has no figure yet."""
    delay = data.reporters[series.reporter].months_to_publish
    points = data.series_points(series)
    if delay is None or not points:
        return None
    newest = max((point.period for point in points), key=lambda period: slot(period, series.frequency))
    awaited = slot_period(slot(newest, series.frequency) + 1, series.frequency)
    end_year, end_month = awaited.end
    months = 12 * end_year + end_month - 1 + delay  # the awaited period's last month, then the delay
    due = (months // 12, months % 12 + 1)
    return NextFigure(series, newest, awaited, due, (today.year, today.month) > due)


def overdue(data: Dataset, today: datetime.date) -> list[NextFigure]:
    """Every series whose next figure is past due, in the site's order of series."""
    waiting = (next_figure(data, series, today) for series in data.series_in_order)
    return [item for item in waiting if item is not None and item.overdue]
