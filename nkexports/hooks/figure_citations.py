"""MkDocs hook: a citation for every row of a page's figure tables, in every format, kept out of the page.

A table row carries only a small cite link (render.row_citation); the formats of all of a page's
rows go in one file beside the page, ROW_FILE, which docs/assets/cite.js fetches when a reader
opens a row's citation. Each row is cited as a figure: its title in words, its anchor's address,
the page's cited revision (nkexports/cited_pages.py, which the page_footer hook fills) and the primary source behind it.
"""

from __future__ import annotations

import re
from pathlib import Path

from nkexports import cited_pages, views
from nkexports.citation import CitedWork
from nkexports.citation_formats import cite_figure
from nkexports.escape import json_text
from nkexports.figure_dates import FigureDates, figure_dates
from nkexports.site import data_dir, site_data
from nkexports.failures import one_line_failure

ROW_FILE = "figure-citations.json"  # beside each page's index.html
# The link render.row_citation writes: its anchor, then the figure it cites (both checked ids).
_ROW_LINK = re.compile(r'class="cite-row" data-cite="([a-z0-9-]+)" data-figure="([a-z0-9-]+)"')
_rows: dict[str, dict[str, dict]] = {}  # page URL -> anchor -> the row's citation, until the page is written
_dates: dict[str, FigureDates] = {}  # figure id -> its days on the site, read once per build


@one_line_failure
def on_pre_build(config):
    _rows.clear()
    _dates.clear()
    repo, folder = Path(config.config_file_path).resolve().parent, data_dir(config)
    if folder.is_relative_to(repo):
        _dates.update(figure_dates(repo, folder.relative_to(repo).as_posix()))


def row_entry(work: CitedWork, primary_source: str | None, dates: FigureDates | None = None,
              verified: str | None = None) -> dict:
    """One row's citation as the page's script reads it: each format's text split where the access date
    goes, and the figure's days: first published and last changed on the site, last checked (YYYY-MM-DD)."""
    formats = []
    for format in cite_figure(work.title, work.url, work.date, work.site_name, work.revision, primary_source,
                              work.live_url):
        before, after = format.parts()
        form = format.date_form
        formats.append({"label": format.label, "before": before, "after": after,
                        "pattern": form.pattern if form else None, "months": list(form.months) if form else None,
                        "placeholder": format.placeholder, "italic": list(format.italic)})
    days = {"added": dates.added if dates else None, "changed": dates.changed if dates else None,
            "verified": verified}
    return {"title": work.title, "url": work.url, "original": primary_source, "days": days, "formats": formats}


@one_line_failure
def on_page_content(html, page, config, files):
    found = _ROW_LINK.findall(html)
    if not found:
        return html
    data = site_data(config)
    figures = data.observation_by_id
    page_work = cited_pages.cited[page.url]
    rows = {}
    for anchor, figure_id in found:
        observation = figures[figure_id]
        primary = "; ".join(views.primary_sources(data, observation.sources)) or None
        work = CitedWork(views.figure_title(data, observation), f"{page_work.url}#{anchor}", page_work.date,
                         page_work.site_name, page_work.revision, primary,
                         f"{page_work.live_url}#{anchor}" if page_work.live_url else None)
        rows[anchor] = row_entry(work, primary, _dates.get(figure_id), observation.last_verified)
    _rows[page.url] = rows
    return html


@one_line_failure
def on_post_page(output, page, config):
    """Write the page's row citations beside it as soon as the page is done, so that a build holds
    one page's at a time, not every page's (at a hundred times the data, gigabytes)."""
    rows = _rows.pop(page.url, None)
    if rows is not None:
        folder = Path(config.site_dir) / page.url
        folder.mkdir(parents=True, exist_ok=True)
        (folder / ROW_FILE).write_text(json_text(rows, separators=(",", ":")), encoding="utf-8")
    return output
