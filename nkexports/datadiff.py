"""What a change to data/ changes: entries added, removed and changed between two states of the
data, the pages each touches, and the rules' verdict on the new state.

Entries are compared by id, as the site publishes them (anchors, citation targets, download
keys), so a moved or reordered entry is not reported; a changed field is.
"""

from __future__ import annotations

import datetime
from dataclasses import asdict, dataclass, field
from pathlib import Path

from . import views
from .dataset import Dataset, written_observations
from .docset import DocSet
from .load import FileReadings, check_data
from .problems import Problem
from .render import Renderer
from .urls import figures_path_of, url_of

# The entries a reviewer reads a change of, in the order the summary lists them: label -> heading.
SECTIONS = {"observation": "Observations", "fact": "Facts", "source": "Sources", "measure": "Measures",
            "claim": "Claims"}
# Fields of an observation that say where it is written rather than what it says.
_PLACE_FIELDS = ("id", "file")


@dataclass(frozen=True)
class Entry:
    label: str  # observation, fact, source, measure, claim
    id: str
    fields: dict
    file: str
    line: int


@dataclass
class State:
    """One state of the data: its entries by (label, id), its problems, and its model when it has none."""
    entries: dict[tuple[str, str], Entry]
    problems: list[Problem]
    dataset: Dataset | None


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: object
    new: object


@dataclass(frozen=True)
class Change:
    label: str
    id: str
    change: str  # added, removed, changed
    file: str
    line: int
    fields: tuple[FieldChange, ...]
    values: dict  # the entry as it is now (as it was, for a removed one)
    pages: tuple[str, ...] = ()


@dataclass
class DataDiff:
    base: str
    head: str
    changes: list[Change]
    problems: list[Problem]
    pages_known: bool  # false when a side has problems, so its pages cannot be worked out
    sources: dict = field(default_factory=dict)  # source id -> fields, from the head (or base), for links

    def of(self, label: str) -> list[Change]:
        return [c for c in self.changes if c.label == label]

    def pages(self) -> list[str]:
        return sorted({page for change in self.changes for page in change.pages})

    def as_json(self) -> dict:
        return {
            "base": self.base,
            "head": self.head,
            "verdict": {"ok": not self.problems, "problems": [str(p) for p in self.problems]},
            "pages": self.pages(),
            "changes": [{"kind": c.label, "id": c.id, "change": c.change, "file": c.file, "line": c.line,
                         "fields": [asdict(f) for f in c.fields], "values": c.values,
                         "pages": list(c.pages)}
                        for c in self.changes],
        }


def read_state(data_dir: Path, shown_as: str, today: datetime.date | None = None) -> State:
    docs, problems = check_data(data_dir, today, shown_as)
    dataset = None if problems else Dataset.from_docs(docs)
    return State(_entries(docs), problems, dataset)


def past_state(data_dir: Path, shown_as: str, read_before: FileReadings | None = None) -> State:
    """A state the data had at a past commit, read for its entries and their pages only: the rules'
    verdict on old data is history, and running every rule on every past state took half of a cold
    build (bench/README.md). A state whose model cannot be built has no pages. `read_before`: the
    files of other states already read (load.check_data)."""
    docs, problems = check_data(data_dir, shown_as=shown_as, rules=False, read_before=read_before)
    try:
        dataset = None if problems else Dataset.from_docs(docs)
    except (KeyError, TypeError, ValueError):
        dataset = None
    return State(_entries(docs), problems, dataset)


def _entries(docs: DocSet) -> dict[tuple[str, str], Entry]:
    found: dict[tuple[str, str], Entry] = {}
    for doc, entry_list, where, entry in docs.entries():
        if entry_list.label in SECTIONS and isinstance(entry.get("id"), str):
            fields = {k: v for k, v in entry.items() if k != "observations"}
            found.setdefault((entry_list.label, entry["id"]),
                             Entry(entry_list.label, entry["id"], fields, doc.yaml.path, doc.yaml.line(where)))
    for doc, where, observation in written_observations(docs):
        fields = {k: v for k, v in asdict(observation).items() if k not in _PLACE_FIELDS and v is not None}
        fields["period"] = observation.period.text
        fields["sources"] = list(observation.sources)
        found.setdefault(("observation", observation.id),
                         Entry("observation", observation.id, fields, doc.yaml.path, doc.yaml.line(where)))
    return found


def compare(base: State, head: State, base_name: str, head_name: str) -> DataDiff:
    changes = []
    order = list(SECTIONS)
    for key in sorted(base.entries.keys() | head.entries.keys(), key=lambda k: (order.index(k[0]), k[1])):
        old, new = base.entries.get(key), head.entries.get(key)
        if old is None:
            changes.append(_change(new, "added", (), head.dataset))
        elif new is None:
            changes.append(_change(old, "removed", (), base.dataset))
        elif old.fields != new.fields:
            fields = tuple(FieldChange(name, old.fields.get(name), new.fields.get(name))
                           for name in sorted(old.fields.keys() | new.fields.keys())
                           if old.fields.get(name) != new.fields.get(name))
            changes.append(_change(new, "changed", fields, head.dataset))
    sources = {ident: e.fields for (label, ident), e in {**base.entries, **head.entries}.items() if label == "source"}
    return DataDiff(base_name, head_name, changes, head.problems,
                    pages_known=base.dataset is not None and head.dataset is not None, sources=sources)


def _change(entry: Entry, change: str, fields: tuple[FieldChange, ...], dataset: Dataset | None) -> Change:
    pages = tuple(sorted(set(pages_of(dataset, entry.label, entry.id)))) if dataset is not None else ()
    return Change(entry.label, entry.id, change, entry.file, entry.line, fields, entry.fields, pages)


def pages_of(data: Dataset, label: str, ident: str) -> list[str]:
    """The addresses (relative to the site's root) of the pages that show the entry."""
    if label == "fact":
        return [data.fact_pages[ident].url]
    if label == "observation":
        observation = data.observation_by_id[ident]
        # A series is a query over every observation, so a fact's figure can be a point of one too.
        in_series = {s.id for s in data.series.values() if s.matches(observation)}
        if observation.written_in in data.series:
            in_series.add(observation.written_in)
        # Every page that prints it: where it is written, where a statement gives it, where its
        # product's or partner's page lists it.
        showing = [page.url for page in data.pages.values() if page.kind in ("category", "partner", "topic")
                   and ident in {o.id for o in views.in_scope(data, page.kind, page.slug)}]
        return showing + [url_of(figures_path_of(data.series_rank[s])) for s in sorted(in_series)]
    if label == "source":
        bibliography = Renderer(data).source_page_paths()[ident]
        return [url_of(bibliography)] + [url for url, _, _ in data.citations().get(ident, [])]
    if label == "measure":
        measure = next(m for m in data.measures if m.id == ident)
        return ["sanctions/"] + [data.pages[("category", e.category)].url for e in measure.effects
                                 if ("category", e.category) in data.pages]
    if label == "claim":
        return ["claims/"]
    raise KeyError(f"unknown kind of entry '{label}'; known: {', '.join(SECTIONS)}")
