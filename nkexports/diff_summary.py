"""A data diff as Markdown for a pull request's job summary: every value escaped, links built here."""

from __future__ import annotations

import jinja2

from .datadiff import SECTIONS, Change, DataDiff
from .escape import markdown_link, markdown_text
from .text import Trusted, inert

# The fields that say why a figure differs from what was there before.
_WHY_FIELDS = ("note", "reason", "differs_from")


def _environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.PackageLoader("nkexports", "templates"), finalize=inert,
                              autoescape=False, undefined=jinja2.StrictUndefined, trim_blocks=True,
                              lstrip_blocks=True, keep_trailing_newline=True)


def _shown(value) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def _fields(change: Change) -> Trusted:
    return Trusted("; ".join(f"{markdown_text(f.field)}: {markdown_text(_shown(f.old))} → {markdown_text(_shown(f.new))}"
                             for f in change.fields))


def _what(change: Change) -> Trusted:
    if change.change == "changed":
        return _fields(change)
    values = change.values
    if change.label == "observation":
        return Trusted(markdown_text(f"{_shown(values.get('amount'))} {_shown(values.get('unit'))}"))
    text = values.get({"fact": "statement", "claim": "claim"}.get(change.label, "title"), "")
    return Trusted(markdown_text(text))


class Summary:
    def __init__(self, diff: DataDiff):
        self.diff = diff

    def source_links(self, source_ids) -> Trusted:
        """Each source as a link the reviewer can open; an address that is not a safe web address stays text."""
        links = []
        for ident in source_ids or ():
            url = self.diff.sources.get(ident, {}).get("url")
            try:
                links.append(markdown_link(url, ident))
            except ValueError:
                links.append(f"{markdown_text(ident)} (no address to open)")
        return Trusted(", ".join(links) if links else "(none)")

    def _sources_of(self, change: Change) -> Trusted:
        if change.label == "source":
            return self.source_links([change.id])
        return self.source_links(change.values.get("sources"))

    def _pages(self, change: Change) -> str:
        if not self.diff.pages_known:
            return "(unknown: see below)"
        return ", ".join(change.pages) or "(none)"

    def _row(self, change: Change) -> dict:
        row = {"change": change.change, "id": change.id, "value": _what(change),
               "sources": self._sources_of(change), "pages": self._pages(change)}
        if change.label == "observation":
            row["reporter"] = change.values.get("reporter", "")
            row["period"] = change.values.get("period", "")
        return row

    def _replaced(self) -> list[dict]:
        figures = []
        for change in self.diff.of("observation"):
            if change.change != "changed" or not any(f.field == "amount" for f in change.fields):
                continue
            why = [f for f in change.fields if f.field in _WHY_FIELDS]
            words = ("; ".join(f"{f.field}: {_shown(f.new)}" for f in why) if why
                     else "the note is unchanged, so it does not say why the figure changed")
            figures.append({"id": change.id, "why": words})
        return figures

    def markdown(self) -> str:
        sections = [(heading, [self._row(c) for c in self.diff.of(label)])
                    for label, heading in SECTIONS.items() if self.diff.of(label)]
        new_figures = [{"id": c.id, "sources": self._sources_of(c)} for c in self.diff.of("observation")
                       if c.change in ("added", "changed")]
        return _environment().get_template("diff_summary.md.j2").render(
            base=self.diff.base, head=self.diff.head, problems=[str(p) for p in self.diff.problems],
            changes=self.diff.changes, sections=sections, pages_known=self.diff.pages_known, pages=self.diff.pages(),
            new_figures=new_figures, replaced=self._replaced())
