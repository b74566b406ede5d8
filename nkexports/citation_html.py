"""Citation blocks as HTML: a page's "Cite this page" section and a figure's small "Cite" control."""

from __future__ import annotations

import jinja2

from .citation_formats import Format

_templates = jinja2.Environment(loader=jinja2.PackageLoader("nkexports", "templates"), autoescape=True,
                                undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def figure_block(formats: list[Format], primary_source: str | None) -> str:
    """One compact control that opens every format."""
    return _templates.get_template("figure_citation.html.j2").render(formats=formats, primary_source=primary_source)


def page_block(**context) -> str:
    return _templates.get_template("page_footer.html.j2").render(**context)
