"""A data diff as Markdown for a pull request's job summary: every value escaped and visible, links
built here, and the whole within what GitHub keeps of a job summary."""

from __future__ import annotations

import jinja2

from .datadiff import SECTIONS, Change, DataDiff
from .escape import markdown_inline_text, markdown_link, visible_text
from .text import Trusted

# The fields that say why a figure differs from what was there before.
_WHY_FIELDS = ("note", "reason", "differs_from")
# GitHub drops a job summary over 1 MiB whole; this leaves room for what else the step writes.
SUMMARY_BYTES = 1_000_000
LONGEST_VALUE = 300  # characters of one value in a cell; the JSON holds the rest
LISTED_PROBLEMS = 200  # `make check` and the annotations list them all


def _cell(value) -> str:
    """Any value where the summary places one: always after other text on its line."""
    if isinstance(value, Trusted):
        return value
    return markdown_inline_text(visible_text(value, LONGEST_VALUE))


def _environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.PackageLoader("nkexports", "templates"), finalize=_cell,
                              autoescape=False, undefined=jinja2.StrictUndefined, trim_blocks=True,
                              lstrip_blocks=True, keep_trailing_newline=True)


def _shown(value) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def _fields(change: Change) -> Trusted:
    return Trusted("; ".join(f"{_cell(f.field)}: {_cell(_shown(f.old))} → {_cell(_shown(f.new))}"
                             for f in change.fields))


def _what(change: Change) -> Trusted:
    if change.change == "changed":
        return _fields(change)
    values = change.values
    if change.label == "observation":
        return Trusted(_cell(f"{_shown(values.get('amount'))} {_shown(values.get('unit'))}"))
    text = values.get({"fact": "statement", "claim": "claim"}.get(change.label, "title"), "")
    return Trusted(_cell(text))


class Summary:
    """`full_list` says where a reader finds the changes a long summary leaves out."""

    def __init__(self, diff: DataDiff, full_list: str = "the JSON file that make diff DIFF_JSON=<file> writes"):
        self.diff = diff
        self.full_list = full_list

    def source_links(self, source_ids) -> Trusted:
        """Each source as a link the reviewer can open; an address that is not a safe web address stays text."""
        links = []
        for ident in source_ids or ():
            url = self.diff.sources.get(ident, {}).get("url")
            try:
                links.append(markdown_link(url, ident))
            except ValueError:
                links.append(f"{_cell(ident)} (no address to open)")
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

    @staticmethod
    def _replaced(observations: list[Change]) -> list[dict]:
        figures = []
        for change in observations:
            if change.change != "changed" or not any(f.field == "amount" for f in change.fields):
                continue
            why = [f for f in change.fields if f.field in _WHY_FIELDS]
            words = ("; ".join(f"{f.field}: {_shown(f.new)}" for f in why) if why
                     else "the note is unchanged, so it does not say why the figure changed")
            figures.append({"id": change.id, "why": words})
        return figures

    def markdown(self) -> str:
        """The summary with as many changes as fit in SUMMARY_BYTES, in the diff's order."""
        total = len(self.diff.changes)
        if self._fits(total):
            return self._markdown(total)
        fitting, too_many = 0, total
        while too_many - fitting > 1:
            middle = (fitting + too_many) // 2
            fitting, too_many = (middle, too_many) if self._fits(middle) else (fitting, middle)
        return self._markdown(fitting)

    def _fits(self, shown: int) -> bool:
        return len(self._markdown(shown).encode("utf-8")) <= SUMMARY_BYTES

    def _markdown(self, shown: int) -> str:
        """The summary listing the first `shown` changes."""
        listed = self.diff.changes[:shown]

        def of(label: str) -> list[Change]:
            return [c for c in listed if c.label == label]

        sections = [(heading, [self._row(c) for c in of(label)]) for label, heading in SECTIONS.items() if of(label)]
        new_figures = [{"id": c.id, "sources": self._sources_of(c)} for c in of("observation")
                       if c.change in ("added", "changed")]
        problems = [str(p) for p in self.diff.problems]
        return _environment().get_template("diff_summary.md.j2").render(
            base=self.diff.base, head=self.diff.head, problems=problems[:LISTED_PROBLEMS],
            more_problems=len(problems) - len(problems[:LISTED_PROBLEMS]), changes=self.diff.changes,
            sections=sections, left_out=len(self.diff.changes) - shown, full_list=self.full_list,
            pages_known=self.diff.pages_known, pages=self.diff.pages(), new_figures=new_figures,
            replaced=self._replaced(of("observation")))
