"""Links between generated pages, written relative to the page they appear on."""

from __future__ import annotations

import posixpath

from .catalog import plain_text
from .dataset import Dataset, Measure, Observation, Page
from .text import Trusted, inert
from .urls import METHODOLOGY, SANCTIONS, figures_path_of, page_path


def relative(here: str, target: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(here) or ".")


def _unseen(words: str | None) -> str:
    """Words after a link's text that screen readers read and no one sees."""
    return f'<span class="visually-hidden"> {inert(words)}</span>' if words else ""


class Links:
    """Every kind of link a page makes, from the page at `here` (its path under docs/)."""

    def __init__(self, data: Dataset, here: str):
        self.data = data
        self.here = here

    def to(self, target: str, text: str, anchor: str | None = None, unseen: str | None = None) -> Trusted:
        """A link reading `text`; `unseen` words follow it for screen readers only, so that links
        that read alike ("context") have names that tell them apart."""
        return Trusted(f"[{inert(text)}{_unseen(unseen)}]({relative(self.here, target)}{'#' + anchor if anchor else ''})")

    def page(self, page: Page) -> Trusted:
        return self.to(page_path(page.kind, page.slug), page.title)

    def slug(self, kind: str, slug: str) -> Trusted:
        return self.page(self.data.pages[(kind, slug)])

    def measure(self, measure: Measure) -> Trusted:
        return self.to(SANCTIONS, measure.title, measure.id)

    def sanctions(self, text: str | None = None, anchor: str | None = None) -> Trusted:
        return self.to(SANCTIONS, text or plain_text(self.data.language, "sanctions page"), anchor)

    def methodology(self, text: str | None = None, anchor: str | None = None, unseen: str | None = None) -> Trusted:
        return self.to(METHODOLOGY, text or plain_text(self.data.language, "methodology page"), anchor, unseen)

    def series(self, series_id: str, text: str, unseen: str | None = None) -> Trusted:
        return self.to(figures_path_of(self.data.series_rank[series_id]), text, f"series-{series_id}", unseen)

    def local(self, anchor: str, text: str, unseen: str | None = None) -> Trusted:
        return Trusted(f"[{inert(text)}{_unseen(unseen)}](#{anchor})")

    def written_at(self, observation: Observation, text: str, unseen: str | None = None) -> Trusted:
        """Where a figure is written: its fact on its page, or its series on the figures page."""
        if observation.written_in in self.data.series:
            return self.series(observation.written_in, text, unseen)
        page = self.data.fact_pages.get(observation.written_in)
        if page is not None:
            return self.to(page_path(page.kind, page.slug), text, observation.written_in, unseen)
        raise KeyError(f"figure '{observation.id}' is written in an unknown place '{observation.written_in}'")
