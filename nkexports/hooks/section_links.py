"""MkDocs hook: links that read alike are named for screen readers by where they lead: each heading's
"¶" by its heading ("Link to the section: Figures over time"), and each footnote's "↩" by the
footnote and, where the text cites it more than once, which of its places it returns to."""

from __future__ import annotations

import html
import re

from nkexports.escape import html_attribute
from nkexports.failures import one_line_failure

# The heading Python-Markdown's toc extension writes with `permalink: true`, its text before the link.
_HEADING = re.compile(r'(<h([1-6])\b[^>]*\bid="([^"]+)"[^>]*>)(.*?)<a class="headerlink" href="#\3" title="Permanent link">',
                      re.S)
_TAG = re.compile(r"<[^>]+>")


def _named(match: re.Match) -> str:
    opening, _, anchor, inside = match.groups()
    text = " ".join(html.unescape(_TAG.sub("", inside)).split())
    return (f'{opening}{inside}<a class="headerlink" href="#{anchor}" title="Permanent link" '
            f'aria-label="{html_attribute("Link to the section: " + text)}">')


# Python-Markdown's footnotes: one back link per place the text cites the footnote (fnref, fnref2, ...).
_BACK_LINK = re.compile(r'<a class="footnote-backref" href="#fnref(\d*):([^"]+)" title="Jump back to footnote (\d+) in the text">')


def _named_back_link(match: re.Match) -> str:
    place, label, number = match.groups()
    which = f", citation {place}" if place else ""
    return (f'<a class="footnote-backref" href="#fnref{place}:{label}" title="Jump back to footnote {number} in the text" '
            f'aria-label="Back to where footnote {number} is cited{which}">')


@one_line_failure
def on_page_content(html_text, page, config, files):
    return _BACK_LINK.sub(_named_back_link, _HEADING.sub(_named, html_text))
