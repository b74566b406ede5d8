"""MkDocs hook: docs/ holds no symbolic links. MkDocs follows them, so a link in a pull request
could publish any file of the machine that builds the site (data/ is guarded by the reader)."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.exceptions import Abort

from nkexports.escape import log_text
from nkexports.failures import one_line_failure


def symlinks_under(folder: Path) -> list[Path]:
    found = []
    for directory, subdirectories, files in os.walk(folder, followlinks=False):
        for name in subdirectories + files:
            if os.path.islink(os.path.join(directory, name)):
                found.append(Path(directory, name))
    return sorted(found)


@one_line_failure
def on_pre_build(config):
    docs = Path(config.docs_dir)
    links = symlinks_under(docs)
    if links:
        shown = ", ".join(log_text(link.relative_to(docs.parent)) for link in links)
        raise Abort(f"{shown}: symbolic links are not published; replace each with the file it points to, "
                    f"or remove it")
