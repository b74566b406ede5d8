"""MkDocs hook: a hand-written page of another edition. The Korean text of docs/index.md is
docs/index.ko.md beside it (a test requires one for every hand-written page and edition). The
English build leaves the other editions' files out (mkdocs.yml, exclude_docs)."""

from __future__ import annotations

from pathlib import Path

from nkexports.failures import one_line_failure
from nkexports.site import edition_language
from nkexports.translations import ENGLISH


def edition_file(source: Path, language: str) -> Path:
    """docs/index.ko.md for docs/index.md in Korean."""
    return source.with_name(f"{source.stem}.{language}{source.suffix}")


@one_line_failure
def on_page_read_source(page, config):
    language = edition_language(config)
    if language == ENGLISH or page.file.abs_src_path is None:
        return None
    translated = edition_file(Path(page.file.abs_src_path), language)
    return translated.read_text(encoding="utf-8-sig") if translated.is_file() else None
