"""Build the releases' frozen copies: the site as it was at each release's commit, at its own address.

Each copy is built in a temporary git worktree of its commit, so that its pages are dated and cited by
the history up to that commit, and with the tools of this checkout. A copy already in the folder and
built from the same commit is kept: a release never changes, so the deploy workflow keeps the folder
between runs (actions/cache) and builds only the newest release."""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .releases import (COMMIT_VARIABLE, RELEASE_VARIABLE, RELEASES_DIR_VARIABLE, TAG_PREFIX, Release, built_commit,
                       monthly_release_dates, release_date)
from .site import DATA_DIR_VARIABLE


class ReleaseError(Exception):
    """A copy cannot be built: its build failed."""


def releases(repo: Path, today: datetime.date) -> list[Release]:
    """Every release, oldest first: each release-YYYY-MM-DD tag, and each month's start since
    releases.FIRST_MONTHLY_RELEASE with the newest commit of HEAD's first-parent line before it.
    A tag and a month's start on the same day are one release, the tag's."""
    found: dict[str, str] = {}
    for date in monthly_release_dates(today):
        commit = _git(repo, "rev-list", "-1", "--first-parent", f"--before={date}T00:00:00Z", "HEAD")
        if commit:
            found[date] = commit
    listing = _git(repo, "for-each-ref", "--format=%(refname:strip=2)%00%(objectname)%00%(*objectname)%00",
                   f"refs/tags/{TAG_PREFIX}*")
    fields = listing.split("\0")  # name, object, peeled object: three fields a tag, each tag after a line break
    for name, target, peeled in zip(fields[0::3], fields[1::3], fields[2::3]):
        date = release_date(name.strip())
        if date is not None and name.strip() == TAG_PREFIX + date:
            found[date] = peeled or target  # an annotated tag names the tag object; its commit is the peeled one
    return sorted(Release(date, commit) for date, commit in found.items())


def build_missing(repo: Path, wanted: list[Release], into: Path) -> list[Release]:
    """Build each release's copy that `into` lacks (or holds from another commit), and remove copies
    of releases no longer wanted (a deleted tag); returns the releases built."""
    into.mkdir(parents=True, exist_ok=True)
    dates = {release.date for release in wanted}
    for copy in into.iterdir():
        if release_date(copy.name) == copy.name and copy.name not in dates:
            shutil.rmtree(copy) if copy.is_dir() and not copy.is_symlink() else copy.unlink()
    built = []
    for release in wanted:
        if built_commit(into / release.date) != release.commit:
            build_release(repo, release, into)
            built.append(release)
    return built


def build_release(repo: Path, release: Release, into: Path) -> Path:
    """Build `release`'s frozen copy into `into`/<date>, replacing any there; returns that folder."""
    target = (into / release.date).resolve()
    if target.is_symlink() or target.is_file():
        target.unlink()
    elif target.exists():
        shutil.rmtree(target)
    # The copy is built from the commit alone: no other data folder, and no earlier copies to cite.
    environment = {name: value for name, value in os.environ.items()
                   if name not in (DATA_DIR_VARIABLE, RELEASES_DIR_VARIABLE)}
    environment |= {RELEASE_VARIABLE: release.date, COMMIT_VARIABLE: release.commit}
    with tempfile.TemporaryDirectory() as scratch:
        worktree = Path(scratch) / "release"
        # The commit's own package, hooks and templates, never this checkout's installed one: the copy
        # is the site as that commit built it.
        environment["PYTHONPATH"] = os.pathsep.join(filter(None, [str(worktree), environment.get("PYTHONPATH")]))
        subprocess.run(["git", "-C", str(repo), "worktree", "add", "--detach", "--quiet", str(worktree),
                        release.commit], check=True, capture_output=True)
        try:
            done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(target)],
                                  cwd=worktree, env=environment, capture_output=True, text=True)
        finally:
            subprocess.run(["git", "-C", str(repo), "worktree", "remove", "--force", str(worktree)],
                           capture_output=True)
    if done.returncode != 0:
        said = [line for line in done.stderr.splitlines() if line.strip()]
        raise ReleaseError(f"the copy of the {release.date} release ({release.commit[:7]}) did not build: "
                           f"{said[-1] if said else 'mkdocs failed'}")
    return target


def _git(repo: Path, *arguments: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *arguments], capture_output=True, text=True,
                          check=True).stdout.strip("\n")
