"""The one registry of data-file kinds: where each lives, its schema, its page, its entries.

Every list that depends on the kinds (files to read, entries with ids, entries that cite
sources, page sections, addresses the site keeps for itself) derives from KINDS, so that a
new kind registered here is checked, rendered and downloaded everywhere at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"


@dataclass(frozen=True)
class EntryList:
    """A list of mappings inside a file: facts, sources, series points."""
    key: str  # the field holding the list, e.g. "facts"
    label: str  # what one entry is called in messages, e.g. "fact"
    cites: bool  # whether each entry carries `sources`
    has_ids: bool = True


@dataclass(frozen=True)
class Kind:
    name: str
    pattern: str  # glob under data/
    schema: str
    named_by: str | None  # the field whose value must equal the file name, if any
    entries: tuple[EntryList, ...] = ()
    section: str | None = None  # for kinds with one page per file: the URL section ("categories/")
    section_index: str | None = None  # the hand-written index page the section's nav starts from
    # The reader-facing words each edition translates (nkexports/translations.py), as paths:
    # "title" is a field of the file, "facts[].statement" a field of each entry of a list.
    translated: tuple[str, ...] = ()

    @property
    def has_pages(self) -> bool:
        return self.section is not None

    @property
    def folder(self) -> str:
        return self.pattern.rsplit("/", 1)[0] + "/" if "/" in self.pattern else ""


FACTS = EntryList("facts", "fact", cites=True)

_FACT_TEXTS = ("facts[].statement",) + tuple(f"facts[].observations[].{name}"
                                           for name in ("label", "via", "place", "note", "reason"))

KINDS = (
    Kind("category", "categories/*.yaml", "category.schema.json", "slug", (FACTS,), "categories/", "categories/index.md",
         ("title", "summary", "also_known_as") + _FACT_TEXTS),
    Kind("partner", "partners/*.yaml", "partner.schema.json", "slug", (FACTS,), "partners/", "partners/index.md",
         ("title", "summary", "region", "also_known_as") + _FACT_TEXTS),
    Kind("topic", "topics/*.yaml", "topic.schema.json", "slug", (FACTS,), "", translated=("title", "summary") + _FACT_TEXTS),
    Kind("sources", "sources/*.yaml", "sources.schema.json", None, (EntryList("sources", "source", cites=False),)),
    Kind("series", "series/*.yaml", "series.schema.json", "id",
         (EntryList("points", "series point", cites=True, has_ids=False),),
         translated=("title", "description", "label", "via", "points[].note", "points[].reason")),
    Kind("measures", "measures.yaml", "measures.schema.json", None, (EntryList("measures", "measure", cites=True),),
         translated=("measures[].title", "measures[].imposed_by", "measures[].summary", "measures[].effects[].detail")),
    Kind("claims", "claims.yaml", "claims.schema.json", None,
         (EntryList("claims", "claim", cites=True), EntryList("articles", "article", cites=False)),
         translated=("claims[].claim", "claims[].evidence")),
    Kind("indicators", "indicators.yaml", "indicators.schema.json", None,
         (EntryList("indicators", "indicator", cites=False),), translated=("indicators[].label", "indicators[].definition")),
    Kind("reporters", "reporters.yaml", "reporters.schema.json", None, (EntryList("reporters", "reporter", cites=True),),
         translated=("reporters[].name", "reporters[].method")),
)
_BY_NAME = {kind.name: kind for kind in KINDS}
PAGE_KINDS = tuple(kind.name for kind in KINDS if kind.has_pages)


def kind(name: str) -> Kind:
    """The registered kind called `name`; an unknown name is a programming error, never skipped."""
    try:
        return _BY_NAME[name]
    except KeyError:
        raise KeyError(f"unknown kind of data file '{name}'; registered: {', '.join(_BY_NAME)}") from None


def page_section(kind_name: str) -> str:
    found = kind(kind_name)
    if not found.has_pages:
        raise KeyError(f"'{kind_name}' files have no pages of their own")
    return found.section


def data_files(data_dir: Path) -> list[tuple[Kind, Path]]:
    found = []
    for registered in KINDS:
        found.extend((registered, path) for path in sorted(data_dir.glob(registered.pattern)))
    return found


def stray_files(data_dir: Path) -> list[Path]:
    """YAML files in data/ that no kind claims: most likely a misplaced or misnamed file."""
    claimed = {path for _, path in data_files(data_dir)}
    return sorted(p for p in data_dir.rglob("*") if p.suffix in (".yaml", ".yml") and p not in claimed)


def known_places() -> str:
    """Where data files go, for the message about a file in no known place."""
    return ", ".join(f"data/{k.folder or k.pattern}" for k in KINDS)
