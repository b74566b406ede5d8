"""How a source is written out wherever it is cited: in footnotes and in the bibliography."""

from __future__ import annotations

import functools

from .catalog import message, plain_text
from .dataset import Source
from .escape import html_attribute, url_host, url_href
from .text import Trusted, inert

KIND_LABELS = {
    "un-document": message("UN documents"),
    "customs-data": message("Customs data"),
    "government": message("Government publications"),
    "report": message("Reports"),
    "academic": message("Academic work"),
    "news": message("News reporting"),
    "reference": message("Reference works"),
    "dataset": message("Datasets"),
}


WAYBACK_LOOKUP = "https://web.archive.org/web/*/"


def _unseen(words: str) -> str:
    """Words screen readers read after a link's text, so that links that read alike are told apart."""
    return f'<span class="visually-hidden"> {inert(words)}</span>'


def external_link(url: str, text: str | None = None, unseen: str | None = None) -> Trusted:
    """A link to `url`, showing `text` or else the host it opens, read from the same parse as the href;
    `unseen` words follow for screen readers only."""
    shown = inert(text) if text else url_host(url)
    hidden = _unseen(unseen) if unseen else ""
    return Trusted(f'<a href="{url_href(url)}" class="external" rel="noopener noreferrer">{shown}{hidden}</a>')


def archive_lookup(url: str) -> str:
    """The Wayback Machine's list of its captures of `url`, if it has any: a lookup, not a capture."""
    return WAYBACK_LOOKUP + url


def archive_lookup_link(url: str, unseen: str, language: str = "en") -> Trusted:
    # Its own class, not "external": printing the lookup address after the link would only add noise.
    title = html_attribute(plain_text(language, "Search the Wayback Machine for saved copies of this address"))
    return Trusted(f'<a href="{url_href(archive_lookup(url))}" class="archive-lookup" rel="noopener noreferrer" '
                   f'title="{title}">{inert(plain_text(language, "Look up archived copies"))}{_unseen(unseen)}</a>')


def source_name(source: Source) -> str:
    """The source in a few words, as a screen reader hears it after a link that concerns it."""
    return f"{source.publisher}, {source.title} ({source.published})"


def source_entry(source: Source, language: str = "en") -> Trusted:
    """One line of Markdown naming the source fully: publisher, title, date, link, access date. The
    source's own words stay as published; the site's words around them are in the edition's language."""
    words = functools.partial(plain_text, language)
    gloss = getattr(source, f"title_{language}", None)  # the title in the edition's language, if glossed
    parts = [f"{inert(source.publisher)}.",
             f"<cite>{inert(source.title)}</cite>" + (f' <span class="title-gloss" lang="{language}">[{inert(gloss)}]</span>.'
                                                      if gloss else ".")]
    if source.author:
        parts.append(inert(words("By %(author)s.", author=source.author)))
    if source.document_symbol:
        parts.append(inert(words("Document %(symbol)s.", symbol=source.document_symbol)))
    parts.append(inert(words("Published %(date)s.", date=source.published)))
    named = source_name(source)
    parts.append(f"{external_link(source.url, unseen=words('for %(source)s', source=named))}.")
    parts.append(inert(words("Accessed %(date)s.", date=source.accessed)))
    parts.append(f"{archive_lookup_link(source.url, words('of %(source)s', source=named), language)}.")
    if source.archived_url:
        parts.append(f"{external_link(source.archived_url, words('Archived copy'), words('of %(source)s', source=named))}.")
    if source.primary_source:
        parts.append(inert(words("Reports data from %(source)s.", source=source.primary_source)))
    return Trusted(" ".join(parts))
