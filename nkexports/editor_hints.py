"""The schemas' friendly hints where editors show them. `make check` words its fixes from each
field's `x-hint`; yaml-language-server shows `errorMessage` in place of its own error text and
`markdownDescription` on hover, so both are written from `description` and `x-hint`."""

from __future__ import annotations

import json
from pathlib import Path

from .kinds import SCHEMA_DIR


def with_editor_hints(node):
    """A copy of a schema with `errorMessage` and `markdownDescription` written from each `x-hint`."""
    if isinstance(node, list):
        return [with_editor_hints(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: with_editor_hints(value) for key, value in node.items()
           if key not in ("errorMessage", "markdownDescription")}
    hint = node.get("x-hint")
    if isinstance(hint, str):
        out["errorMessage"] = hint[0].upper() + hint[1:]
        if isinstance(node.get("description"), str):
            out["markdownDescription"] = f"{node['description']}\n\n**How to write it:** {hint}."
    return out


def schema_text(schema: dict) -> str:
    """A schema file's text as the repository keeps it."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write(schema_dir: Path = SCHEMA_DIR) -> list[Path]:
    """Rewrite every schema whose editor hints differ from its x-hints; the files changed."""
    changed = []
    for path in sorted(schema_dir.glob("*.schema.json")):
        text = path.read_text(encoding="utf-8")
        updated = schema_text(with_editor_hints(json.loads(text)))
        if updated != text:
            path.write_text(updated, encoding="utf-8")
            changed.append(path)
    return changed
