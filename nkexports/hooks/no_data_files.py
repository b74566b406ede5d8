"""MkDocs hook: docs/ holds no data files. MkDocs copies any file it does not render, so a YAML or
JSON file put in docs/ by mistake would be published as it is, never read by the validator."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import Abort

from nkexports.escape import log_text
from nkexports.failures import one_line_failure

DATA_SUFFIXES = (".yaml", ".yml", ".json")


def data_files_under(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*") if path.suffix.lower() in DATA_SUFFIXES and path.is_file())


@one_line_failure
def on_pre_build(config):
    docs = Path(config.docs_dir)
    found = data_files_under(docs)
    if found:
        lines = [f"{log_text(path.relative_to(docs.parent))}:1: a data file in docs/ would be published as a raw "
                 f"file, unchecked; move it to data/ (see CONTRIBUTING.md for where each kind of file goes) "
                 f"or remove it" for path in found]
        raise Abort("\n".join(lines))
