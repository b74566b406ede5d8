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
SOURCES_INDEX = "sources/index.md"
DOWNLOAD_DIR = "downloads"
# Addresses MkDocs and Material use for themselves.
THEME_ADDRESSES = ("search", "assets", "index")


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
    own = {path.split("/")[0].removesuffix(".md") for path in (SANCTIONS, CLAIMS, FIGURES, DATA, SOURCES_INDEX)}
    sections = {k.section.strip("/") for k in KINDS if k.section}
    return (own | sections | {DOWNLOAD_DIR} | set(THEME_ADDRESSES)) - {""}
