"""Dates are real, not in the future, and a source is not read before it was published."""

import datetime

from ..docset import walk_strings
from ..problems import Problem, dotted

EARLIEST_YEAR = 1945  # the year Korea was divided: no North Korean trade figure predates it
DATE_FIELDS = {"last_verified", "accessed", "published", "date"}


def parse_partial(text: str) -> datetime.date | None:
    """'2024-02-03', '2024-02' or '2024' as the first day it could mean; None if no such day."""
    parts = [int(p) for p in text.split("-")]
    while len(parts) < 3:
        parts.append(1)
    try:
        return datetime.date(*parts)
    except ValueError:
        return None


def period_years(period) -> list[tuple[int, int]]:
    """The (year, month) at each end of a period such as 2023, '2023-04' or '2016/2017'."""
    ends = []
    for end in str(period).split("/"):
        year, _, month = end.partition("-")
        ends.append((int(year), int(month) if month else 1))
    return ends


def _date_problems(doc, where, text, today):
    day = parse_partial(text)
    shown = dotted(where)
    line = doc.yaml.line(where)
    if day is None:
        return [Problem(doc.yaml.path, line, shown, f"'{text}' is not a real calendar date", "write a date that exists, as YYYY-MM-DD")]
    if day > today:
        return [Problem(doc.yaml.path, line, shown, f"{text} is in the future", "give the date it actually happened")]
    if day.year < EARLIEST_YEAR:
        return [Problem(doc.yaml.path, line, shown, f"{text} is before {EARLIEST_YEAR}", "check the year")]
    return []


def _period_problems(doc, where, period, today):
    line, shown = doc.yaml.line(where), dotted(where)
    if not isinstance(period, (int, str)) or isinstance(period, bool):
        return []
    try:
        ends = period_years(period)
    except ValueError:
        return []  # the schema already reports a malformed period
    for year, month in ends:
        if not 1 <= month <= 12:
            return [Problem(doc.yaml.path, line, shown, f"'{period}' has no month {month:02d}", "use a month from 01 to 12")]
        if year < EARLIEST_YEAR or (year, month) > (today.year, today.month):
            return [Problem(doc.yaml.path, line, shown, f"year {year} is outside {EARLIEST_YEAR} to {today.year}",
                            "give the year the figure refers to")]
    if len(ends) == 2 and ends[0] >= ends[1]:
        return [Problem(doc.yaml.path, line, shown, f"the range '{period}' does not run forward", "write the earlier end first")]
    return []


def check(docs, today):
    for doc in docs.docs:
        for where, text in walk_strings(doc.data):
            if where and where[-1] in DATE_FIELDS and parse_partial_form(text):
                yield from _date_problems(doc, where, text, today)
        for where, period in _periods(doc.data):
            yield from _period_problems(doc, where, period, today)
        for where, source in doc.items("sources"):
            published, accessed = source.get("published"), source.get("accessed")
            if isinstance(published, str) and isinstance(accessed, str) and parse_partial_form(published) and parse_partial_form(accessed):
                first, read = parse_partial(published), parse_partial(accessed)
                if first and read and read < first:
                    yield Problem(doc.yaml.path, doc.yaml.line(where + ("accessed",)), dotted(where + ("accessed",)),
                                  f"accessed {accessed} is before the source was published ({published})",
                                  "give the date you read the source")


def parse_partial_form(text: str) -> bool:
    """Whether text has the shape of a date at all; the schema reports other shapes."""
    pieces = text.split("-")
    return 1 <= len(pieces) <= 3 and all(p.isdigit() for p in pieces) and len(pieces[0]) == 4


def _periods(value, where=()):
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "period":
                yield where + (key,), item
            else:
                yield from _periods(item, where + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _periods(item, where + (index,))
