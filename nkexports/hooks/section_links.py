"""MkDocs hook: links that read alike are named for screen readers by where they lead: each heading's
"¶" by its heading ("Link to the section: Figures over time"), and each footnote's "↩" by the
footnote and, where the text cites it more than once, which of its places it returns to."""

from __future__ import annotations

import html
import re

from nkexports.catalog import plain_text
from nkexports.escape import html_attribute
from nkexports.failures import one_line_failure
from nkexports.site import edition_language

# The heading Python-Markdown's toc extension writes with `permalink: true`, its text before the link.
_HEADING = re.compile(r'(<h([1-6])\b[^>]*\bid="([^"]+)"[^>]*>)(.*?)<a class="headerlink" href="#\3" title="Permanent link">',
                      re.S)
_TAG = re.compile(r"<[^>]+>")


def _named(match: re.Match, language: str) -> str:
    opening, _, anchor, inside = match.groups()
    text = " ".join(html.unescape(_TAG.sub("", inside)).split())
    title = html_attribute(plain_text(language, "Permanent link"))
    name = html_attribute(plain_text(language, "Link to the section: %(heading)s", heading=text))
    return f'{opening}{inside}<a class="headerlink" href="#{anchor}" title="{title}" aria-label="{name}">'


# Python-Markdown's footnotes: one back link per place the text cites the footnote (fnref, fnref2, ...).
_BACK_LINK = re.compile(r'<a class="footnote-backref" href="#fnref(\d*):([^"]+)" title="Jump back to footnote (\d+) in the text">')


def _named_back_link(match: re.Match, language: str) -> str:
    place, label, number = match.groups()
    title = html_attribute(plain_text(language, "Jump back to footnote %(number)s in the text", number=number))
    name = html_attribute(plain_text(language, "Back to where footnote %(number)s is cited, citation %(place)s", number=number,
                                     place=place) if place else
                          plain_text(language, "Back to where footnote %(number)s is cited", number=number))
    return f'<a class="footnote-backref" href="#fnref{place}:{label}" title="{title}" aria-label="{name}">'''


@one_line_failure
def on_page_content(html_text, page, config, files):
    language = edition_language(config)
    return _BACK_LINK.sub(lambda m: _named_back_link(m, language),
                          _HEADING.sub(lambda m: _named(m, language), html_text))
