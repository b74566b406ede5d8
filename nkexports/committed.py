"""What the last commit holds: the published state a contributor's uncommitted edits are measured against.

An entry counts as published when its id is listed in its file as committed at git HEAD: the
site is deployed from commits, so a contributor's new entry is never there yet.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from .yamlfile import read_yaml


def committed_ids(path: Path, key: str) -> set[str]:
    """The ids listed under `key` in `path` as committed at git HEAD; none when the file is new,
    outside a git repository, or unreadable as committed."""
    shown = subprocess.run(["git", "-C", str(path.parent), "show", f"HEAD:./{path.name}"], capture_output=True)
    if shown.returncode != 0:
        return set()
    with tempfile.TemporaryDirectory(prefix="nkexports-committed-") as scratch:
        copy = Path(scratch) / path.name
        copy.write_bytes(shown.stdout)
        parsed, _ = read_yaml(copy, str(path), Path(scratch))
    if parsed is None or not isinstance(parsed.data.get(key), list):
        return set()
    return {entry.get("id") for entry in parsed.data[key] if isinstance(entry, dict)} - {None}
