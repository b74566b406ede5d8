"""MkDocs hook: links that read alike are named for screen readers by where they lead: each heading's
"¶" by its heading ("Link to the section: Figures over time"), and each footnote's "↩" by the
footnote. A footnote keeps one "↩", to the first place the text cites it: a source behind a long
table is cited from every row, and one back link per row (a hundred and more on a partner's page)
made the list of sources a wall of arrows that every visit downloaded; the browser's Back button
returns to any other place."""

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
_FIRST_BACK_LINK = re.compile(r'<a class="footnote-backref" href="#fnref:([^"]+)" title="Jump back to footnote (\d+) in the text">')
_LATER_BACK_LINK = re.compile(r'<a class="footnote-backref" href="#fnref\d+:[^"]+" title="Jump back to footnote \d+ in the text">'
                              r'&#8617;</a>')


def _named_back_link(match: re.Match, language: str) -> str:
    label, number = match.groups()
    title = html_attribute(plain_text(language, "Jump back to footnote %(number)s in the text", number=number))
    name = html_attribute(plain_text(language, "Back to where footnote %(number)s is cited", number=number))
    return f'<a class="footnote-backref" href="#fnref:{label}" title="{title}" aria-label="{name}">'


@one_line_failure
def on_page_content(html_text, page, config, files):
    language = edition_language(config)
    return _FIRST_BACK_LINK.sub(lambda m: _named_back_link(m, language),
                          _HEADING.sub(lambda m: _named(m, language), _LATER_BACK_LINK.sub("", html_text)))
