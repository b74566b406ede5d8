"""How a source is written out wherever it is cited: in footnotes and in the bibliography."""

from __future__ import annotations

from .dataset import Source
from .escape import url_host, url_href
from .text import Trusted, inert

KIND_LABELS = {
    "un-document": "UN documents",
    "customs-data": "Customs data",
    "government": "Government publications",
    "report": "Reports",
    "academic": "Academic work",
    "news": "News reporting",
    "reference": "Reference works",
    "dataset": "Datasets",
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


def archive_lookup_link(url: str, unseen: str) -> Trusted:
    # Its own class, not "external": printing the lookup address after the link would only add noise.
    return Trusted(f'<a href="{url_href(archive_lookup(url))}" class="archive-lookup" rel="noopener noreferrer" '
                   f'title="Search the Wayback Machine for saved copies of this address">Look up archived copies'
                   f'{_unseen(unseen)}</a>')


def source_name(source: Source) -> str:
    """The source in a few words, as a screen reader hears it after a link that concerns it."""
    return f"{source.publisher}, {source.title} ({source.published})"


def source_entry(source: Source) -> Trusted:
    """One line of Markdown naming the source fully: publisher, title, date, link, access date."""
    parts = [f"{inert(source.publisher)}.", f"<cite>{inert(source.title)}</cite>."]
    if source.author:
        parts.append(f"By {inert(source.author)}.")
    if source.document_symbol:
        parts.append(f"Document {inert(source.document_symbol)}.")
    parts.append(f"Published {inert(source.published)}.")
    named = source_name(source)
    parts.append(f"{external_link(source.url, unseen=f'for {named}')}.")
    parts.append(f"Accessed {inert(source.accessed)}.")
    parts.append(f"{archive_lookup_link(source.url, f'of {named}')}.")
    if source.archived_url:
        parts.append(f"{external_link(source.archived_url, 'Archived copy', f'of {named}')}.")
    if source.primary_source:
        parts.append(f"Reports data from {inert(source.primary_source)}.")
    return Trusted(" ".join(parts))
