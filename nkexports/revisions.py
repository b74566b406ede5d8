"""When each file last changed, read from git history in one pass."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


@dataclass(frozen=True)
class Revision:
    commit: str
    date: str  # YYYY-MM-DD, the commit date
    age: int = 0  # how many commits came after it: orders commits of the same day

    @property
    def short(self) -> str:
        return self.commit[:7]


@lru_cache(maxsize=4)
def file_revisions(repo: Path, head: str) -> dict[str, Revision]:
    """path (relative to the repository) -> the last commit that touched it.

    `head` is only part of the cache key, so a new commit during `mkdocs serve` is seen.
    """
    # Along the first parents only, a merge counts as changing what it brought in: the revision
    # found for a page then contains every input's latest state, even one changed on a branch.
    # Read as NUL-separated fields, since a file name may hold any character but NUL: each commit
    # is an empty field, its "hash date" field, then its file names, the first after a line break.
    log = subprocess.run(["git", "log", "--first-parent", "-z", "--format=%x00%H %cs", "--name-only", "--no-renames"],
                         cwd=repo, capture_output=True, check=True).stdout.decode("utf-8", "surrogateescape")
    latest: dict[str, Revision] = {}
    fields = iter(log.split("\0"))
    age = 0
    current = None
    first_name = False
    for field in fields:
        if not field:
            header = next(fields, None)
            if header is None:  # the NUL that ends the output
                break
            commit, date = header.split(" ", 1)
            current, first_name = Revision(commit, date, age), True
            age += 1
            continue
        name = field[1:] if first_name and field.startswith("\n") else field
        first_name = False
        latest.setdefault(name, current)
    return latest


def revisions(repo: Path) -> dict[str, Revision]:
    """Every tracked file's last revision, or nothing when the tree is not a git checkout."""
    try:
        head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=repo, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return {}
    return file_revisions(repo, head)


def is_shallow(repo: Path) -> bool:
    """A shallow clone knows only the newest commits, so every page would seem changed by them."""
    try:
        answer = subprocess.run(["git", "rev-parse", "--is-shallow-repository"], cwd=repo,
                                capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return False
    return answer == "true"


def last_change(history: dict[str, Revision], path: str) -> Revision | None:
    """The file's last revision; for a directory (ending in '/'), the newest of its files'."""
    if path in history:
        return history[path]
    inside = [rev for name, rev in history.items() if name.startswith(path.rstrip("/") + "/")]
    return min(inside, key=lambda rev: rev.age, default=None)


def newest_change(history: dict[str, Revision], paths) -> Revision | None:
    """The newest revision that changed any of `paths`."""
    changes = [rev for rev in (last_change(history, p) for p in paths) if rev is not None]
    return min(changes, key=lambda rev: rev.age, default=None)
