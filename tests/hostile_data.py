"""Hostile text for every text field of every kind of data file.

The text fields are found in the schemas (every property that is `text` or `shortText`, or a
list of them), so a field added later is covered without a change here.
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from nkexports.kinds import KINDS, SCHEMA_DIR
from nkexports.statements import figure_ids

TEXT_DEFINITIONS = ("common.schema.json#/$defs/text", "common.schema.json#/$defs/shortText",
                    "#/$defs/text", "#/$defs/shortText")

# Values the validator accepts, each of which is markup, a formula, a command, a record or a
# field separator in at least one output. None holds a digit, so each fits any text field.
PAYLOADS = [
    '" http-equiv="content-security-policy" content="default-src \'none\'',
    "=HYPERLINK(\"https://evil.example\",\"Click\")",
    "+cmd|' /C calc'!A",
    "-sum(a)",
    "@SUM(a)",
    "!!! danger Injected admonition",
    "??? note \"Injected details\"",
    "} @misc{forged, title={Forged",
    "back\\slash \\\" and \\\\ and a trailing backslash\\",
    "first line\nsecond line\n\nthird paragraph",
    "# heading *em* _u_ **b** ~~d~~ ==m== ^^i^^ `c` > q",
    "&lt;script&gt;alert(document.domain)&lt;/script&gt; &amp; &quot;",
    "::error title=forged::forged ::stop-commands::x %OA",
    "| cell | cell |\n|---|---|",
    "- item\n+ item\n* item",
    "> quote\n: definition\n*[HTML] abbreviation",
    "'; alert(document.cookie); var x='",
    "Ünïcödé 😀 中文 한국어 \u00a0non-breaking",
    "{: #forged-id .forged-class onclick=\"x\" }",
    "https://evil.example/look-like-a-link www.evil.example",
    "/// details | Injected block",
    "=== \"Injected tab\"",
    "Title\n=====",
]


def _is_text(schema: dict) -> bool:
    ref = schema.get("$ref", "")
    return ref in TEXT_DEFINITIONS or (schema.get("type") == "array" and _is_text(schema.get("items", {})))


def text_fields() -> set[str]:
    """Names of the text fields in every schema."""
    names: set[str] = set()

    def walk(node):
        if isinstance(node, dict):
            for name, prop in node.get("properties", {}).items():
                if isinstance(prop, dict) and _is_text(prop):
                    names.add(name)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in SCHEMA_DIR.glob("*.schema.json"):
        walk(json.loads(path.read_text()))
    return names


def text_places(data_dir: Path) -> list[tuple[Path, tuple]]:
    """Every (file, path in the file) of a text value in the data, lists item by item."""
    fields = text_fields()
    places = []

    def walk(file, value, where):
        if isinstance(value, dict):
            for key, item in value.items():
                if key in fields and isinstance(item, str):
                    places.append((file, where + (key,)))
                elif key in fields and isinstance(item, list):
                    places.extend((file, where + (key, i)) for i, v in enumerate(item) if isinstance(v, str))
                else:
                    walk(file, item, where + (key,))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(file, item, where + (index,))

    for kind in KINDS:
        for file in sorted(data_dir.glob(kind.pattern)):
            walk(file, yaml.safe_load(file.read_text()), ())
    return places


def _value_at(file: Path, where: tuple):
    value = yaml.safe_load(file.read_text())
    for part in where:
        value = value[part]
    return value


def set_value(file: Path, where: tuple, value: str) -> None:
    data = yaml.safe_load(file.read_text())
    target = data
    for part in where[:-1]:
        target = target[part]
    target[where[-1]] = value
    file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


CASE_TEMPLATE = "categories/test-ore.yaml"


def add_case_pages(data_dir: Path) -> None:
    """One more category page per payload, copied from test-ore, so that each payload fills every
    text field of a page: its title, summary and names, and its statements and figures."""
    template = (data_dir / CASE_TEMPLATE).read_text(encoding="utf-8")
    for number in range(len(PAYLOADS)):
        slug = f"case-{chr(ord('a') + number)}"
        # The case's figures are about the case's own product: the same figure on two pages would be a copy.
        text = (template.replace("slug: test-ore", f"slug: {slug}").replace("id: test-ore-", f"id: {slug}-")
                .replace("[[test-ore-", f"[[{slug}-").replace("product: test-ore", f"product: {slug}"))
        (data_dir / "categories" / f"{slug}.yaml").write_text(text, encoding="utf-8")


def make_hostile(data_dir: Path) -> dict[tuple[str, tuple], str]:
    """Give every text field of the data in `data_dir` a payload; returns what went where.
    Case pages (see add_case_pages) get one payload each; other fields take them in turn."""
    placed = {}
    for index, (file, where) in enumerate(text_places(data_dir)):
        case = file.stem.removeprefix("case-") if file.stem.startswith("case-") else None
        value = PAYLOADS[ord(case) - ord("a")] if case else PAYLOADS[index % len(PAYLOADS)]
        written = value
        if where[-1] == "statement":
            # A statement keeps its figures: each is printed from its record wherever the words go.
            written = " ".join([value, *(f"[[{ident}]]" for ident in figure_ids(_value_at(file, where)))])
        set_value(file, where, written)
        placed[(str(file.relative_to(data_dir)), where)] = value
    return placed
