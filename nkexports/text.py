"""Turn data text into inert Markdown: whatever a field holds, the reader sees it as written."""

from __future__ import annotations

import html
import re

# Characters that Markdown, its extensions or HTML could read as markup, as numeric entities:
# entities display as the character itself but are never parsed as syntax.
_ENTITIES = str.maketrans({c: f"&#{ord(c)};" for c in "\\`*_{}[]|~^"}
                          | {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})
# At the start of a line these open a heading, a list or a numbered list.
_LINE_START = re.compile(r"^([#+-]|\d+[.)])")
_SPACE = re.compile(r"\s+")


class Trusted(str):
    """Markup produced by our own templates and formatters, already safe to place as is."""


def inert(value) -> str:
    """Escape any value for Markdown with inline HTML, folding it onto one line."""
    if isinstance(value, Trusted):
        return value
    text = _SPACE.sub(" ", str(value)).strip().translate(_ENTITIES)
    return _LINE_START.sub(lambda m: m.group(1)[:-1] + f"&#{ord(m.group(1)[-1])};", text)


def attribute(value) -> Trusted:
    """Escape a value for use inside a double-quoted HTML attribute."""
    return Trusted(html.escape(str(value), quote=True))
