"""MkDocs hook: Material prints a page's title, description and search tags from its front
matter into HTML unescaped: the head, the navigation, the header, the footer and the search
index, whose results it inserts as HTML. Once every page has been read, and before any page
is drawn, those values become escaped markup: printed as they are, they show the text as
written, and filters that escape (`| e`) leave them as they are.
"""

from __future__ import annotations

from markupsafe import Markup

from nkexports.escape import html_text, search_text
from nkexports.failures import one_line_failure

ESCAPED_FIELDS = ("title", "description")


def escaped_front_matter(meta: dict) -> None:
    for key in ESCAPED_FIELDS:
        if isinstance(meta.get(key), str) and not isinstance(meta[key], Markup):
            meta[key] = Markup(html_text(meta[key]))
    if isinstance(meta.get("tags"), list):
        meta["tags"] = [tag if isinstance(tag, Markup) else Markup(search_text(tag)) for tag in meta["tags"]]


@one_line_failure
def on_env(env, config, files):
    for file in files.documentation_pages():
        if file.page is not None:
            escaped_front_matter(file.page.meta)
    return env
