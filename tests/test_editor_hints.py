"""Editors show the same hint `make check` gives: every field's x-hint is in the schema as the
errorMessage and markdownDescription that yaml-language-server shows."""

from __future__ import annotations

import json

import pytest

from helpers import ROOT
from nkexports.editor_hints import schema_text, with_editor_hints

SCHEMAS = sorted((ROOT / "schemas").glob("*.schema.json"))


def _nodes(node):
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _nodes(value)
    elif isinstance(node, list):
        for value in node:
            yield from _nodes(value)


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: p.name)
def test_the_schema_carries_its_editor_hints(path):
    text = path.read_text(encoding="utf-8")
    assert schema_text(with_editor_hints(json.loads(text))) == text, (
        f"{path.name}: editor hints differ from the x-hints; run: .venv/bin/python -m nkexports editor-hints")


def test_every_hint_is_an_error_message_and_part_of_the_description():
    hinted = [node for path in SCHEMAS for node in _nodes(json.loads(path.read_text())) if "x-hint" in node]
    assert hinted
    for node in hinted:
        assert node["errorMessage"].lower() == node["x-hint"].lower()
        if "description" in node:
            assert node["markdownDescription"].startswith(node["description"])
            assert node["x-hint"] in node["markdownDescription"]
