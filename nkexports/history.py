"""What each recent commit to data/ changed, entry by entry: the changes page and its feed.

Read along the first parents, as the cited revisions are. The data at a commit's first parent is
the data of the previous commit listed (nothing in between touched data/), so N commits need N+1
readings of the data. Each comparison is kept in a cache keyed by the two data trees' hashes,
since a pair of trees always compares the same: a warm build reads no old data at all. The cache
is outside the checkout (caches.py), so a pull request cannot commit a forged comparison, and an
entry that is not a list of changes as `compare` writes them is compared again.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .caches import cache_dir
from .datadiff import SECTIONS, State, compare, past_state
from .load import FileReadings
from .gitrefs import export_data
from .revisions import is_shallow

# The newest commits to data/ the changes page lists; older ones are in the repository's history.
RECENT_COMMITS = 12
CACHE_VERSION = 1  # bump when the comparison's output changes shape
CACHE_KIND = "data-history"
# The fields of one change as `compare` writes them, with their types.
_CHANGE_FIELDS = {"kind": str, "id": str, "change": str, "file": str, "line": int, "fields": list, "values": dict,
                  "pages": list}


@dataclass(frozen=True)
class DataCommit:
    commit: str
    date: str  # the commit date, ISO 8601 with its offset
    subject: str
    changes: tuple[dict, ...]  # the data diff's "changes" entries

    @property
    def short(self) -> str:
        return self.commit[:7]


def data_commits(repo: Path, data_path: str = "data", limit: int = RECENT_COMMITS) -> list[DataCommit]:
    """The newest `limit` commits that changed `data_path`, newest first, each with its changes;
    nothing when `repo` is not a git checkout. The repository's first commit adds everything it holds;
    in a shallow clone the oldest commit's parent is missing, so that commit is left out rather than
    shown as adding everything."""
    listed = _log(repo, data_path, limit + 1)
    if not listed:
        return []
    cache = cache_dir(CACHE_KIND)
    commits = []
    with tempfile.TemporaryDirectory(prefix="nkexports-history-") as scratch:
        states: dict[str, State] = {}
        readings: FileReadings = {}  # every file of every state read, by content: each state reads only what changed
        for (commit, tree, date, subject), older in zip(listed, [*listed[1:], None]):
            if older is None:
                parent_tree = _parent_tree(repo, commit, data_path)
                if parent_tree is None:
                    break
                base = (parent_tree, f"{commit}^")
            else:
                base = (older[1], older[0])
            changes = _cached(cache, base[0], tree)
            if changes is None:
                old = _state(repo, base[1], base[0], data_path, Path(scratch), states, readings)
                new = _state(repo, commit, tree, data_path, Path(scratch), states, readings)
                changes = compare(old, new, base[1], commit).as_json()["changes"]
                _store(cache, base[0], tree, changes)
            commits.append(DataCommit(commit, date, subject, tuple(changes)))
    return commits[:limit]


def _log(repo: Path, data_path: str, count: int) -> list[tuple[str, str, str, str]]:
    """(commit, data tree, date, subject) of the newest `count` first-parent commits touching data.
    Read as NUL-separated fields: a subject may hold any line break or separator but NUL."""
    try:
        out = subprocess.run(["git", "log", "--first-parent", "-z", f"-n{count}", "--format=%H%x00%cI%x00%s",
                              "--", data_path], cwd=repo, capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return []
    fields = out.decode("utf-8", "replace").split("\0")
    listed = []
    for commit, date, subject in zip(fields[0::3], fields[1::3], fields[2::3]):
        listed.append((commit, _tree(repo, commit, data_path) or "", date, subject))
    return listed


def _tree(repo: Path, ref: str, data_path: str) -> str | None:
    result = subprocess.run(["git", "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}:{data_path}"],
                            cwd=repo, capture_output=True, text=True)
    return result.stdout.strip() if result.returncode == 0 else None


def _parent_tree(repo: Path, commit: str, data_path: str) -> str | None:
    """The data tree of the commit's first parent: '' when the parent has no data yet, or when the
    commit is the repository's first (the data was added then); None when the parent is not in this
    clone, a shallow one."""
    parent = subprocess.run(["git", "rev-parse", "--verify", "--quiet", f"{commit}^"],
                            cwd=repo, capture_output=True, text=True)
    if parent.returncode != 0:
        return None if is_shallow(repo) else ""
    return _tree(repo, parent.stdout.strip(), data_path) or ""


def _state(repo: Path, ref: str, tree: str, data_path: str, scratch: Path, states: dict[str, State],
           readings: FileReadings) -> State:
    if tree not in states:
        if not tree:
            states[tree] = State({}, [], None)
        else:
            data_dir = export_data(repo, ref, data_path, scratch / tree)
            states[tree] = past_state(data_dir, data_path, readings)
    return states[tree]


def _cache_file(cache: Path, old_tree: str, new_tree: str) -> Path:
    return cache / f"v{CACHE_VERSION}-{old_tree or 'empty'}-{new_tree}.json"


def _cached(cache: Path, old_tree: str, new_tree: str) -> list[dict] | None:
    try:
        changes = json.loads(_cache_file(cache, old_tree, new_tree).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return changes if _well_formed(changes) else None


def _well_formed(changes) -> bool:
    """A list of changes each with exactly the fields `compare` writes, of the types it writes."""
    return isinstance(changes, list) and all(
        isinstance(change, dict) and change.keys() == _CHANGE_FIELDS.keys()
        and all(isinstance(change[name], kind) for name, kind in _CHANGE_FIELDS.items())
        and change["kind"] in SECTIONS and change["change"] in ("added", "removed", "changed")
        and all(isinstance(f, dict) and f.keys() == {"field", "old", "new"} for f in change["fields"])
        and all(isinstance(page, str) for page in change["pages"])
        for change in changes)


def _store(cache: Path, old_tree: str, new_tree: str, changes: list[dict]) -> None:
    try:
        cache.mkdir(parents=True, exist_ok=True)
        _cache_file(cache, old_tree, new_tree).write_text(json.dumps(changes), encoding="utf-8")
    except OSError:
        pass  # a read-only checkout builds without the cache, only more slowly
