"""MkDocs hook: one page per data file, added to the nav, with no hand-made stub page.

A nav section whose first entry is `categories/index.md` (or `partners/index.md`) gets one
entry per category (or partner) file after it, and every topic page the nav does not list gets
an entry after the methodology page, so a new YAML file is all a new page needs.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from nkexports.citation_formats import cite_figure
from nkexports.citation_html import figure_block
from nkexports.downloads import data_version, download_files
from nkexports.figure_dates import figure_dates
from nkexports import views
from nkexports.kinds import KINDS
from nkexports.render import Renderer, page_path
from nkexports.page_citation import cited_revision
from nkexports.revisions import last_change, revisions
from nkexports.site import data_dir, site_data
from nkexports.text import Trusted
from nkexports.translations import ENGLISH
from nkexports.urls import FIGURES, METHODOLOGY, SOURCES_INDEX
from nkexports.failures import one_line_failure

SECTION_INDEX = ({kind.section_index: kind.name for kind in KINDS if kind.section_index}
                 | {SOURCES_INDEX: "sources", FIGURES: "figures"})
# Past this many pages a section is split by initial letter: Material puts the whole open
# section on every page, so one long flat list would make the site grow with its square.
LARGEST_FLAT_SECTION = 40


# Where a figure's citation block goes: its HTML is put in after Markdown has run, since Markdown
# would only parse it to write it out unchanged, and that is most of the cost of a page with many figures.
FIGURE_PLACE = "<!--figure-citation:{}-->"
FIGURE_PLACE_PATTERN = re.compile(r"<!--figure-citation:([a-z0-9-]+)-->")
_figure_blocks: dict[str, str] = {}  # fact id -> its citation block


def fact_citation(config, data):
    """Every citation format for one fact, pointing at its anchor on its page, at the page's revision."""
    repo = Path(config.config_file_path).resolve().parent
    history = revisions(repo)
    today = datetime.date.today().isoformat()
    by_page = {}
    renderer = Renderer(data)

    def cite(fact) -> Trusted:
        if fact.page.file not in by_page:
            by_page[fact.page.file] = cited_revision(history, repo, data, fact.page.file, fact.page.file).revision
        revision = by_page[fact.page.file]
        primary = "; ".join(renderer.primary_sources(fact)) or None
        formats = cite_figure(title=fact_title(data, fact), url=f"{config.site_url.rstrip('/')}/{fact.page.url}#{fact.id}",
                              date=revision.date if revision else today, site_name=config.site_name,
                              revision=revision.short if revision else None, primary_source=primary)
        _figure_blocks[fact.id] = figure_block(formats, primary, data.language)
        return Trusted(FIGURE_PLACE.format(fact.id))
    return cite


def fact_title(data, fact) -> str:
    """A fact's title in words: what its first figure measures, when and by whom; for a fact
    without figures, its first sentence."""
    if fact.observations:
        return views.figure_title(data, fact.observations[0])
    first = data.statement_text(fact).split(". ", 1)[0].rstrip(".")
    return f"{fact.page.title}: {first}"


def _extend_sections(nav, data) -> None:
    for entry in nav:
        if not isinstance(entry, dict):
            continue
        for children in entry.values():
            if isinstance(children, list) and children and children[0] in SECTION_INDEX:
                kind = SECTION_INDEX[children[0]]
                if kind == "sources":
                    children.extend({label: path} for label, path in Renderer(data).source_kind_paths())
                    continue
                if kind == "figures":
                    children.extend({f"Page {n}": path} for n, path in Renderer(data).figures_paths()[1:])
                    continue
                listed = set(map(str, children))
                pages = [p for p in data.pages_of(kind) if page_path(p) not in listed]
                children.extend(_grouped(pages) if len(pages) > LARGEST_FLAT_SECTION else map(page_path, pages))


def _nav_paths(entries) -> set[str]:
    """Every page path a nav (or a part of one) lists, at any depth."""
    found: set[str] = set()
    for entry in entries:
        values = entry.values() if isinstance(entry, dict) else [entry]
        for value in values:
            found |= _nav_paths(value) if isinstance(value, list) else {str(value)}
    return found


def _add_topic_pages(nav, data) -> None:
    """Topic pages the nav does not list, by title, after the methodology page (or at the end)."""
    listed = _nav_paths(nav)
    missing = [{page.title: page_path(page)} for page in data.pages_of("topic") if page_path(page) not in listed]
    after = next((n + 1 for n, entry in enumerate(nav) if isinstance(entry, dict) and METHODOLOGY in entry.values()),
                 len(nav))
    nav[after:after] = missing


def _grouped(pages) -> list[dict]:
    """{'A': [...], 'B': [...]}: pages under the initial letter of their title; a letter with
    too many pages for one group is split again, 'C 1', 'C 2', and so on."""
    by_letter: dict[str, list[str]] = {}
    for page in pages:
        by_letter.setdefault(page.title[:1].upper(), []).append(page_path(page))
    groups = []
    for letter, paths in sorted(by_letter.items()):
        chunks = [paths[i:i + LARGEST_FLAT_SECTION] for i in range(0, len(paths), LARGEST_FLAT_SECTION)]
        groups.extend({letter if len(chunks) == 1 else f"{letter} {n}": chunk} for n, chunk in enumerate(chunks, 1))
    return groups


@one_line_failure
def on_config(config):
    data = site_data(config)
    if config.nav:
        _extend_sections(config.nav, data)
        _add_topic_pages(config.nav, data)
    return config


@event_priority(50)  # before plugins such as redirects look for the pages the data makes
@one_line_failure
def on_files(files, config):
    data = site_data(config)
    _figure_blocks.clear()
    for path, markdown in Renderer(data, fact_citation(config, data)).generated_pages().items():
        if files.get_file_from_path(path) is not None:
            raise Abort(f"docs/{path} is written by hand, but the data also makes that page; "
                        f"remove docs/{path} or rename the data file")
        files.append(File.generated(config, path, content=markdown))
    repo = Path(config.config_file_path).resolve().parent
    newest = last_change(revisions(repo), "data/")
    version = data_version(newest.date, newest.short) if newest else data_version(None, None)
    folder = data_dir(config)
    dates = figure_dates(repo, folder.relative_to(repo).as_posix()) if folder.is_relative_to(repo) else {}
    # The downloads are one set, written by the English edition (urls.edition_root).
    if data.language == ENGLISH:
        for path, content in download_files(data, version, dates).items():
            files.append(File.generated(config, path, content=content))
    return files


@one_line_failure
def on_page_content(html, page, config, files):
    return FIGURE_PLACE_PATTERN.sub(lambda m: _figure_blocks[m.group(1)], html)
