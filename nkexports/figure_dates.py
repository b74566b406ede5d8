"""When each figure entered the site and when it last changed, read from the git history of the data.

A figure is known by its id: the commit that first wrote the id added it, and the newest commit that
changed any of its fields changed it. Figures written before they had ids of their own (before the
data moved to observation records) date from the commit that gave them one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .history import data_commits

# More commits than the data will have for years; each pair of data states is compared once and cached.
HISTORY_LIMIT = 10_000


@dataclass(frozen=True)
class FigureDates:
    added: str  # YYYY-MM-DD: the day of the commit that first wrote the figure
    changed: str  # YYYY-MM-DD: the day of the newest commit that changed it (its adding, if none since)


def figure_dates(repo: Path, data_path: str = "data") -> dict[str, FigureDates]:
    """Figure id -> its dates; empty outside a git checkout, and without the oldest commit's figures in
    a shallow clone (whose parent it cannot see)."""
    added: dict[str, str] = {}
    changed: dict[str, str] = {}
    for commit in reversed(data_commits(repo, data_path, HISTORY_LIMIT)):
        day = commit.date[:10]
        for change in commit.changes:
            if change["kind"] != "observation" or change["change"] == "removed":
                continue
            added.setdefault(change["id"], day)
            changed[change["id"]] = day
    return {ident: FigureDates(day, changed[ident]) for ident, day in added.items()}
