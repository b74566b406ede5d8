"""Which repository files a page is made from, so that its cited revision is the newest change to any of them.

A category page, say, shows its own data file, but also the sources its facts cite (their titles
and dates are in its footnotes), the series and measures it shows, and the templates that lay it
out: an edit to any of these changes the page a reader cites.
"""

from __future__ import annotations

from functools import lru_cache

import jinja2
from jinja2 import meta

from . import views
from .dataset import Dataset, Measure, Observation, Series

TEMPLATE_DIR = "nkexports/templates/"
FOOTER_TEMPLATE = "page_footer.html.j2"
VOCABULARY = "data/reporters.yaml"  # whose names and methods every figure's row and comparison shows
_templates = jinja2.Environment(loader=jinja2.PackageLoader("nkexports", "templates"))


@lru_cache(maxsize=None)
def template_files(name: str) -> frozenset[str]:
    """The template and every template it includes, as repository paths."""
    source = _templates.loader.get_source(_templates, name)[0]
    included = meta.find_referenced_templates(_templates.parse(source))
    files = {TEMPLATE_DIR + name}
    for child in included:
        if child is None:
            raise RuntimeError(f"{name} includes a template named at run time; list it here by name")
        files |= template_files(child)
    return frozenset(files)


def _cited(data: Dataset, source_ids) -> set[str]:
    return {data.sources[s].file for s in source_ids if s in data.sources}


def _observation_files(data: Dataset, observations: list[Observation]) -> set[str]:
    """Where the figures are written, the sources they cite, and the vocabularies that name them."""
    files = {o.file for o in observations} | _cited(data, (s for o in observations for s in o.sources))
    return files | ({VOCABULARY} if observations else set())


def _series_files(data: Dataset, series: list[Series]) -> set[str]:
    return {s.file for s in series} | _observation_files(data, [o for s in series for o in data.series_points(s)])


def _measure_files(data: Dataset, measures: list[Measure]) -> set[str]:
    return ({data.measures_file} if measures and data.measures_file else set()) | _cited(
        data, (s for m in measures for s in m.sources))


def files_drawn_on(data: Dataset, data_file: str | None, source_file: str, uses_macros: bool,
                   data_dir: str = "data/") -> set[str]:
    """Repository paths (a directory ends with '/') of what the page is made from.

    `data_file` is the data a generated page comes from (its front matter says which),
    `source_file` the Markdown file of a page written by hand, `uses_macros` whether that page
    draws figures from the data (in `data_dir`) through macros."""
    files = set(template_files(FOOTER_TEMPLATE))
    if data_file is None:
        files.add(source_file)
        if uses_macros:
            files |= {data_dir, "macros.py", TEMPLATE_DIR}
        return files
    files.add(data_file)
    page = next((p for p in data.pages.values() if p.file == data_file), None)
    if page is not None:
        measures = ([m for m, _ in data.measures_for(page.slug)] if page.kind == "category"
                    else [m for m in data.measures if m.partner == page.slug])
        return (files | template_files(f"{page.kind}.md.j2")
                | _cited(data, (s for f in page.facts for s in f.sources))
                | _observation_files(data, views.in_scope(data, page.kind, page.slug))
                | _series_files(data, data.series_for(page.kind, page.slug)) | _measure_files(data, measures))
    if data_file == data.measures_file:
        shown = [o for row in views.ban_effects(data) for o in (row.before, row.after) if o is not None]
        return (files | template_files("sanctions.md.j2") | _measure_files(data, data.measures)
                | _observation_files(data, shown))
    if data_file == data.claims_file:
        return files | template_files("claims.md.j2") | _cited(data, (s for c in data.claims for s in c.sources))
    if data_file.endswith("series/"):
        return files | template_files("figures.md.j2") | _series_files(data, list(data.series.values()))
    # The bibliography and the data page list everything: they draw on all of it.
    return files | {TEMPLATE_DIR}
