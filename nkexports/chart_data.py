"""What a series' chart shows: its own figures, those of every other reporter of the same quantity
as often, and the UN resolutions that fall inside its periods. Drawing is charts.py's job."""

from __future__ import annotations

import functools

import re
from dataclasses import dataclass

from .dataset import Dataset, Series
from .catalog import plain_text
from .numbers import figure_text
from .periods import Period, period_label, slot, slot_period

# A resolution's number at the end of its title, as English ("resolution 2371") and Korean ("결의 제2371호") write it.
_RESOLUTION_NUMBER = re.compile(r"(?:resolution |제)(\d+)호?$")
UNSCR = "UNSCR "
# A label runs up its line; a longer name is cut here (the chart's description has it in full).
NAME_CHARACTERS = 24


@dataclass(frozen=True)
class Line:
    """One reporter's figures: (slot, amount) pairs, oldest first, where a slot is the period's place
    on the chart's time axis (periods.slot: one step a year, or a month), and each figure as a
    reader sees it, hedge included ('about US$3 billion')."""
    reporter: str
    points: tuple[tuple[int, float], ...]
    texts: tuple[str, ...]

    @property
    def runs(self) -> list[tuple[tuple[int, float], ...]]:
        """The points split wherever a period is missing: each run is drawn as its own line."""
        runs: list[list[tuple[int, float]]] = []
        for point in self.points:
            if runs and point[0] == runs[-1][-1][0] + 1:
                runs[-1].append(point)
            else:
                runs.append([point])
        return [tuple(run) for run in runs]


@dataclass(frozen=True)
class Marker:
    """A year (a month, on a monthly chart) in which the UN Security Council restricted exports, with
    its resolutions' short names: "UNSCR 2371" when the measure's title ends with the resolution's
    number, else the title, cut short."""
    slot: int
    period: str  # the slot's period as written: '2017' or '2017-08'
    resolutions: tuple[str, ...]
    titles: tuple[str, ...]  # in full, for the description

    @property
    def label(self) -> str:
        return resolutions_label(self.resolutions)


def resolutions_label(names) -> str:
    """"UNSCR 2371, 2375" for numbered resolutions; other names as they are."""
    if all(name.startswith(UNSCR) for name in names):
        return UNSCR + ", ".join(name.removeprefix(UNSCR) for name in names)
    return "; ".join(names)


def resolutions_span(first: str, last: str) -> str:
    """"UNSCR 2270–2397": the first and last of several resolutions that share one label."""
    if first.startswith(UNSCR) and last.startswith(UNSCR):
        return f"{first}\u2013{last.removeprefix(UNSCR)}"
    return f"{first}\u2013{last}"


@dataclass(frozen=True)
class Chart:
    """Everything a chart draws: hashable, so that one chart is drawn once per build."""
    id: str
    title: str
    measured: str
    unit: str
    frequency: str  # periods.FREQUENCIES: what one step of the time axis is
    lines: tuple[Line, ...]  # the series' own reporter first
    markers: tuple[Marker, ...]
    language: str = "en"  # the edition's: its labels, amounts and description are in it

    @property
    def first(self) -> int:
        return min(line.points[0][0] for line in self.lines)

    @property
    def last(self) -> int:
        return max(line.points[-1][0] for line in self.lines)

    @property
    def steps_a_year(self) -> int:
        return 12 if self.frequency == "monthly" else 1

    def period(self, position: int) -> str:
        """A slot's period as written: '2016' or '2016-11'."""
        return slot_period(position, self.frequency).text

    def label(self, position: int) -> str:
        """A slot as the series' table writes its period: '2016' or 'Nov 2016'."""
        return period_label(slot_period(position, self.frequency), self.language)

    @property
    def description(self) -> str:
        """The chart in words, for screen readers: every figure, the gaps and the markers."""
        words = functools.partial(plain_text, self.language)
        by_month = self.frequency == "monthly"
        values = dict(measured=self.measured, first=self.label(self.first), last=self.label(self.last),
                      reporters=self._and_list([line.reporter for line in self.lines]))
        if by_month:
            opening = words("Line chart of %(measured)s by month, %(first)s to %(last)s, as reported by %(reporters)s.",
                            **values)
        else:
            opening = words("Line chart of %(measured)s by year, %(first)s to %(last)s, as reported by %(reporters)s.",
                            **values)
        sentences = [opening]
        for line in self.lines:
            figures = "; ".join(f"{self.label(position)}: {text}" for (position, _), text in zip(line.points, line.texts))
            sentences.append(f"{line.reporter}: {figures}.")
            missing = [self.label(position) for position in range(line.points[0][0], line.points[-1][0] + 1)
                       if position not in dict(line.points)]
            if missing:
                sentences.append(words("No %(reporter)s figure for %(periods)s.", reporter=line.reporter,
                                       periods=self._and_list(missing)))
        if self.markers:
            sentences.append(words("Dashed vertical lines mark UN Security Council resolutions restricting exports: "
                                   "%(markers)s.", markers="; ".join(f"{self.label(m.slot)} ({', '.join(m.titles)})"
                                                                     for m in self.markers)))
        return " ".join(sentences)

    def _and_list(self, items: list[str]) -> str:
        if len(items) == 1:
            return items[0]
        return plain_text(self.language, "%(list)s and %(last)s", list=", ".join(items[:-1]), last=items[-1])


# Lines beside a series' own that a reader can still tell apart (each has its colour, dashes and
# point shape); a quantity with more reporters shows the rest on their own series' charts.
MOST_OTHER_LINES = 4


def resolution_markers(data: Dataset, first: int, last: int, frequency: str) -> tuple[Marker, ...]:
    """One marker per slot from `first` to `last` (a year, or a month on a monthly chart) in which a
    UN resolution restricted exports."""
    by_slot: dict[int, list[tuple[str, str]]] = {}
    for measure in data.measures:
        if measure.kind != "un-resolution":
            continue
        number = _RESOLUTION_NUMBER.search(measure.title)
        name = UNSCR + number.group(1) if number else _cut(" ".join(measure.title.split()))
        position = slot(Period.parse(measure.date[:4] if frequency == "yearly" else measure.date[:7]), frequency)
        if first <= position <= last:
            by_slot.setdefault(position, []).append((name, measure.title))
    return tuple(Marker(position, slot_period(position, frequency).text, tuple(name for name, _ in named),
                        tuple(title for _, title in named))
                 for position, named in sorted(by_slot.items()))


def _cut(name: str) -> str:
    return name if len(name) <= NAME_CHARACTERS else name[:NAME_CHARACTERS - 1].rstrip() + "\u2026"


def chart_of(data: Dataset, series: Series) -> Chart:
    """The chart of `series`: its own line first, then other reporters' series of the same quantity,
    at most MOST_OTHER_LINES of them (those reaching the latest years, then the longest)."""
    others = [s for s in data.series_of_quantity[series.quantity] if s.id != series.id and data.series_points(s)]
    if len(others) > MOST_OTHER_LINES:
        def recent_and_long(s):
            points = data.series_points(s)
            newest_year, newest_month = max(o.period.end for o in points)
            return (-newest_year, -newest_month, -len(points))
        kept = {s.id for s in sorted(others, key=recent_and_long)[:MOST_OTHER_LINES]}
        others = [s for s in others if s.id in kept]
    # A name is one line of text in a drawing: line breaks a name may hold would split it in two.
    lines = tuple(Line(" ".join((data.reporters[s.reporter].name + (f", {s.via}" if s.via else "")).split()),
                       tuple((slot(o.period, s.frequency), o.amount) for o in data.series_points(s)),
                       tuple(figure_text(o, data.language) for o in data.series_points(s)))
                  for s in [series, *others] if data.series_points(s))
    first = min(line.points[0][0] for line in lines)
    last = max(line.points[-1][0] for line in lines)
    return Chart(id=series.id, title=series.title, measured=data.indicators[series.indicator].label,
                 unit=series.unit, frequency=series.frequency, lines=lines,
                 markers=resolution_markers(data, first, last, series.frequency), language=data.language)
