"""CONTRIBUTING.md agrees with the schemas: its field reference is the generated one, and its
templates validate and show every field."""

from __future__ import annotations

import re

import pytest

from helpers import ROOT
from nkexports import reference
from nkexports.kinds import KINDS
from nkexports.schema import schema_problems
from nkexports.yamlfile import read_yaml

CONTRIBUTING = ROOT / "CONTRIBUTING.md"
TEXT = CONTRIBUTING.read_text(encoding="utf-8")
SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=(?:\.\./)+schemas/(\S+\.schema\.json)$", re.M)
TEMPLATES = {SCHEMA_LINE.search(block).group(1): block
             for block in re.findall(r"^```yaml\n(.*?)^```$", TEXT, re.M | re.S) if SCHEMA_LINE.search(block)}


def test_the_field_reference_is_the_generated_one():
    assert reference.replace_section(TEXT, reference.render()) == TEXT, (
        "the field reference in CONTRIBUTING.md differs from the schemas; "
        "run: .venv/bin/python -m nkexports reference --write CONTRIBUTING.md")


def test_there_is_one_template_per_kind_of_file():
    assert sorted(TEMPLATES) == sorted(kind.schema for kind in KINDS)


def _parsed(schema: str, tmp_path):
    path = tmp_path / "template.yaml"
    path.write_text(TEMPLATES[schema], encoding="utf-8")
    parsed, problems = read_yaml(path, f"CONTRIBUTING.md template for {schema}")
    assert parsed is not None and not problems, [str(p) for p in problems]
    return parsed


@pytest.mark.parametrize("schema", [kind.schema for kind in KINDS])
def test_the_template_validates_against_its_schema(schema, tmp_path):
    assert [str(p) for p in schema_problems(_parsed(schema, tmp_path), schema)] == []


def _paths(value, prefix: str = "") -> set[str]:
    """Every field path in a parsed file, written as the reference writes them: facts[].values[].amount."""
    found = set()
    if isinstance(value, dict):
        for key, item in value.items():
            path = f"{prefix}.{key}" if prefix else key
            found |= {path} | _paths(item, path)
    elif isinstance(value, list):
        for item in value:
            found |= _paths(item, prefix + "[]")
    return found


def test_the_templates_show_every_field(tmp_path):
    shown = {schema: _paths(_parsed(schema, tmp_path).data) for schema in TEMPLATES}
    missing = []
    for section in reference.sections():
        in_templates = set().union(*(shown[schema] for schema in section.schemas))
        missing += [f"{row.path} ({section.title})" for row in section.rows if row.path not in in_templates]
    assert not missing, f"add these fields to the templates in CONTRIBUTING.md: {missing}"


def test_block_comments_do_not_leak_into_text(tmp_path):
    for schema in TEMPLATES:
        for where, text in _strings(_parsed(schema, tmp_path).data):
            assert "#" not in text, f"{schema}: a comment became part of {where}: {text!r}"


def _strings(value, where=()):
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, where + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, where + (index,))


def test_the_cli_prints_and_writes_the_reference(tmp_path, capsys):
    from nkexports.__main__ import main

    assert main(["reference"]) == 0
    assert capsys.readouterr().out == reference.render()
    page = tmp_path / "page.md"
    page.write_text(f"# Title\n\n{reference.START}\nold text\n{reference.END}\n\nEnd.\n")
    assert main(["reference", "--write", str(page)]) == 0
    assert page.read_text() == f"# Title\n\n{reference.START}\n{reference.render()}{reference.END}\n\nEnd.\n"
