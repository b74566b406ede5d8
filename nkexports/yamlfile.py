"""Read one YAML data file into plain Python values, remembering the line of every value.

PyYAML silently keeps the last of two equal keys and turns dates into date objects;
a fact file needs the opposite: duplicates rejected, dates kept as the text the
contributor wrote, and a line number for every error message.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .problems import Problem, dotted

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml still works, only slower
    _Loader = yaml.SafeLoader

MAX_FILE_BYTES = 1_000_000


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


class _Reader:
    def __init__(self, path: str):
        self.path = path
        self.lines: dict[tuple, int] = {}
        self.problems: list[Problem] = []

    def value(self, node: yaml.Node, where: tuple, loader: yaml.BaseLoader):
        self.lines[where] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            out: dict = {}
            for key_node, value_node in node.value:
                key = loader.construct_object(key_node)
                key = key.isoformat() if isinstance(key, datetime.date) else key
                if not isinstance(key, str):
                    key = str(key)
                if key in out:
                    first = self.lines[where + (key,)]
                    self.problems.append(Problem(
                        self.path, key_node.start_mark.line + 1, dotted(where + (key,)),
                        f"duplicate key '{key}' (first given on line {first})",
                        "keep one of the two; YAML would silently drop the first"))
                    continue
                out[key] = self.value(value_node, where + (key,), loader)
            return out
        if isinstance(node, yaml.SequenceNode):
            return [self.value(item, where + (i,), loader) for i, item in enumerate(node.value)]
        try:
            scalar = loader.construct_object(node)
        except ValueError:
            self.problems.append(Problem(
                self.path, node.start_mark.line + 1, dotted(where),
                f"'{node.value}' is not a real calendar date",
                "write a date that exists, as YYYY-MM-DD"))
            return node.value
        if isinstance(scalar, datetime.datetime):
            return scalar.isoformat()
        if isinstance(scalar, datetime.date):
            return scalar.isoformat()
        return scalar


def read_yaml(path: Path, shown_as: str) -> tuple[YamlFile | None, list[Problem]]:
    """Parse `path`; report problems against `shown_as` (the path as the contributor knows it)."""
    raw = path.read_bytes()
    if len(raw) > MAX_FILE_BYTES:
        return None, [Problem(shown_as, 1, "", f"file is {len(raw):,} bytes, over the limit of {MAX_FILE_BYTES:,}",
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
            node = loader.get_single_node()
            data = reader.value(node, (), loader)
        finally:
            loader.dispose()
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
