"""Read the data directory as it was at a git commit, without touching the working tree."""

from __future__ import annotations

import io
import subprocess
import tarfile
from pathlib import Path, PurePosixPath


class RefError(Exception):
    """The commit cannot be read: an unknown ref, or no data directory at it."""


def export_data(repo: Path, ref: str, data_path: str, target: Path) -> Path:
    """Write `data_path` as it is at `ref` into `target`; returns the copy's data directory.
    `git archive` reads the commit's objects only, so the working tree and index stay as they are."""
    commit = resolve(repo, ref)
    result = subprocess.run(["git", "-C", str(repo), "archive", "--format=tar", commit, "--", data_path],
                            capture_output=True)
    if result.returncode != 0:
        error = result.stderr.decode("utf-8", "replace").strip()
        raise RefError(f"cannot read {data_path}/ at '{ref}': {error}")
    with tarfile.open(fileobj=io.BytesIO(result.stdout)) as archive:
        archive.extractall(target, filter=_links_lead_nowhere)
    return target / data_path


def _links_lead_nowhere(member: tarfile.TarInfo, destination: str) -> tarfile.TarInfo | None:
    """A link in the commit stays a link in the copy, but to itself: the checker reports it as it
    reports a link in a checkout, and nothing outside the copy is read or written through it.
    The "data" filter then refuses absolute paths and device files."""
    if member.issym():  # git stores no other kind of link
        member = member.replace(linkname=PurePosixPath(member.name).name, deep=False)
    return tarfile.data_filter(member, destination)


def resolve(repo: Path, ref: str) -> str:
    """The commit `ref` names; a ref is never read as an option, whatever it starts with."""
    result = subprocess.run(["git", "-C", str(repo), "rev-parse", "--verify", "--quiet", "--end-of-options",
                             f"{ref}^{{commit}}"], capture_output=True, text=True)
    if result.returncode != 0:
        raise RefError(f"'{ref}' names no commit in {repo}")
    return result.stdout.strip()
