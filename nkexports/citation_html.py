"""Citation blocks as HTML: a page's "Cite this page" section and a figure's "Cite this figure" control."""

from __future__ import annotations

import jinja2

from .citation_formats import Format
from .text import Trusted

_templates = jinja2.Environment(loader=jinja2.PackageLoader("nkexports", "templates"), autoescape=True,
                                undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def figure_block(formats: list[Format], primary_source: str | None) -> Trusted:
    """One compact control that opens every format; on one line of Markdown's view, so that the
    page's Markdown keeps it as a single block of HTML."""
    html = _templates.get_template("figure_citation.html.j2").render(formats=formats, primary_source=primary_source)
    return Trusted(html.strip())


def page_block(**context) -> str:
    return _templates.get_template("page_footer.html.j2").render(**context)
