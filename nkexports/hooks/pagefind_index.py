"""MkDocs hook: search for an edition whose language lunr cannot split into words. Material's
search (lunr) finds Korean poorly: 가발 inside 가발과 is no match. An edition whose config sets
`extra.pagefind: true` instead gets a search page (search/) and, after the build, Pagefind's index
of its articles (node_modules/.bin/pagefind, from package.json), which splits Korean and Chinese
words and runs offline, under the site's Content-Security-Policy."""

from __future__ import annotations

import subprocess
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File

from nkexports.catalog import html_text
from nkexports.failures import one_line_failure
from nkexports.site import edition_language

SEARCH_PAGE = "search.md"
PAGEFIND = Path("node_modules") / ".bin" / "pagefind"
# What search leaves out: the lists of sources, citation blocks and tools that repeat on every page.
NOT_INDEXED = ".footnote, .sources-fold, .cite-page, .cite-figure, .fact-tools, [data-search-exclude]"


def uses_pagefind(config) -> bool:
    return bool(config.extra.get("pagefind"))


def search_page(language: str) -> str:
    """The search page: Pagefind's own interface fills the box (docs/assets/pagefind-search.js)."""
    title = html_text(language, "Search")
    # The English edition has no such page (Material's search serves it): no copy to link to.
    return (f"---\ntitle: \"{title}\"\nonly_in_this_edition: true\nsearch:\n  exclude: true\n---\n\n# {title}\n\n"
            f'<link rel="stylesheet" href="../pagefind/pagefind-ui.css">\n'
            f'<div id="pagefind-search" data-pagefind-ignore></div>\n'
            f'<noscript><p>{html_text(language, "Search needs JavaScript; every page is also listed in the menu.")}</p></noscript>\n'
            f'<script src="../pagefind/pagefind-ui.js"></script>\n<script src="../assets/pagefind-search.js"></script>\n')


@one_line_failure
def on_files(files, config):
    if uses_pagefind(config):
        files.append(File.generated(config, SEARCH_PAGE, content=search_page(edition_language(config))))
    return files


@one_line_failure
def on_post_build(config):
    if not uses_pagefind(config):
        return
    program = Path(config.config_file_path).resolve().parent / PAGEFIND
    if not program.is_file():
        raise Abort(f"{PAGEFIND} is missing: run `npm ci` (make build does) to install Pagefind for the search page")
    done = subprocess.run([str(program), "--site", config.site_dir, "--root-selector", "article",
                           "--exclude-selectors", NOT_INDEXED, "--quiet"], capture_output=True, text=True)
    if done.returncode != 0:
        raise Abort(f"pagefind could not index {config.site_dir}: {(done.stderr or done.stdout).strip()[:300]}")
