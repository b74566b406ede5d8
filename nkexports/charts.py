"""Draw an annual series as a static, accessible SVG bar chart at build time.

No chart JavaScript reaches the reader: the SVG is inline, coloured with `currentColor`
so it follows the light and dark palettes and prints in black, and carries its own
title and description for screen readers. The data table beside it says the same.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from .dataset import Observation, Series
from .escape import svg_text as escape
from .numbers import format_amount

WIDTH, HEIGHT = 640, 300


class _Point(NamedTuple):
    period: str
    amount: float
LEFT, RIGHT, TOP, BOTTOM = 78, 12, 16, 46


def _nice_step(top: float) -> float:
    """A round tick step giving four to six ticks up to `top`."""
    raw = top / 5 if top > 0 else 1
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


def chart_svg(series: Series, observations: list[Observation], words: tuple[str, str],
              markers: list[tuple[str, str]] = ()) -> str:
    """`observations`: the series' points; `words`: (what is measured, whose figures);
    `markers`: (period, label) pairs drawn as dashed vertical lines, e.g. sanctions."""
    measured, reporter = words
    points = [_Point(o.period.text, o.amount) for o in sorted(observations, key=lambda o: o.period)]
    step = _nice_step(max(p.amount for p in points))
    top = step * math.ceil(max(p.amount for p in points) / step) or step
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / len(points)
    chart_id = f"chart-{series.id}"
    description = (f"Bar chart of {measured} by period, from {points[0].period} to {points[-1].period}, "
                   f"as reported by {reporter}. "
                   + "; ".join(f"{p.period}: {format_amount(p.amount, series.unit)}" for p in points) + ".")
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">{escape(series.title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
    ]
    ticks = int(round(top / step))
    for index in range(ticks + 1):
        value = step * index
        y = TOP + plot_h - plot_h * value / top
        parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="currentColor" stroke-opacity="0.15"/>')
        parts.append(f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11" fill="currentColor">'
                     f'{escape(format_amount(value, series.unit))}</text>')
    label_every = max(1, math.ceil(len(points) / 12))
    for index, point in enumerate(points):
        height = plot_h * point.amount / top
        x = LEFT + slot * index + slot * 0.15
        parts.append(f'<rect x="{x:.1f}" y="{TOP + plot_h - height:.1f}" width="{slot * 0.7:.1f}" height="{height:.1f}" '
                     f'fill="currentColor" fill-opacity="0.75"><title>{escape(point.period)}: '
                     f'{escape(format_amount(point.amount, series.unit))}</title></rect>')
        if index % label_every == 0:
            parts.append(f'<text x="{x + slot * 0.35:.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle" font-size="11" '
                         f'fill="currentColor">{escape(point.period)}</text>')
    periods = [p.period for p in points]
    for period, label in markers:
        if period in periods:
            x = LEFT + slot * periods.index(period) + slot * 0.5
            parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{TOP}" y2="{TOP + plot_h}" stroke="currentColor" '
                         f'stroke-dasharray="4 3"/>')
            parts.append(f'<text x="{x + 3:.1f}" y="{TOP + 10}" font-size="10" fill="currentColor">{escape(label)}</text>')
    parts.append("</svg>")
    return "".join(parts)
