"""Which data files exist, where they live, and which schema each kind obeys."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"


@dataclass(frozen=True)
class Kind:
    name: str
    pattern: str
    schema: str
    named_by: str | None  # the field whose value must equal the file name, if any


KINDS = (
    Kind("category", "categories/*.yaml", "category.schema.json", "slug"),
    Kind("partner", "partners/*.yaml", "partner.schema.json", "slug"),
    Kind("topic", "topics/*.yaml", "topic.schema.json", "slug"),
    Kind("sources", "sources/*.yaml", "sources.schema.json", None),
    Kind("series", "series/*.yaml", "series.schema.json", "id"),
    Kind("measures", "measures.yaml", "measures.schema.json", None),
    Kind("claims", "claims.yaml", "claims.schema.json", None),
)


def data_files(data_dir: Path) -> list[tuple[Kind, Path]]:
    found = []
    for kind in KINDS:
        found.extend((kind, path) for path in sorted(data_dir.glob(kind.pattern)))
    return found


def stray_files(data_dir: Path) -> list[Path]:
    """YAML files in data/ that no kind claims: most likely a misplaced or misnamed file."""
    claimed = {path for _, path in data_files(data_dir)}
    return sorted(p for p in data_dir.rglob("*") if p.suffix in (".yaml", ".yml") and p not in claimed)
