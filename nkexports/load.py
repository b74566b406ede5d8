"""Load the data directory once: parse, check against the schemas and rules, index."""

from __future__ import annotations

import datetime
import hashlib
from pathlib import Path

from .dataset import Dataset
from .docset import Doc, DocSet
from .kinds import data_files, stray_files
from .problems import DataError, Problem
from .rules import rule_problems
from .schema import misplaced_as, schema_problems
from .translations import ENGLISH, languages, read_overlay, translated_docs
from .yamlfile import MAX_FILE_BYTES, YamlFile, read_yaml


def _shown(path: Path, data_dir: Path, shown_as: str | None) -> str:
    """The path as a contributor sees it from the repository root (data/partners/china.yaml).
    `shown_as` names the data directory when it is a copy, such as a commit read into a temporary folder."""
    if shown_as is not None:
        return str(Path(shown_as) / path.relative_to(data_dir))
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


# A file's reading and its schema's verdict, by what decides them: its kind, the path it is shown as,
# whether it is a link, and its bytes' SHA-256 (see check_data's `read_before`).
FileReadings = dict[tuple[str, str, bool, str], tuple[YamlFile | None, list[Problem]]]


def check_data(data_dir: Path, today: datetime.date | None = None, shown_as: str | None = None,
               rules: bool = True, read_before: FileReadings | None = None) -> tuple[DocSet, list[Problem]]:
    """Every file read and checked against its schema and (unless `rules` is false) the rules.

    `read_before` holds the readings of earlier calls, and takes this one's: a file met again with
    the same bytes is not read again. Successive past states of the data (history.py) differ in a
    few files each, so reading twenty-nine of them costs little more than reading one."""
    today = today or datetime.date.today()
    problems: list[Problem] = []
    docs: list[Doc] = []
    unreadable = []
    if not data_dir.is_dir():
        return DocSet([]), [Problem(str(data_dir), 1, "", "no such data directory",
                                    "run from the repository root or pass the data directory")]
    for stray in stray_files(data_dir):
        problems.append(Problem(_shown(stray, data_dir, shown_as), 1, "", "this file is in no known place, so it would be ignored",
                                "move it to data/categories/, data/partners/, data/topics/, data/series/ or data/sources/, with the .yaml ending"))
    for kind, path in data_files(data_dir):
        shown = _shown(path, data_dir, shown_as)
        key = _reading_key(kind, path, shown) if read_before is not None else None
        if key is not None and key in read_before:
            parsed, found = read_before[key]
        else:
            parsed, found = _read_and_check(kind, path, shown, data_dir)
            if key is not None:
                read_before[key] = parsed, found
        problems.extend(found)
        if parsed is None:
            unreadable.append((kind, path))
        else:
            docs.append(Doc(kind, path, parsed))
    docset = DocSet(docs, unreadable)
    if rules:
        problems.extend(rule_problems(docset, today))
        for language in languages(data_dir):
            problems.extend(read_overlay(docset, data_dir, language).problems)
    return docset, sorted(set(problems))


def _reading_key(kind, path: Path, shown: str) -> tuple[str, str, bool, str] | None:
    """What decides a file's reading, or None when its bytes cannot be read (it is then read as usual,
    and refused with its own message)."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return None
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None
    return kind.name, shown, path.is_symlink(), digest


def _read_and_check(kind, path: Path, shown: str, data_dir: Path) -> tuple[YamlFile | None, list[Problem]]:
    """The file read, and every problem of its reading and of its schema."""
    parsed, found = read_yaml(path, shown, data_dir)
    if parsed is None:
        return None, found
    problems = list(found)
    other = misplaced_as(parsed.data, kind)
    if other is None:
        problems.extend(_not_reported(schema_problems(parsed, kind.schema), found))
    else:
        # Reported as where it belongs, so the other messages are those left after the move.
        problems.append(Problem(parsed.path, 1, "", f"this looks like a {other.name} file, not a {kind.name} "
                                f"file: its fields are those of {other.schema}",
                                f"move it to data/{other.folder or other.pattern}"))
        problems.extend(_not_reported(schema_problems(parsed, other.schema), found))
    return parsed, problems


def _not_reported(found: list[Problem], by_reader: list[Problem]) -> list[Problem]:
    """One message per value: where the reader has said how a value is miswritten (an infinite
    number, kept as its text), the schema's "expected a number" would only repeat it."""
    reported = {(p.path, p.where) for p in by_reader}
    return [p for p in found if (p.path, p.where) not in reported]


def load_dataset(data_dir: Path, today: datetime.date | None = None, language: str = "en") -> Dataset:
    """The data as the edition in `language` shows it: in English, or with every current translation
    in place of its English and the texts left in English named."""
    docset, problems = check_data(Path(data_dir), today)
    if problems:
        raise DataError(problems)
    if language == ENGLISH:
        return Dataset.from_docs(docset)
    overlay = read_overlay(docset, Path(data_dir), language)
    dataset = Dataset.from_docs(translated_docs(docset, overlay))
    dataset.language = language
    dataset.series_order = tuple(series.id for series in Dataset.from_docs(docset).series_in_order)
    dataset.in_english = frozenset(text.address for text in overlay.untranslated)
    return dataset
