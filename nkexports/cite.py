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


def external_link(url: str, text: str | None = None) -> Trusted:
    """A link to `url`, showing `text` or else the host it opens, read from the same parse as the href."""
    shown = inert(text) if text else url_host(url)
    return Trusted(f'<a href="{url_href(url)}" class="external" rel="noopener noreferrer">{shown}</a>')


def source_entry(source: Source) -> Trusted:
    """One line of Markdown naming the source fully: publisher, title, date, link, access date."""
    parts = [f"{inert(source.publisher)}.", f"<cite>{inert(source.title)}</cite>."]
    if source.author:
        parts.append(f"By {inert(source.author)}.")
    if source.document_symbol:
        parts.append(f"Document {inert(source.document_symbol)}.")
    parts.append(f"Published {inert(source.published)}.")
    parts.append(f"{external_link(source.url)}.")
    parts.append(f"Accessed {inert(source.accessed)}.")
    if source.archived_url:
        parts.append(f"{external_link(source.archived_url, 'Archived copy')}.")
    if source.primary_source:
        parts.append(f"Reports data from {inert(source.primary_source)}.")
    return Trusted(" ".join(parts))
