"""The words of the data that an edition translates, each found by the entry that holds it.

A text is addressed by a key and a field: the key is the id of the nearest entry that has one
(the file's own slug or id for its title and summary), with the place of an entry that has none
appended (`coal-exports-kotra points[2019]`, `resolution-2397 effects[1]`). A translation keeps
the hash of the English it was made from, so that an edited English text shows as out of date
instead of silently keeping a translation of words the data no longer says.
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from .docset import Doc, DocSet, value_at
from .escape import log_text
from .problems import Problem
from .rules.plain_text import FORBIDDEN, invisible_character
from .statements import PLACEHOLDER
from .translated_numbers import changed_numbers
from .yamlfile import YamlFile, read_yaml


@dataclass(frozen=True)
class Text:
    """One translatable value of the data: a string, or a list of strings (also_known_as)."""
    key: str
    field: str
    english: str | tuple[str, ...]
    file: str  # the data file as messages show it
    where: tuple  # its path in the file, for the line a message names
    relative: str  # the data file's path under data/, which its translation file repeats

    @property
    def address(self) -> tuple[str, str]:
        return self.key, self.field

    @property
    def english_hash(self) -> str:
        return english_hash(self.english)


def english_hash(value: str | tuple[str, ...] | list[str]) -> str:
    """Twelve hex digits of the SHA-256 of the English: enough to notice any edit, short to review."""
    text = value if isinstance(value, str) else json.dumps(list(value), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def _entry_key(parent: str, list_name: str, index: int, entry: dict) -> str:
    if isinstance(entry.get("id"), str):
        return entry["id"]
    place = entry.get("period", index) if list_name == "points" else index
    if list_name == "points" and isinstance(entry.get("differs_from"), str):
        place = f"{place} differs from {entry['differs_from']}"
    return f"{parent} {list_name}[{place}]"


def _walk(value, steps: list[str], key: str, where: tuple) -> Iterator[tuple[str, str, object, tuple]]:
    step, rest = steps[0], steps[1:]
    if step.endswith("[]"):
        name = step[:-2]
        listed = value.get(name) if isinstance(value, dict) else None
        if isinstance(listed, list):
            for index, entry in enumerate(listed):
                if isinstance(entry, dict):
                    yield from _walk(entry, rest, _entry_key(key, name, index, entry), where + (name, index))
        return
    found = value.get(step) if isinstance(value, dict) else None
    if isinstance(found, str) or (isinstance(found, list) and found and all(isinstance(v, str) for v in found)):
        yield key, step, found, where + (step,)


def relative_path(doc: Doc) -> str:
    """categories/coal.yaml: where the file is under data/, and its translation under translations/<language>/."""
    return f"{doc.kind.folder}{doc.file.name}"


def _file_key(doc: Doc) -> str:
    named = doc.data.get(doc.kind.named_by) if doc.kind.named_by else None
    return named if isinstance(named, str) else doc.file.stem


def texts(docs: DocSet) -> Iterator[Text]:
    """Every translatable text of the data, in file order."""
    for doc in docs.docs:
        for path in doc.kind.translated:
            for key, name, value, where in _walk(doc.data, path.split("."), _file_key(doc), ()):
                english = tuple(value) if isinstance(value, list) else value
                yield Text(key, name, english, doc.yaml.path, where, relative_path(doc))


# --- The translation files: translations/<language>/ mirrors data/, one file per data file. ---

TRANSLATIONS_FOLDER = "translations"
ENGLISH = "en"  # the language the data is written in
_HASH = re.compile(r"[0-9a-f]{12}")


@dataclass(frozen=True)
class Translation:
    text: str | tuple[str, ...]
    translates: str  # the hash of the English it was made from
    path: str
    line: int


@dataclass
class Overlay:
    """One language's translations of the data, as found and judged against today's English."""
    language: str
    current: dict[tuple[str, str, str], Translation] = field(default_factory=dict)  # (file, key, field)
    untranslated: list[Text] = field(default_factory=list)  # shown in English: no translation, or an out-of-date one
    problems: list[Problem] = field(default_factory=list)  # a translation that is wrong: the build stops
    # Translations an edit of the English has left behind (changed, renamed or removed). They never
    # stop a build, since a valid English edit must not fail: the page shows the English, marked.
    out_of_date: list[Problem] = field(default_factory=list)


def translations_dir(data_dir: Path) -> Path:
    return data_dir.parent / TRANSLATIONS_FOLDER


def languages(data_dir: Path) -> list[str]:
    folder = translations_dir(data_dir)
    return sorted(p.name for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []


def _overlay_path(doc: Doc, data_dir: Path, language: str) -> Path:
    """translations/ko/categories/coal.yaml for data/categories/coal.yaml."""
    return translations_dir(data_dir) / language / relative_path(doc)


def _shown(path: Path, data_dir: Path) -> str:
    return str(Path(TRANSLATIONS_FOLDER) / path.relative_to(translations_dir(data_dir)))


def _entry_problems(yaml: YamlFile, where: tuple, entry) -> list[Problem]:
    line = yaml.line(where)
    name = " ".join(str(part) for part in where)
    if not isinstance(entry, dict) or set(entry) != {"translates", "text"}:
        return [Problem(yaml.path, line, name, "a translation needs exactly two fields, translates and text",
                        "write `translates:` (the hash `make translations` prints) and `text:` (the translation)")]
    problems = []
    if not isinstance(entry["translates"], str) or not _HASH.fullmatch(entry["translates"]):
        problems.append(Problem(yaml.path, yaml.line(where + ("translates",)), f"{name} translates",
                                "is not the twelve-digit hash of an English text",
                                "copy the hash `make translations` prints for this text"))
    text = entry["text"]
    texts_ok = isinstance(text, str) and text.strip() or (
        isinstance(text, list) and text and all(isinstance(t, str) and t.strip() for t in text))
    if not texts_ok:
        problems.append(Problem(yaml.path, yaml.line(where + ("text",)), f"{name} text", "is blank or not text",
                                "write the translation, or delete the entry to show the English"))
    else:
        for item in (text if isinstance(text, list) else [text]):
            hidden = invisible_character(item)
            words = PLACEHOLDER.sub("x", item)
            found = next((what for pattern, what, _ in FORBIDDEN if pattern.search(words)), None)
            if hidden is not None or found:
                problems.append(Problem(yaml.path, yaml.line(where + ("text",)), f"{name} text",
                                        found or f"contains an invisible character, U+{ord(hidden):04X}",
                                        "remove it: translations take plain text only"))
                break
    return problems


def _number_problems(english: Text, translation: Translation, name: str) -> list[Problem]:
    """A current translation must keep the English's placeholders and numbers."""
    if isinstance(english.english, tuple):
        return []
    problems = []
    if sorted(PLACEHOLDER.findall(english.english)) != sorted(PLACEHOLDER.findall(translation.text)):
        problems.append(Problem(translation.path, translation.line, name,
                                "its [[...]] placeholders differ from the English's",
                                f"keep each of {', '.join(PLACEHOLDER.findall(english.english)) or 'none'} once, as written"))
    left_out, added = changed_numbers(english.english, translation.text)
    if left_out or added:
        said = "; ".join(filter(None, (f"leaves out {', '.join(_plain(n) for n in left_out)}" if left_out else "",
                                       f"adds {', '.join(_plain(n) for n in added)}" if added else "")))
        problems.append(Problem(translation.path, translation.line, name,
                                f"changes a number of the English ({said})",
                                "write every number the English states, with the same value (US$752 million is 7억 5,200만 달러)"))
    return problems


def _plain(number) -> str:
    return f"{number:f}".rstrip("0").rstrip(".") if "." in f"{number:f}" else f"{number:f}"


def read_overlay(docs: DocSet, data_dir: Path, language: str) -> Overlay:
    """The language's translation files, each entry matched to today's English by file, key and field."""
    overlay = Overlay(language)
    english_by_file: dict[str, dict[tuple[str, str], Text]] = {}
    for text in texts(docs):
        english_by_file.setdefault(text.file, {})[text.address] = text
    folder = translations_dir(data_dir) / language
    data_files = {_overlay_path(doc, data_dir, language): doc for doc in docs.docs}
    for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
        if not path.is_file():
            continue
        shown = _shown(path, data_dir)
        doc = data_files.get(path)
        if doc is None:
            overlay.out_of_date.append(Problem(shown, 1, "", "translates no data file",
                                            f"name it after the data file it translates: {TRANSLATIONS_FOLDER}/"
                                            f"{language}/ followed by the file's path under data/"))
            continue
        parsed, found = read_yaml(path, shown, translations_dir(data_dir))
        overlay.problems.extend(found)
        if parsed is None or parsed.data is None:
            continue
        if not isinstance(parsed.data, dict):
            overlay.problems.append(Problem(shown, 1, "", "is not a mapping of keys", "start each entry with its key"))
            continue
        english = english_by_file.get(doc.yaml.path, {})
        for key, fields in parsed.data.items():
            if not isinstance(fields, dict):
                overlay.problems.append(Problem(shown, parsed.line((key,)), str(key), "is not a mapping of fields",
                                                "under the key, write each field's translates and text"))
                continue
            for field_name, entry in fields.items():
                where = (key, field_name)
                name = f"{key} {field_name}"
                found = _entry_problems(parsed, where, entry)
                if found:
                    overlay.problems.extend(found)
                    continue
                text = english.get((key, field_name))
                if text is None:
                    overlay.out_of_date.append(Problem(shown, parsed.line(where), name,
                                                    "no English text of this data file has this key and field",
                                                    "the English was removed or renamed: delete this translation, or "
                                                    "move it under the new key"))
                    continue
                value = entry["text"]
                translation = Translation(tuple(value) if isinstance(value, list) else value, entry["translates"],
                                          shown, parsed.line(where + ("text",)))
                if translation.translates != text.english_hash:
                    overlay.out_of_date.append(Problem(shown, parsed.line(where), name,
                                                       f"the English in {text.file} has changed since this was translated",
                                                       f"translate it again and write translates: {text.english_hash}"))
                    continue
                problems = _number_problems(text, translation, name)
                overlay.problems.extend(problems)
                if not problems:
                    overlay.current[(doc.yaml.path, key, field_name)] = translation
    overlay.untranslated = [t for file_texts in english_by_file.values() for t in file_texts.values()
                            if (t.file, t.key, t.field) not in overlay.current]
    return overlay


def translated_docs(docs: DocSet, overlay: Overlay) -> DocSet:
    """The data as the language's edition shows it: every current translation in place of its English."""
    copies = {}
    for doc in docs.docs:
        copies[doc.yaml.path] = Doc(doc.kind, doc.file, YamlFile(doc.yaml.path, copy.deepcopy(doc.data), doc.yaml.lines))
    for text in texts(docs):
        translation = overlay.current.get((text.file, text.key, text.field))
        if translation is not None:
            *parents, last = text.where
            value = translation.text
            value_at(copies[text.file].data, tuple(parents))[last] = list(value) if isinstance(value, tuple) else value
    return DocSet(list(copies.values()), docs.unreadable)


def entries_to_translate(overlay: Overlay) -> str:
    """YAML entries for every untranslated text, grouped by the translation file they belong in, each
    with its hash filled in and the English beside it as a comment."""
    lines = []
    current_file = None
    current_key = None
    for text in overlay.untranslated:
        target = Path(TRANSLATIONS_FOLDER) / overlay.language / text.relative
        if target != current_file:
            lines += ["", f"# ---- {target} (translates {text.file})"]
            current_file, current_key = target, None
        if text.key != current_key:
            lines.append(f"{json.dumps(text.key, ensure_ascii=False)}:")
            current_key = text.key
        english = text.english if isinstance(text.english, str) else "; ".join(text.english)
        lines += [f"  {text.field}:", f"    translates: \"{text.english_hash}\"",
                  f"    # English: {log_text(english)}", "    text: "]
    return "\n".join(lines).lstrip("\n") + "\n"
