"""Citation blocks as HTML: a page's "Cite this page" section and a figure's small "Cite" control."""

from __future__ import annotations

from .catalog import html_templates
from .citation_formats import Format


def figure_block(formats: list[Format], primary_source: str | None, language: str) -> str:
    """One compact control that opens every format."""
    return html_templates(language).get_template("figure_citation.html.j2").render(formats=formats,
                                                                                   primary_source=primary_source)


def page_block(language: str, **context) -> str:
    return html_templates(language).get_template("page_footer.html.j2").render(**context)
