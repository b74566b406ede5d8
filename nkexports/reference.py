"""The contributors' field reference, rendered from the JSON Schemas so the two cannot drift apart.

`python -m nkexports reference` prints it; CONTRIBUTING.md holds the same text between the
markers below, and a test fails when the two differ.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from .kinds import KINDS, SCHEMA_DIR
from .topics import guide_table

START = "<!-- reference:start -->"
END = "<!-- reference:end -->"
COMMON = "common.schema.json"

_TYPE_WORDS = {"string": "text", "number": "number", "integer": "whole number", "boolean": "true or false",
               "object": "mapping", "array": "list"}


@dataclass(frozen=True)
class Row:
    path: str
    type: str
    required: bool
    description: str
    rules: str


@lru_cache(maxsize=None)
def _schema(name: str) -> dict:
    return json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))


def _target(ref: str, base: str) -> tuple[str, str, dict]:
    """('common.schema.json#/$defs/id', 'category.schema.json') -> (file, def name, definition)."""
    file, _, pointer = ref.partition("#")
    file = file or base
    node = _schema(file)
    for part in pointer.strip("/").split("/"):
        node = node[part]
    return file, pointer.rsplit("/", 1)[-1], node


def _resolve(node: dict, base: str) -> tuple[dict, str]:
    """Follow $ref; the referring node's own keywords (description, x-hint) win over the target's."""
    while "$ref" in node:
        file, _, target = _target(node["$ref"], base)
        node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
        base = file
    return node, base


def _shared_def(node: dict, base: str) -> str | None:
    """The name of a shared list of mappings (such as `facts`) that gets a section of its own."""
    if "$ref" not in node:
        return None
    file, name, target = _target(node["$ref"], base)
    resolved, resolved_base = _resolve(target, file)
    items = resolved.get("items", {})
    if file == COMMON and resolved.get("type") == "array" and _resolve(items, resolved_base)[0].get("type") == "object":
        return name
    return None


def _type(node: dict, base: str) -> str:
    if "enum" in node:
        return "text"
    kinds = node.get("type")
    if kinds == "array":
        items, _ = _resolve(node.get("items", {}), base)
        inner = "mappings" if items.get("type") == "object" else _type(items, base)
        return f"list of {inner}"
    if isinstance(kinds, list):
        return " or ".join(_TYPE_WORDS[k] for k in kinds)
    return _TYPE_WORDS.get(kinds, "any")


def _sentence(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:] if text else text


def _rules(node: dict, shared: str | None) -> str:
    parts = []
    if "enum" in node:
        parts.append("One of " + ", ".join(f"`{value}`" for value in node["enum"]))
    elif "x-hint" in node:
        parts.append(_sentence(node["x-hint"]))
    limits = []
    if node.get("minItems"):
        limits.append(f"at least {node['minItems']} {'entry' if node['minItems'] == 1 else 'entries'}")
    if node.get("uniqueItems"):
        limits.append("no entry twice")
    if "minimum" in node and "maximum" in node:
        limits.append(f"as a number, {node['minimum']} to {node['maximum']}")
    elif "minimum" in node:
        limits.append(f"{node['minimum']} or more")
    if node.get("maxLength") and str(node["maxLength"]) not in " ".join(parts):
        limits.append(f"at most {node['maxLength']} characters")
    if limits:
        parts.append(_sentence("; ".join(limits)))
    if shared:
        parts.append(f"Its fields are listed under `{shared}` below")
    return ". ".join(p.rstrip(".") for p in parts) + ("." if parts else "")


def _rows(node: dict, base: str, prefix: str = "") -> list[Row]:
    node, base = _resolve(node, base)
    if node.get("type") == "array":
        return _rows(node.get("items", {}), base, prefix + "[]")
    rows = []
    required = set(node.get("required", ()))
    for name, raw in node.get("properties", {}).items():
        path = f"{prefix}.{name}" if prefix else name
        shared = _shared_def(raw, base)
        field, field_base = _resolve(raw, base)
        rows.append(Row(path, _type(field, field_base), name in required,
                        _sentence(field.get("description", "")), _rules(field, shared)))
        if shared:
            continue
        items, _ = _resolve(field.get("items", {}), field_base)
        if field.get("type") == "object" or items.get("type") == "object":
            rows.extend(_rows(raw, base, path))
    return rows


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _table(rows: list[Row]) -> list[str]:
    lines = ["| Field | Type | Required | What it is | How to write it |", "| --- | --- | --- | --- | --- |"]
    for row in rows:
        lines.append(f"| `{row.path}` | {row.type} | {'yes' if row.required else 'no'} | "
                     f"{_cell(row.description)} | {_cell(row.rules)} |")
    return lines


@dataclass(frozen=True)
class Section:
    title: str
    intro: str
    rows: list[Row]
    schemas: tuple[str, ...]  # the schema files whose data files these rows describe


def _shared_users() -> dict[str, list[str]]:
    """Each shared definition with the schema files that use it, in KINDS order."""
    users: dict[str, list[str]] = {}
    for kind in KINDS:
        for raw in _schema(kind.schema).get("properties", {}).values():
            name = _shared_def(raw, kind.schema)
            if name:
                users.setdefault(name, []).append(kind.schema)
    return users


def _words(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def sections() -> list[Section]:
    """One section per kind of data file, in KINDS order, then one per shared list such as `facts`."""
    found = []
    for kind in KINDS:
        schema = _schema(kind.schema)
        intro = f"{_sentence(schema.get('description', ''))} Schema: `schemas/{kind.schema}`."
        found.append(Section(schema["title"], intro, _rows(schema, kind.schema), (kind.schema,)))
    for name, users in _shared_users().items():
        node, base = _resolve(_target(f"{COMMON}#/$defs/{name}", COMMON)[2], COMMON)
        items, _ = _resolve(node.get("items", {}), base)
        titles = _words([_schema(user)["title"] for user in users])
        intro = f"Each entry of the `{name}` list in {titles} files. {_sentence(items.get('description', ''))}"
        found.append(Section(f"`{name}`", intro.strip(), _rows(node, base, name), tuple(users)))
    return found


def render() -> str:
    """The whole reference as Markdown: one table per section."""
    lines = ["<!-- Generated from schemas/*.json by `python -m nkexports reference`: edit the schemas, not this text. -->"]
    for section in sections():
        lines += ["", f"### {section.title}", "", section.intro, ""]
        lines += _table(section.rows)
    lines += ["", "### Which heading each topic gets", "",
              "A fact's `topic` puts it under one heading of its page; the words and the order of the headings "
              "depend on the kind of page (from `nkexports/topics.py`). A heading with no facts is left out.", ""]
    lines += guide_table()
    return "\n".join(lines) + "\n"


def replace_section(text: str, generated: str) -> str:
    """`text` with everything between the reference markers replaced by `generated`."""
    if text.count(START) != 1 or text.count(END) != 1 or text.index(START) > text.index(END):
        raise ValueError(f"expected one {START} followed by one {END}")
    head, rest = text.split(START)
    _, tail = rest.split(END)
    return f"{head}{START}\n{generated}{END}{tail}"
