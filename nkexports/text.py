"""Turn data text into inert Markdown: whatever a field holds, the reader sees it as written."""

from __future__ import annotations

from .escape import html_attribute, markdown_text


class Trusted(str):
    """Markup produced by our own templates and formatters, already safe to place as is."""


def inert(value) -> str:
    """Escape any value for Markdown with inline HTML, folding it onto one line."""
    if isinstance(value, Trusted):
        return value
    return markdown_text(value)


def attribute(value) -> Trusted:
    """Escape a value for use inside a double-quoted HTML attribute."""
    return Trusted(html_attribute(value))
