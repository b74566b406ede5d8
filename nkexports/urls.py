"""The site's address layout: where every generated page lives, in one place.

Paths are those of the Markdown files under docs/ (MkDocs turns `sanctions.md` into
`sanctions/`); everything that links, lists or reserves an address asks this module.
"""

from __future__ import annotations

from .kinds import KINDS, page_section

SANCTIONS = "sanctions.md"
CLAIMS = "claims.md"
FIGURES = "figures.md"
DATA = "data.md"
METHODOLOGY = "methodology.md"
CHANGES = "changes.md"
CHANGES_FEED = "changes.xml"
SOURCES_INDEX = "sources/index.md"
DOWNLOAD_DIR = "downloads"


def edition_root(language: str) -> str:
    """From an edition's root to the site's: the English edition is the root, every other edition a
    folder in it (ko/). The downloads are one set, at the root, for every edition."""
    return "" if language == "en" else "../"
# Addresses MkDocs and Material use for themselves.
THEME_ADDRESSES = ("search", "assets", "index")


# Series per page of annual figures: the page must not grow with the whole dataset.
SERIES_PER_FIGURES_PAGE = 20


def figures_path(number: int) -> str:
    """The path of the figures page `number` (0 is the first): figures.md, figures-2.md, ..."""
    return FIGURES if number == 0 else f"{FIGURES[:-len('.md')]}-{number + 1}.md"


def figures_path_of(rank: int) -> str:
    """The figures page holding the series at position `rank` in title order."""
    return figures_path(rank // SERIES_PER_FIGURES_PAGE)


def page_url(kind_name: str, slug: str) -> str:
    return f"{page_section(kind_name)}{slug}/"


def page_path(kind_name: str, slug: str) -> str:
    return f"{page_url(kind_name, slug).rstrip('/')}.md"


def url_of(path: str) -> str:
    """'sanctions.md' -> 'sanctions/'; 'sources/index.md' -> 'sources/'; 'index.md' -> ''."""
    stem = path[: -len(".md")]
    if stem == "index":
        return ""
    return stem[: -len("index")] if stem.endswith("/index") else stem + "/"


def reserved_top_level() -> set[str]:
    """First path segments a topic page (which lives at the top level) may not take."""
    own = {path.split("/")[0].removesuffix(".md") for path in (SANCTIONS, CLAIMS, FIGURES, DATA, SOURCES_INDEX, CHANGES)}
    sections = {k.section.strip("/") for k in KINDS if k.section}
    return (own | sections | {DOWNLOAD_DIR} | set(THEME_ADDRESSES)) - {""}
