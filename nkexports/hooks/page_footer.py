"""MkDocs hook: every content page ends with its dates and a "cite this page" block.

"Last changed" comes from git (when the page's source file was last committed);
"last verified" comes from the data (when a person last checked the facts against
their sources). The two answer different questions, so both are shown, apart.
"""

from __future__ import annotations

import datetime
import logging
from pathlib import Path

import jinja2

from nkexports.citation import CitedWork, all_formats
from nkexports.revisions import Revision, is_shallow, revisions

log = logging.getLogger("mkdocs.hooks.page_footer")

FOOTNOTES_PLACE = "///Footnotes Go Here///"  # Python-Markdown puts the footnotes here, before our block
_template = jinja2.Environment(loader=jinja2.PackageLoader("nkexports", "templates"), autoescape=True,
                               undefined=jinja2.StrictUndefined).get_template("page_footer.html.j2")


def _source_file(page) -> str:
    return page.meta.get("data_file") or f"docs/{page.file.src_uri}"


def _revision(history: dict[str, Revision], path: str) -> Revision | None:
    """The file's last revision; for a directory (data/series/), the newest of its files'."""
    if path in history:
        return history[path]
    inside = [rev for name, rev in history.items() if name.startswith(path.rstrip("/") + "/")]
    return max(inside, key=lambda rev: rev.date, default=None)


def on_pre_build(config):
    if is_shallow(Path(config.config_file_path).resolve().parent):
        log.warning("this is a shallow git clone, so every page's 'last changed' date would be wrong; "
                    "fetch the full history (git fetch --unshallow; in GitHub Actions, fetch-depth: 0)")


def on_page_markdown(markdown, page, config, files):
    repo = Path(config.config_file_path).resolve().parent
    source_file = _source_file(page)
    revision = _revision(revisions(repo), source_file)
    url = config.site_url.rstrip("/") + "/" + page.url
    title = page.meta.get("title") or page.title or config.site_name
    work = CitedWork(title=title, url=url, date=revision.date if revision else datetime.date.today().isoformat(),
                     site_name=config.site_name, revision=revision.short if revision else None)
    footer = _template.render(formats=all_formats(work), revision=revision, repo_url=config.repo_url.rstrip("/"),
                              source_file=source_file, last_verified=page.meta.get("last_verified") or "", url=url)
    return f"{markdown}\n\n{FOOTNOTES_PLACE}\n\n{footer}\n"


def on_page_content(html, page, config, files):
    # Source lists repeat on every page; searching them would bury the facts themselves.
    return html.replace('<div class="footnote">', '<div class="footnote" data-search-exclude>', 1)
