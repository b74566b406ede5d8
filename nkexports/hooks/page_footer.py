"""MkDocs hook: every content page ends with its dates and a "cite this page" block, carries
citation metadata in its <head>, and has citation files to import beside it.

"Last changed" comes from git (the newest commit to any file the page is made from);
"last verified" comes from the data (when a person last checked the facts against
their sources). The two answer different questions, so both are shown, apart.
"""

from __future__ import annotations

import datetime
import logging
from urllib.parse import urljoin
import posixpath
from pathlib import Path

from nkexports import cited_pages
from nkexports.citation import CitedWork
from nkexports.citation_formats import CITATION_FILES, all_formats
from nkexports.citation_html import page_block
from nkexports.downloads import DOWNLOAD_DIR
from nkexports.page_citation import cited_revision
from nkexports.page_metadata import Download, head_metadata
from nkexports.releases import (frozen_release, live_site_url, newest_release_holding, read_releases,
                                release_address, releases_dir)
from nkexports.downloads import listed_downloads
from nkexports.revisions import is_shallow, revisions
from nkexports.site import edition_language, data_dir, site_data
from nkexports.urls import DATA, edition_root
from nkexports.catalog import html_text, markdown_text
from nkexports.failures import one_line_failure

log = logging.getLogger("mkdocs.hooks.page_footer")

FOOTNOTES_PLACE = "///Footnotes Go Here///"  # Python-Markdown puts the footnotes here, before our block
# A Markdown heading, not one inside the HTML block, so that the table of contents lists it;
# the block names it (aria-labelledby) by its id.
CITE_HEADING = "## {} {{ #cite-this-page data-search-exclude }}"
WAYBACK = "https://web.archive.org/web/{day}/{url}"
_history: dict = {}  # every file's last revision, read once per build
_releases: dict = {}  # the releases' frozen copies built so far: date -> {page URL: revision}


@one_line_failure
def on_pre_build(config):
    cited_pages.cited.clear()
    _history.clear()
    _history.update(revisions(Path(config.config_file_path).resolve().parent))
    _releases.clear()
    folder = releases_dir()
    if folder is not None and frozen_release() is None:
        _releases.update(read_releases(folder))
    if is_shallow(Path(config.config_file_path).resolve().parent):
        log.warning("this is a shallow git clone, so every page's 'last changed' date would be wrong; "
                    "fetch the full history (git fetch --unshallow; in GitHub Actions, fetch-depth: 0)")


def _relative(target: str, page_url: str) -> str:
    return posixpath.relpath(target, page_url.rstrip("/") or ".")


@one_line_failure
def on_page_markdown(markdown, page, config, files):
    repo = Path(config.config_file_path).resolve().parent
    data_file = page.meta.get("data_file")
    source_file = f"docs/{page.file.src_uri}"
    cited = cited_revision(_history, repo, site_data(config), data_file, source_file,
                           bool(page.meta.get("render_macros")), data_dir(config))
    revision = cited.revision
    site_url = config.site_url.rstrip("/") + "/"
    url, live_url = _addresses(site_url, page.url, revision.short if revision else None)
    title = page.meta.get("title") or page.title or config.site_name
    work = CitedWork(title=title, url=url, date=revision.date if revision else datetime.date.today().isoformat(),
                     site_name=config.site_name, revision=revision.short if revision else None, live_url=live_url)
    cited_pages.cited[page.url] = work
    dataset = None
    if page.file.src_uri == DATA:
        root = urljoin(site_url, edition_root(edition_language(config)))
        dataset = [Download(name, f"{root}{DOWNLOAD_DIR}/{name}", what)
                   for name, what in listed_downloads()]
    page.meta["citation_head"] = head_metadata(work, page.meta.get("description") or config.site_description or "",
                                               site_url, dataset)
    footer = page_block(
        edition_language(config), formats=all_formats(work), revision=revision, committed=cited.committed,
        repo_url=config.repo_url.rstrip("/"), last_verified=page.meta.get("last_verified") or "", url=url,
        live_url=live_url,
        wayback_url=WAYBACK.format(day=work.date.replace("-", ""), url=live_url or url),
        files=[(f.label, f.page_file()) for f in CITATION_FILES],
        site_files=[(f.label, _relative(f.site_file(), page.url)) for f in CITATION_FILES])
    # Python-Markdown replaces the marker only where there are footnotes; elsewhere it would show.
    marker = f"\n\n{FOOTNOTES_PLACE}" if "[^" in markdown else ""
    heading = CITE_HEADING.format(markdown_text(edition_language(config), "Cite this page"))
    return f"{markdown}{marker}\n\n{heading}\n\n{footer}\n"


def _addresses(site_url: str, page_url: str, revision: str | None) -> tuple[str, str | None]:
    """Where a page is cited, and its live address when that is another: a frozen copy cites itself;
    the live site cites the newest release that froze the page at this revision, else itself."""
    live = live_site_url(site_url) + page_url
    if frozen_release() is not None:
        return site_url + page_url, live
    release = newest_release_holding(_releases, page_url, revision)
    if release is None:
        return live, None
    return release_address(live_site_url(site_url), release) + page_url, live


FOOTNOTES_START = '<div class="footnote">'
FOOTNOTES_END = "</ol>\n</div>"  # how Python-Markdown closes the list: no footnote holds a div of its own


@one_line_failure
def on_page_content(html, page, config, files):
    """The page's list of sources, kept out of search (it repeats on every page and would bury the
    facts) and folded: on a phone a long list runs to screens. A footnote marker opens it
    (docs/assets/reveal.js)."""
    start = html.find(FOOTNOTES_START)
    end = html.find(FOOTNOTES_END, start)
    if start < 0 or end < 0:
        return html
    end += len(FOOTNOTES_END)
    listed = html[start:end].count('<li id="fn:')
    summary = html_text(edition_language(config), "Sources cited on this page (%(count)s)", count=listed)
    fold = f'<details class="sources-fold" data-search-exclude><summary>{summary}</summary>\n<div class="footnote">'
    return html[:start] + fold + html[start + len(FOOTNOTES_START):end] + "\n</details>" + html[end:]


@one_line_failure
def on_post_build(config):
    site = Path(config.site_dir)
    for page_url, work in cited_pages.cited.items():
        for kind in CITATION_FILES:
            (site / page_url / kind.page_file()).write_text(kind.write([work]), encoding="utf-8", newline="")
    every_page = [cited_pages.cited[url] for url in sorted(cited_pages.cited)]
    for kind in CITATION_FILES:
        (site / kind.site_file()).write_text(kind.write(every_page), encoding="utf-8", newline="")
