"""Draw a chart (chart_data.Chart) as static, accessible, inline SVG with matplotlib at build time.

No chart JavaScript reaches the reader. Each chart is drawn twice, for a narrow and a wide text
column, and CSS shows the one that fits the column (docs/assets/site.css, "Charts"): an SVG scales
with its column, so a single drawing would shrink its text below 12 px on a phone. Lines, text and
markers are coloured with `currentColor` and CSS variables so that they follow the light and dark
palettes and print in black; a missing year (or month) breaks the line, on a true time axis.
"""

from __future__ import annotations

import hashlib
import io
import math
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import version
from multiprocessing import get_context
from pathlib import Path
from typing import TYPE_CHECKING

from .chart_data import Chart, resolutions_span
from .numbers import format_amount
from .caches import cache_dir
from .catalog import catalog_path
from .svg_markup import own_drawing, tidy

if TYPE_CHECKING:
    from matplotlib.figure import Figure

# matplotlib colours that stand for the page's colours in the drawing, replaced in the SVG.
FOREGROUND = "#010101"
OTHER_REPORTERS = ("#010102", "#010103", "#010104", "#010105")
COLOURS = {FOREGROUND: "currentColor"} | {
    colour: f"var(--nkx-chart-reporter-{n}, currentColor)" for n, colour in enumerate(OTHER_REPORTERS, 2)}
# Beside colour, each reporter has its own dashes and point shape: lines tell apart in print too.
DASHES = ("solid", (0, (5, 2)), (0, (1, 1.5)), (0, (6, 2, 1, 2)), (0, (3, 3)))
POINTS = ("o", "s", "^", "D", "v")
SETTINGS = {
    "svg.fonttype": "none",  # text stays text: selectable, searchable, in the page's font
    "svg.hashsalt": "nkexports",  # the same ids in every build
    "text.parse_math": False,  # "US$1 to US$2" is text, not mathematics
    # DejaVu Sans is measured wider than the page's font, so labels keep their room; a character it
    # lacks (Hangul, Han) is measured and drawn in Noto Sans CJK (Debian's fonts-noto-cjk).
    "font.family": ["DejaVu Sans", "Noto Sans CJK KR"],
}


@dataclass(frozen=True)
class Variant:
    """One drawing of a chart: `width` × `height` SVG units with text of `font_size` units. Scaled
    to a column c px wide, the text renders at font_size × c / width px; site.css shows each drawing
    only in columns wide enough for that to be 12 px or more."""
    name: str
    width: int
    height: int
    font_size: float
    year_ticks: int


# The narrow drawing is as wide as the column on a 375 px phone, so its 12-unit text renders at
# 12 px or more; the wide one is shown from a 520 px column, where its 15-unit text is over 12 px.
VARIANTS = (Variant("narrow", 340, 330, 12, 4), Variant("wide", 640, 360, 15, 8))


def chart_markup(chart: Chart) -> str:
    """Both drawings of the chart, one after the other; CSS shows the one that fits the column."""
    return "".join(_drawing(chart, variant) for variant in VARIANTS)


# A drawing takes over a tenth of a second (some 5 s for the site's charts), so drawings are kept
# on disk by content: the key covers the chart, the drawing and the code that draws it, so a
# changed input or module draws again. The cache is outside the checkout (caches.py), and an entry
# is used only if it is markup `tidy` could have written; any other is drawn again and replaced.
CACHE_KIND = "charts"
_CODE = [Path(__file__).with_name(name) for name in ("charts.py", "chart_data.py", "svg_markup.py", "escape.py",
                                                     "numbers.py")]


@lru_cache(maxsize=None)
def _code_key(language: str) -> bytes:
    """What of the code and the catalog a drawing depends on; read once per build, not per drawing."""
    key = hashlib.sha256(version("matplotlib").encode())
    for module in _CODE:
        key.update(module.read_bytes())
    if catalog_path(language).is_file():  # the chart's words (its description) come from there
        key.update(catalog_path(language).read_bytes())
    return key.digest()


def _cache_file(chart: Chart, variant: Variant) -> Path:
    key = hashlib.sha256(_code_key(chart.language))
    key.update(repr((chart, variant)).encode())
    return cache_dir(CACHE_KIND) / f"{key.hexdigest()}.svg"


def _kept(cached: Path) -> str | None:
    try:
        kept = cached.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return kept if own_drawing(kept) else None


def _keep(cached: Path, drawn: str) -> None:
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(drawn, encoding="utf-8")
        partial.replace(cached)  # whole or absent, even when two builds draw at once
    except OSError:
        pass  # without a writable cache folder the build only draws every time


@lru_cache(maxsize=256)
def _drawing(chart: Chart, variant: Variant) -> str:
    cached = _cache_file(chart, variant)
    kept = _kept(cached)
    if kept is not None:
        return kept
    drawn = _draw(chart, variant)
    _keep(cached, drawn)
    return drawn


def _draw_one(job: tuple[Chart, Variant]) -> str:
    return _draw(*job)


# A drawing process starts fresh (spawned: forking a build that may run a server thread, as
# `mkdocs serve` does, can copy a held lock) and imports matplotlib, about 1.5 s: fewer drawings
# than this are drawn sooner by the pages themselves.
FEWEST_DRAWN_AHEAD = 16


def draw_ahead(charts: list[Chart]) -> None:
    """Draw, across the machine's cores, every drawing of `charts` the cache lacks, and keep them
    there: the pages then find each one drawn instead of drawing them one after another. Without a
    writable cache folder this draws nothing, and the pages draw as they go."""
    missing = [(chart, variant) for chart in charts for variant in VARIANTS if _kept(_cache_file(chart, variant)) is None]
    workers = min(os.cpu_count() or 1, len(missing) // (FEWEST_DRAWN_AHEAD // 2))
    if workers < 2:
        return
    try:
        cache_dir(CACHE_KIND).mkdir(parents=True, exist_ok=True)
    except OSError:
        return
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn")) as pool:
        for job, drawn in zip(missing, pool.map(_draw_one, missing, chunksize=max(1, len(missing) // (4 * workers)))):
            _keep(_cache_file(*job), drawn)


def _draw(chart: Chart, variant: Variant) -> str:
    # Imported here: matplotlib takes about a second to import, which a build whose every
    # drawing is in the cache never needs.
    import matplotlib

    with matplotlib.rc_context(SETTINGS | {"font.size": variant.font_size}):
        figure = _figure(chart, variant)
        out = io.StringIO()
        figure.savefig(out, format="svg", metadata={"Date": None, "Creator": None}, transparent=True)
    prefix = f"chart-{chart.id}-{variant.name}"
    marks = {f"run-{n}-{r}": {"class": f"chart-run chart-reporter-{n + 1}",
                              "data-first-period": chart.period(run[0][0]), "data-last-period": chart.period(run[-1][0])}
             for n, line in enumerate(chart.lines) for r, run in enumerate(line.runs)}
    marks |= {"latest": {"class": "chart-latest"}, "legend": {"class": "chart-legend"}}
    marks |= {f"marker-{m.period}": {"class": "chart-marker", "data-period": m.period} for m in chart.markers}
    marks |= {f"marker-label-{m.period}": {"class": "chart-marker-label"} for m in chart.markers}
    root = {"class": f"chart chart-{variant.name}", "role": "img", "aria-labelledby": f"{prefix}-title",
            "aria-describedby": f"{prefix}-desc", "data-first-period": chart.period(chart.first),
            "data-last-period": chart.period(chart.last)}
    return tidy(out.getvalue(), id_prefix=prefix, colours=COLOURS, marks=marks, root=root,
                title=chart.title, description=chart.description)


def _figure(chart: Chart, variant: Variant) -> Figure:
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    figure = Figure(figsize=(variant.width / 72, variant.height / 72), dpi=72, layout="constrained")
    axes = figure.add_subplot()
    top = _axis_top(max(amount for line in chart.lines for _, amount in line.points))
    for n, line in enumerate(chart.lines):
        colour = FOREGROUND if n == 0 else OTHER_REPORTERS[(n - 1) % len(OTHER_REPORTERS)]
        for r, run in enumerate(line.runs):
            axes.plot([_x(chart, position) for position, _ in run], [amount for _, amount in run], gid=f"run-{n}-{r}",
                      color=colour, linestyle=DASHES[n % len(DASHES)], marker=POINTS[n % len(POINTS)],
                      markersize=4, linewidth=2 if n == 0 else 1.5, label=line.reporter if r == 0 else "_run",
                      clip_on=False)
    for marker in chart.markers:
        axes.axvline(_x(chart, marker.slot), color=FOREGROUND, alpha=0.5, linestyle=(0, (4, 3)), linewidth=1,
                     gid=f"marker-{marker.period}")
    _label_markers(axes, chart, variant)
    _label_latest(axes, chart, top)
    axes.set_xlim(_x(chart, chart.first) - 0.5 / chart.steps_a_year, _x(chart, chart.last) + 0.5 / chart.steps_a_year)
    axes.set_ylim(0, top)
    axes.xaxis.set_major_locator(MaxNLocator(nbins=variant.year_ticks, integer=True, min_n_ticks=1))
    axes.yaxis.set_major_locator(MaxNLocator(nbins=4 if variant.name == "narrow" else 5))
    axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _: format_amount(value, chart.unit, language=chart.language)))
    axes.grid(axis="y", color=FOREGROUND, alpha=0.15)
    axes.tick_params(colors=FOREGROUND, labelcolor=FOREGROUND)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        axes.spines[side].set_color(FOREGROUND)
    legend = figure.legend(loc="outside lower center", frameon=False, labelcolor=FOREGROUND, handlelength=2.5)
    legend.set_gid("legend")
    _fit_legend(figure, legend)
    _fit_marker_labels(figure, axes)
    _check_inside(figure, axes, legend, f"the {variant.name} chart of series '{chart.id}'")
    return figure


def _x(chart: Chart, position: int) -> float:
    """Where a slot sits on the time axis, in years: a month's point a twelfth of a year after the last."""
    return position / chart.steps_a_year


def _axis_top(highest: float) -> float:
    """Room above the highest point for the latest figure's label."""
    return highest * 1.25 if highest > 0 else 1


def _label_latest(axes, chart: Chart, top: float) -> None:
    """The series' latest figure, written beside its point, on the side with room."""
    position, amount = chart.lines[0].points[-1]
    toward_left = position > (chart.first + chart.last) / 2
    axes.annotate(chart.lines[0].texts[-1], (_x(chart, position), amount), xytext=(-6 if toward_left else 6, 8),
                  textcoords="offset points", ha="right" if toward_left else "left", va="bottom",
                  color=FOREGROUND, fontweight="bold", gid="latest")


def _label_markers(axes, chart: Chart, variant: Variant) -> None:
    """Each resolution's label runs up its dashed line. Lines too close for a label between them
    share one label naming the first and last resolution, beside the last line, or before the
    first when the next line is too close too."""
    per_step = 0.75 * variant.width / (chart.last - chart.first + 1)  # the plot is about 3/4 wide
    room = 1.2 * variant.font_size + 6
    clusters: list[list] = []
    for marker in chart.markers:
        if clusters and (marker.slot - clusters[-1][-1].slot) * per_step < room:
            clusters[-1].append(marker)
        else:
            clusters.append([marker])
    for n, cluster in enumerate(clusters):
        label = cluster[0].label if len(cluster) == 1 else (
            resolutions_span(cluster[0].resolutions[0], cluster[-1].resolutions[-1]))
        following = clusters[n + 1][0].slot if n + 1 < len(clusters) else None
        right = following is None or (following - cluster[-1].slot) * per_step >= 2 * room
        axes.annotate(label, (_x(chart, cluster[-1].slot if right else cluster[0].slot), 1), xycoords=("data", "axes fraction"),
                      xytext=(3 if right else -3, -2), textcoords="offset points", rotation=90,
                      ha="left" if right else "right", va="top", color=FOREGROUND,
                      gid=f"marker-label-{cluster[0].period}")


def _fit_legend(figure: Figure, legend) -> None:
    """A reporter's name too long for the drawing is cut short with an ellipsis, on one line, so that
    every legend entry is one text (the description and the page name every reporter in full)."""
    def fits(text) -> float:
        others = legend.get_window_extent().width - max(t.get_window_extent().width for t in legend.get_texts())
        return (figure.bbox.width - others - 4) / text.get_window_extent().width
    _cut_to_fit(figure, legend.get_texts(), fits)


def _fit_marker_labels(figure: Figure, axes) -> None:
    """A resolution's label runs down from the top of the plot: it is cut short above the drawing's foot."""
    labels = [text for text in axes.texts if text.get_gid().startswith("marker-label-")]
    _cut_to_fit(figure, labels, lambda text: (axes.get_window_extent().y1 - figure.bbox.y0 - 2)
                / text.get_window_extent().height)


def _cut_to_fit(figure: Figure, texts, fits) -> None:
    """Cut each text whose `fits(text)` (the share of it that has room) is under 1, and lay out again."""
    for _ in range(5):
        figure.draw_without_rendering()
        too_long = [(text, fits(text)) for text in texts if fits(text) < 1]
        if not too_long:
            return
        for text, share in too_long:
            kept = max(int(len(text.get_text()) * share) - 1, 1)
            text.set_text(text.get_text()[:kept].rstrip("\u2026").rstrip() + "\u2026")


def _check_inside(figure: Figure, axes, legend, where: str) -> None:
    """Stop the build rather than publish a clipped label: every text must lie inside the drawing."""
    figure.draw_without_rendering()  # lays the figure out, so that texts know where they are
    bounds = figure.bbox
    texts = [*_shown_tick_labels(axes.xaxis), *_shown_tick_labels(axes.yaxis), *axes.texts, *legend.get_texts()]
    for text in texts:
        if not text.get_text():
            continue
        box = text.get_window_extent()
        if not all(map(math.isfinite, box.bounds)) or (box.x0 < bounds.x0 - 0.5 or box.x1 > bounds.x1 + 0.5
                                                       or box.y0 < bounds.y0 - 0.5 or box.y1 > bounds.y1 + 0.5):
            raise ValueError(f"{where}: the text {text.get_text()!r} does not fit in the {bounds.width:.0f}-unit "
                             "drawing; shorten it in data/ or widen the drawing in nkexports/charts.py VARIANTS")


def _shown_tick_labels(axis) -> list:
    """The labels of the ticks inside the axis' range: matplotlib also keeps some just outside, undrawn."""
    low, high = sorted(axis.get_view_interval())
    return [label for location, label in zip(axis.get_majorticklocs(), axis.get_majorticklabels())
            if low <= location <= high]
