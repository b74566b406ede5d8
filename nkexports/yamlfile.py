"""Read one YAML data file into plain Python values, remembering the line of every value.

PyYAML silently keeps the last of two equal keys and turns dates into date objects;
a fact file needs the opposite: duplicates rejected, dates kept as the text the
contributor wrote, and a line number for every error message.

Data files come from strangers' pull requests, so reading one must never cost more than
its size: only regular files inside the data directory are opened (no symbolic links, no
devices), the size is checked before reading, and YAML's anchors and aliases, explicit tags
and deep nesting, which data files never need, are refused while parsing.
"""

from __future__ import annotations

import datetime
import math
import os
import re
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .problems import Problem, dotted

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml still works, only slower
    _Loader = yaml.SafeLoader

MAX_FILE_BYTES = 1_000_000
MAX_DEPTH = 20  # the deepest data file nests six levels; past this it is an attack, not data
_REPEATED = object()  # marks the path of a repeated key's value
# Plain scalars as YAML 1.2's core schema reads them, which is what editors' YAML support follows:
# only true/false are booleans (PyYAML, on YAML 1.1, also reads yes, no, on and off as booleans),
# and numbers have no `_`, no base-60 and no leading-zero octal.
_CORE_NULLS = {"", "~", "null", "Null", "NULL"}
_CORE_BOOLEANS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_CORE_INT = re.compile(r"[-+]?[0-9]+")
_CORE_BASED_INT = re.compile(r"0x[0-9a-fA-F]+|0o[0-7]+")
_CORE_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)")


@dataclass
class YamlFile:
    path: str
    data: object
    lines: dict[tuple, int] = field(default_factory=dict)

    def line(self, where: tuple) -> int:
        """The line of the value at `where`, or of its nearest ancestor that has one."""
        while where not in self.lines and where:
            where = where[:-1]
        return self.lines.get(where, 1)


def _unusable_number(value) -> bool:
    """Infinite, not a number, or too long for the arithmetic every figure goes through."""
    if isinstance(value, float):
        return not math.isfinite(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return abs(value) > sys.float_info.max
    return False


LONGEST_QUOTED = 40  # characters of a value a message quotes; the line number finds the rest


def _shortened(text: str) -> str:
    return text if len(text) <= LONGEST_QUOTED else text[: LONGEST_QUOTED - 1] + "…"


class _Refused(Exception):
    """A construct that data files never need, refused before it costs memory or stack."""

    def __init__(self, line: int, what: str, fix: str):
        super().__init__(what)
        self.line, self.what, self.fix = line, what, fix


class _Reader:
    """Builds plain values from the parser's events with an explicit stack: no recursion, so
    nesting depth is a counted limit, never a crash; anchors and aliases are refused outright."""

    def __init__(self, path: str):
        self.path = path
        self.lines: dict[tuple, int] = {}
        self.problems: list[Problem] = []

    def _duplicate(self, where: tuple, key: str, line: int) -> None:
        first = self.lines[where + (key,)]
        self.problems.append(Problem(
            self.path, line, dotted(where + (key,)),
            f"duplicate key '{key}' (first given on line {first})",
            "keep one of the two; YAML would silently drop the first"))

    def _scalar(self, event: yaml.ScalarEvent, where: tuple, loader):
        tag = event.tag
        if tag is None or tag == "!":
            tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        try:
            scalar = loader.construct_object(node)
        except ValueError:
            self.problems.append(Problem(
                self.path, event.start_mark.line + 1, dotted(where),
                f"'{event.value}' is not a real calendar date",
                "write a date that exists, as YYYY-MM-DD"))
            return event.value
        if not event.style and event.implicit[0]:  # a plain scalar: the C parser gives style "", Python None
            scalar = _as_yaml_1_2(event.value, scalar)
        if isinstance(scalar, (datetime.date, datetime.datetime)):
            return scalar.isoformat()
        if _unusable_number(scalar):
            # Kept as the text written, which every later step reads as text the reader has
            # reported: an infinite or overlong number would break the arithmetic of the rules.
            what = (f"'{_shortened(event.value)}' has {len(event.value)} characters, more than any figure"
                    if isinstance(scalar, int) else f"'{event.value}' is not a finite number")
            self.problems.append(Problem(self.path, event.start_mark.line + 1, dotted(where), what,
                                         "write the figure in digits; leave the value out if the source gives no figure"))
            return event.value
        return scalar

    def read(self, loader):
        """The document's value; `loader` is positioned at the start of the stream."""
        stack: list[list] = []  # [container, where, pending key or None, key line]
        root = None
        while loader.check_event():
            event = loader.get_event()
            line = event.start_mark.line + 1
            if isinstance(event, (yaml.StreamStartEvent, yaml.DocumentStartEvent,
                                  yaml.DocumentEndEvent, yaml.StreamEndEvent)):
                if isinstance(event, yaml.DocumentStartEvent) and root is not None:
                    raise _Refused(line, "the file holds more than one YAML document",
                                   "remove the '---' line: one file holds one document")
                continue
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
                raise _Refused(line, "uses a YAML anchor or alias (& or *)",
                               "write the value out in full: data files do not share values")
            if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                value = stack.pop()[0]
                if not stack:
                    root = value
                    continue
                self._place(stack[-1], value)
                continue
            frame = stack[-1] if stack else None
            if frame is not None and isinstance(frame[0], dict) and frame[2] is None:
                frame[2], frame[3] = self._key(event, frame[1], loader), line
                continue
            where = self._where(frame)
            self.lines[where] = line
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                if len(stack) >= MAX_DEPTH:
                    raise _Refused(line, f"values are nested more than {MAX_DEPTH} levels deep",
                                   "flatten the structure as in the template in CONTRIBUTING.md")
                if event.tag is not None and not event.implicit:
                    raise _Refused(line, f"uses the YAML tag '{event.tag}'",
                                   "remove the tag: data files need none")
                stack.append([{} if isinstance(event, yaml.MappingStartEvent) else [], where, None, 0])
                continue
            value = self._scalar(event, where, loader)
            if frame is None:
                root = value
            else:
                self._place(frame, value)
        return root

    @staticmethod
    def _where(frame: list | None) -> tuple:
        """The path of the value that starts now; a repeated key's value gets a path of its own,
        so that its lines never replace those of the first."""
        if frame is None:
            return ()
        container, where, key, key_line = frame
        if isinstance(container, list):
            return where + (len(container),)
        return where + ((_REPEATED, key_line),) if key in container else where + (key,)

    def _key(self, event, where: tuple, loader) -> str:
        if not isinstance(event, yaml.ScalarEvent):
            raise _Refused(event.start_mark.line + 1, "a key is a list or a mapping",
                           "write each key as a plain name followed by a colon")
        key = self._scalar(event, where, loader)
        return key if isinstance(key, str) else str(key)

    def _place(self, frame: list, value) -> None:
        container, where, key, key_line = frame
        if isinstance(container, list):
            container.append(value)
            return
        frame[2] = None
        if key in container:
            self._duplicate(where, key, key_line)
            return
        container[key] = value


def plain_reads_as_text(text: str) -> bool:
    """Whether `text`, written as a plain scalar, reads back as text under YAML 1.2 (for writers
    of data files, which must quote what would read as a number or a boolean)."""
    return not (text in _CORE_NULLS or text in _CORE_BOOLEANS or _CORE_INT.fullmatch(text) or _CORE_BASED_INT.fullmatch(text)
                or _CORE_FLOAT.fullmatch(text))


def _as_yaml_1_2(text: str, scalar):
    """The plain scalar `text` as YAML 1.2 reads it, given PyYAML's YAML 1.1 reading `scalar`."""
    if isinstance(scalar, bool):
        return _CORE_BOOLEANS.get(text, text)
    if not isinstance(scalar, (int, float, str)):
        return scalar  # null, and dates, which YAML 1.2 reads as text and the reader keeps as text
    if _CORE_INT.fullmatch(text):
        return int(text, 10)
    if _CORE_BASED_INT.fullmatch(text):
        return int(text[2:], 16 if text[1] == "x" else 8)
    if _CORE_FLOAT.fullmatch(text):
        special = text.lower().replace(".", "")  # "-.inf" -> "-inf", ".nan" -> "nan"
        return float(special if special.lstrip("+-") in ("inf", "nan") else text)
    return text


def _opening_problem(path: Path, root: Path | None) -> tuple[str, str] | None:
    """Why `path` must not be opened, or None: every step from `root` down must be a real
    folder, and the file itself a regular file, so nothing outside the repository is read."""
    steps = [Path(os.path.abspath(path))]
    if root is not None:
        inside = Path(os.path.abspath(path)).relative_to(os.path.abspath(root))
        steps = [Path(os.path.abspath(root)).joinpath(*inside.parts[:n]) for n in range(1, len(inside.parts) + 1)]
    for step in steps:
        try:
            mode = os.lstat(step).st_mode
        except FileNotFoundError:
            return "the file does not exist", "check the file name"
        if stat.S_ISLNK(mode):
            return (f"{'the file' if step == steps[-1] else step.name + '/'} is a symbolic link",
                    "replace the link with the file itself: data files are read only from inside the repository")
        if step != steps[-1] and not stat.S_ISDIR(mode):
            return f"{step.name} is not a folder", "move the file into a real folder under data/"
    if stat.S_ISDIR(mode):
        return "this is a folder, not a file", "rename the folder so that its name does not end in .yaml"
    if not stat.S_ISREG(mode):
        return "this is not a regular file", "replace it with a plain text file"
    return None


def _read_limited(path: Path) -> bytes | int:
    """The file's bytes, or its size when over the limit; the size is known before reading."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(descriptor, "rb") as handle:
        status = os.fstat(handle.fileno())
        if not stat.S_ISREG(status.st_mode):
            raise OSError("not a regular file")
        if status.st_size > MAX_FILE_BYTES:
            return status.st_size
        raw = handle.read(MAX_FILE_BYTES + 1)
    return raw if len(raw) <= MAX_FILE_BYTES else len(raw)


def read_yaml(path: Path, shown_as: str, root: Path | None = None) -> tuple[YamlFile | None, list[Problem]]:
    """Parse `path`; report problems against `shown_as` (the path as the contributor knows it).
    With `root`, every folder between `root` and the file must be a real folder too."""
    refused = _opening_problem(path, root)
    if refused is None:
        try:
            raw = _read_limited(path)
        except OSError:
            refused = "the file cannot be opened as a regular file", "replace it with a plain text file"
    if refused is not None:
        return None, [Problem(shown_as, 1, "", *refused)]
    if isinstance(raw, int):
        return None, [Problem(shown_as, 1, "", f"file is {raw:,} bytes, over the limit of {MAX_FILE_BYTES:,}",
                              "split it or remove what does not belong in a data file")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return None, [Problem(shown_as, line, "", "the file is not valid UTF-8 text",
                              "save it as UTF-8 (your editor's encoding setting)")]
    for number, text_line in enumerate(text.splitlines(), start=1):
        indent = text_line[: len(text_line) - len(text_line.lstrip())]
        if "\t" in indent:
            return None, [Problem(shown_as, number, "", "a tab is used for indentation",
                                  "indent with spaces only (two per level)")]
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        return None, [Problem(shown_as, 1, "", "the file is empty",
                              "fill it in from the template in CONTRIBUTING.md, or delete it")]
    reader = _Reader(shown_as)
    try:
        loader = _Loader(text)
        try:
            data = reader.read(loader)
        finally:
            loader.dispose()
    except _Refused as refused:
        return None, [Problem(shown_as, refused.line, "", refused.what, refused.fix)]
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 1
        what = err.problem or "the YAML cannot be read"
        return None, [Problem(shown_as, line, "", f"YAML syntax error: {what}",
                              "check the indentation and quoting on this line and the one before")]
    except yaml.YAMLError as err:
        return None, [Problem(shown_as, 1, "", f"YAML syntax error: {err}", "check the file's syntax")]
    if not isinstance(data, dict):
        found = "a list" if isinstance(data, list) else "a single value"
        return None, [Problem(shown_as, 1, "", f"the file holds {found}, not a mapping of fields",
                              "start the file with its fields (e.g. 'slug: ...'), as in the template in CONTRIBUTING.md")]
    return YamlFile(shown_as, data, reader.lines), reader.problems
