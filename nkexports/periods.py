"""Periods as structured, sortable values: a year, a month, or a range of either."""

from __future__ import annotations

import re
from dataclasses import dataclass

_END = r"([0-9]{4})(?:-([0-9]{2}))?"
_PERIOD = re.compile(rf"{_END}(?:/{_END})?")


@dataclass(frozen=True, order=True)
class Period:
    """(year, month) at each end; month 0 stands for the whole year at the start, 12 at the end."""
    end: tuple[int, int]
    start: tuple[int, int]
    text: str

    @classmethod
    def parse(cls, value) -> "Period":
        text = str(value)
        match = _PERIOD.fullmatch(text)
        if match is None:
            raise ValueError(f"'{text}' is not a period")
        first_year, first_month, last_year, last_month = match.groups()
        start = (int(first_year), int(first_month or 1))
        if last_year is None:
            end = (int(first_year), int(first_month or 12))
        else:
            end = (int(last_year), int(last_month or 12))
        return cls(end=end, start=start, text=text)

    @property
    def is_year(self) -> bool:
        return "-" not in self.text and "/" not in self.text

    @property
    def is_month(self) -> bool:
        return "/" not in self.text and "-" in self.text

    @property
    def year(self) -> int:
        return self.start[0]

    @property
    def iso(self) -> str:
        """ISO 8601: '2016', '2016-11', or an interval '2016-01/2016-09'."""
        return self.text

    def sort_key(self) -> tuple:
        """Latest end first is the caller's choice; this orders by end, then longest span first."""
        return (self.end, tuple(-x for x in self.start))


# How often a series has a figure: each maps to the one kind of period its points may have.
FREQUENCIES = ("yearly", "monthly")


def frequency_of(period: Period) -> str | None:
    """"yearly" for a year, "monthly" for a single month, None for a range."""
    return "yearly" if period.is_year else "monthly" if period.is_month else None


def slot(period: Period, frequency: str) -> int:
    """A period's place on a series' time axis, one step per year or per month, so that two
    neighbouring figures are one apart whatever the frequency."""
    return period.year if frequency == "yearly" else 12 * period.start[0] + period.start[1] - 1


def slot_period(position: int, frequency: str) -> Period:
    """The period at a place on the time axis (slot's inverse)."""
    if frequency == "yearly":
        return Period.parse(position)
    return Period.parse(f"{position // 12:04d}-{position % 12 + 1:02d}")


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def period_label(period: Period, language: str = "en") -> str:
    """How a reader expects to see it: '2016', 'Nov 2016', 'Jan–Sep 2017', '2011–2014'; in Korean
    '2016년', '2016년 11월', '2017년 1~9월', '2011~2014년'."""
    if language == "ko":
        return _korean_period(period)

    def end(text: str) -> str:
        year, _, month = text.partition("-")
        return f"{MONTHS[int(month) - 1]} {year}" if month else year
    first, _, last = period.text.partition("/")
    if not last:
        return end(first)
    if "-" in first and "-" in last and first[:4] == last[:4]:
        return f"{MONTHS[int(first[5:]) - 1]}–{end(last)}"
    return f"{end(first)}–{end(last)}"


def _korean_period(period: Period) -> str:
    def end(text: str) -> str:
        year, _, month = text.partition("-")
        return f"{year}년 {int(month)}월" if month else f"{year}년"
    first, _, last = period.text.partition("/")
    if not last:
        return end(first)
    if "-" in first and "-" in last and first[:4] == last[:4]:
        return f"{first[:4]}년 {int(first[5:])}~{int(last[5:])}월"
    if "-" not in first and "-" not in last:
        return f"{first}~{last}년"
    return f"{end(first)}~{end(last)}"
