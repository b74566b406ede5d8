"""Changes to the data told in words, one line per entry: what the changes page and its feed show."""

from __future__ import annotations

from dataclasses import dataclass

from typing import TYPE_CHECKING

from .escape import visible_text

if TYPE_CHECKING:
    from .history import DataCommit

# Changes listed per commit on the page and in the feed; a restructuring commit can touch hundreds.
SHOWN_PER_COMMIT = 25
LONGEST_VALUE = 140
LONGEST_SUBJECT = 200  # a commit's subject line; the revision link opens the whole message
LONGEST_ID = 80
KIND_NAMES = {"observation": "Figure", "fact": "Fact", "source": "Source", "measure": "Measure", "claim": "Claim"}
# Text kept either side of the part of a long text that changed.
CONTEXT = 40
# The fields that say best what an added or removed entry is, by kind.
_NAMING_FIELDS = {"observation": ("indicator", "reporter", "period"),
                  "fact": ("statement",), "source": ("publisher", "title"), "measure": ("title",),
                  "claim": ("claim",)}


@dataclass(frozen=True)
class ChangeLine:
    kind: str  # Figure, Fact, ...
    id: str
    text: str  # "amount: 1200000 → 1300000", or what was added or removed
    pages: tuple[str, ...]  # site-relative addresses


@dataclass(frozen=True)
class CommitLog:
    commit: DataCommit
    subject: str  # the commit's subject as shown: every character visible, cut to LONGEST_SUBJECT
    lines: tuple[ChangeLine, ...]
    more: int  # changes not listed

    @property
    def day(self) -> str:
        return self.commit.date[:10]


def shown(value) -> str:
    """A field's value in one short line of text."""
    if isinstance(value, list):
        text = ", ".join(shown(v) for v in value)
    elif isinstance(value, dict):
        text = "; ".join(f"{k}: {shown(v)}" for k, v in value.items())
    elif value is None:
        text = "(none)"
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))
    else:
        text = str(value)
    return visible_text(text, LONGEST_VALUE)


def changed_text(old: str, new: str) -> tuple[str, str]:
    """The part of a reworded text that differs, with a little context either side."""
    if len(old) <= LONGEST_VALUE and len(new) <= LONGEST_VALUE:
        return old, new
    start = next((n for n, (a, b) in enumerate(zip(old, new)) if a != b), min(len(old), len(new)))
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1

    def middle(text: str) -> str:
        first, last = max(0, start - CONTEXT), min(len(text), len(text) - end + CONTEXT)
        return ("…" if first else "") + text[first:last] + ("…" if last < len(text) else "")
    return middle(old), middle(new)


def _field_change(field: dict) -> str:
    old, new = field["old"], field["new"]
    if isinstance(old, str) and isinstance(new, str):
        old, new = changed_text(old, new)
    return f"{field['field']}: {shown(old)} → {shown(new)}"


def describe(change: dict) -> ChangeLine:
    kind = change["kind"]
    if change["change"] == "changed":
        text = "; ".join(_field_change(f) for f in change["fields"])
    else:
        values = change["values"]
        named = ", ".join(shown(values[name]) for name in _NAMING_FIELDS[kind] if name in values)
        if kind == "observation" and isinstance(values.get("amount"), (int, float)):
            named += f": {shown(values['amount'])} {shown(values.get('unit'))}"
        text = f"{change['change']}: {named}"
    return ChangeLine(KIND_NAMES[kind], visible_text(change["id"], LONGEST_ID), text, tuple(change["pages"]))


def commit_log(commit: DataCommit) -> CommitLog:
    lines = tuple(describe(c) for c in commit.changes[:SHOWN_PER_COMMIT])
    return CommitLog(commit, visible_text(commit.subject, LONGEST_SUBJECT), lines,
                     max(0, len(commit.changes) - SHOWN_PER_COMMIT))
