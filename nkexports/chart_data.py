"""What a series' chart shows: its own figures, those of every other reporter of the same quantity,
and the UN resolutions that fall inside its years. Drawing is charts.py's job."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dataset import Dataset, Series
from .numbers import format_amount

_RESOLUTION_NUMBER = re.compile(r"resolution (\d+)$")


@dataclass(frozen=True)
class Line:
    """One reporter's annual figures: (year, amount) pairs, oldest first."""
    reporter: str
    points: tuple[tuple[int, float], ...]

    @property
    def runs(self) -> list[tuple[tuple[int, float], ...]]:
        """The points split wherever a year is missing: each run is drawn as its own line."""
        runs: list[list[tuple[int, float]]] = []
        for point in self.points:
            if runs and point[0] == runs[-1][-1][0] + 1:
                runs[-1].append(point)
            else:
                runs.append([point])
        return [tuple(run) for run in runs]


@dataclass(frozen=True)
class Marker:
    """A year in which the UN Security Council restricted exports, with its resolutions' numbers."""
    year: int
    resolutions: tuple[str, ...]

    @property
    def label(self) -> str:
        return "UNSCR " + ", ".join(self.resolutions)


@dataclass(frozen=True)
class Chart:
    """Everything a chart draws: hashable, so that one chart is drawn once per build."""
    id: str
    title: str
    measured: str
    unit: str
    lines: tuple[Line, ...]  # the series' own reporter first
    markers: tuple[Marker, ...]

    @property
    def first_year(self) -> int:
        return min(line.points[0][0] for line in self.lines)

    @property
    def last_year(self) -> int:
        return max(line.points[-1][0] for line in self.lines)

    @property
    def description(self) -> str:
        """The chart in words, for screen readers: every figure, the gaps and the markers."""
        sentences = [f"Line chart of {self.measured} by year, {self.first_year} to {self.last_year}, "
                     f"as reported by {_and_list([line.reporter for line in self.lines])}."]
        for line in self.lines:
            figures = "; ".join(f"{year}: {format_amount(amount, self.unit)}" for year, amount in line.points)
            sentences.append(f"{line.reporter}: {figures}.")
            missing = [year for year in range(line.points[0][0], line.points[-1][0] + 1)
                       if year not in dict(line.points)]
            if missing:
                sentences.append(f"No {line.reporter} figure for {_and_list([str(y) for y in missing])}.")
        if self.markers:
            sentences.append("Dashed vertical lines mark UN Security Council resolutions restricting exports: "
                             + "; ".join(f"{m.year} ({m.label})" for m in self.markers) + ".")
        return " ".join(sentences)


def _and_list(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def same_quantity(first: Series, second: Series) -> bool:
    """Two series measure the same quantity, whoever reports it: one chart can hold both."""
    return ((first.indicator, first.unit, first.partner, first.product, first.hs, first.label)
            == (second.indicator, second.unit, second.partner, second.product, second.hs, second.label))


def resolution_markers(data: Dataset, first_year: int, last_year: int) -> tuple[Marker, ...]:
    """One marker per year from `first_year` to `last_year` in which a UN resolution restricted exports."""
    by_year: dict[int, list[str]] = {}
    for measure in data.measures:
        if measure.kind != "un-resolution":
            continue
        number = _RESOLUTION_NUMBER.search(measure.title)
        if number is None:
            raise ValueError(f"{data.measures_file}: measure '{measure.id}' is a UN resolution whose title does "
                             f"not end with its number ('... resolution 2371'): '{measure.title}'")
        year = int(measure.date[:4])
        if first_year <= year <= last_year:
            by_year.setdefault(year, []).append(number.group(1))
    return tuple(Marker(year, tuple(numbers)) for year, numbers in sorted(by_year.items()))


def chart_of(data: Dataset, series: Series) -> Chart:
    """The chart of `series`: its own line first, then every other reporter's series of the same quantity."""
    others = [s for s in data.series_in_order if s.id != series.id and same_quantity(s, series)]
    lines = tuple(Line(data.reporters[s.reporter].name + (f", {s.via}" if s.via else ""),
                       tuple((o.period.year, o.amount) for o in data.series_points(s)))
                  for s in [series, *others] if data.series_points(s))
    first = min(line.points[0][0] for line in lines)
    last = max(line.points[-1][0] for line in lines)
    return Chart(id=series.id, title=series.title, measured=data.indicators[series.indicator].label,
                 unit=series.unit, lines=lines, markers=resolution_markers(data, first, last))
