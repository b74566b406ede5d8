"""What the published commit holds: the state a contributor's edits are measured against.

An entry counts as published when its id is listed in its file at the published commit: git HEAD,
where a contributor's uncommitted entry is not yet; or the commit NKEXPORTS_PUBLISHED_REF names,
which CI sets to a pull request's base, since there HEAD already holds the pull request's entries.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

from .yamlfile import read_yaml


PUBLISHED_REF = "NKEXPORTS_PUBLISHED_REF"


def published_ref() -> str:
    return os.environ.get(PUBLISHED_REF) or "HEAD"


def committed_ids(path: Path, key: str) -> set[str]:
    """The ids listed under `key` in `path` at the published commit; none when the file is new
    there, outside a git repository, or unreadable."""
    ref = published_ref()
    if ref.startswith("-"):  # never an option to git
        return set()
    shown = subprocess.run(["git", "-C", str(path.parent), "show", f"{ref}:./{path.name}"], capture_output=True)
    if shown.returncode != 0:
        return set()
    with tempfile.TemporaryDirectory(prefix="nkexports-committed-") as scratch:
        copy = Path(scratch) / path.name
        copy.write_bytes(shown.stdout)
        parsed, _ = read_yaml(copy, str(path), Path(scratch))
    if parsed is None or not isinstance(parsed.data.get(key), list):
        return set()
    return {entry.get("id") for entry in parsed.data[key] if isinstance(entry, dict)} - {None}
