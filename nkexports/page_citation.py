"""The revision a page is cited at: the newest commit that changed any file the page is made from."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .dataset import Dataset
from .drawn_on import files_drawn_on
from .revisions import Revision, last_change, newest_change


@dataclass(frozen=True)
class CitedRevision:
    revision: Revision | None
    committed: bool | None  # False: the page's own file is not in the history yet; None: no git checkout


def cited_revision(history: dict[str, Revision], repo: Path, data: Dataset, data_file: str | None,
                   source_file: str, uses_macros: bool = False, data_dir: Path | None = None) -> CitedRevision:
    """`history`: every file's last revision (revisions.revisions, read once per build);
    `data_dir`: where the build's data lives, when not in the repository's data/."""
    if not history:
        return CitedRevision(None, None)
    if last_change(history, data_file or source_file) is None:
        return CitedRevision(None, False)
    data_path = "data/"
    if data_dir is not None and data_dir.resolve().is_relative_to(repo):
        data_path = data_dir.resolve().relative_to(repo).as_posix() + "/"
    files = files_drawn_on(data, data_file, source_file, uses_macros, data_path)
    return CitedRevision(newest_change(history, files), True)
