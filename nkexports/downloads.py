"""The whole dataset as files readers can download: CSV and JSON, plus the JSON Schemas."""

from __future__ import annotations

from dataclasses import asdict

from .dataset import Dataset
from .escape import csv_table, json_text
from .layout import SCHEMA_DIR

DOWNLOAD_DIR = "downloads"
FACT_COLUMNS = ["fact_id", "page_kind", "page_slug", "topic", "statement", "sources", "partners", "categories",
                "amount", "unit", "period", "measure", "reporter"]
SERIES_COLUMNS = ["series_id", "title", "measure", "reporter", "unit", "partner", "category", "period", "amount",
                  "sources", "note"]
SOURCE_COLUMNS = ["id", "kind", "publisher", "title", "author", "published", "url", "accessed", "archived_url",
                  "primary_source", "document_symbol"]


def _joined(values: list[str]) -> str:
    return ";".join(values)


def facts_json(data: Dataset) -> list[dict]:
    # Built field by field: a fact refers to its page, which refers back to the fact.
    return [dict(id=f.id, page_kind=f.page.kind, page_slug=f.page.slug, topic=f.topic, statement=f.statement,
                 values=[asdict(v) for v in f.values], partners=f.partners, categories=f.categories,
                 sources=f.sources) for f in data.facts()]


def fact_rows(data: Dataset) -> list[dict]:
    """One row per figure; a fact without figures gets one row with the figure columns empty."""
    rows = []
    for fact in data.facts():
        base = dict(fact_id=fact.id, page_kind=fact.page.kind, page_slug=fact.page.slug, topic=fact.topic,
                    statement=fact.statement, sources=_joined(fact.sources), partners=_joined(fact.partners),
                    categories=_joined(fact.categories))
        for value in fact.values or [None]:
            rows.append({**base, **(asdict(value) if value else {})})
    return rows


def series_rows(data: Dataset) -> list[dict]:
    return [dict(series_id=s.id, title=s.title, measure=s.measure, reporter=s.reporter, unit=s.unit,
                 partner=s.partner or "", category=s.category or "", period=p.period, amount=p.amount,
                 sources=_joined(p.sources), note=p.note or "")
            for s in data.series.values() for p in s.points]


def download_files(data: Dataset) -> dict[str, str]:
    """File path under the site -> content."""
    sources = [{k: v for k, v in asdict(s).items() if k != "file"} for s in data.sources.values()]
    series = [{k: v for k, v in asdict(s).items() if k != "file"} for s in data.series.values()]
    files = {
        "facts.csv": csv_table(FACT_COLUMNS, fact_rows(data)),
        "facts.json": json_text(facts_json(data), indent=1),
        "series.csv": csv_table(SERIES_COLUMNS, series_rows(data)),
        "series.json": json_text(series, indent=1),
        "sources.csv": csv_table(SOURCE_COLUMNS, [{k: s.get(k) or "" for k in SOURCE_COLUMNS} for s in sources]),
        "sources.json": json_text(sources, indent=1),
        "measures.json": json_text([asdict(m) for m in data.measures], indent=1),
        "claims.json": json_text({"articles": [asdict(a) for a in data.articles.values()],
                                   "claims": [asdict(c) for c in data.claims]}, indent=1),
    }
    for schema in sorted(SCHEMA_DIR.glob("*.schema.json")):
        files[f"schemas/{schema.name}"] = schema.read_text()
    return {f"{DOWNLOAD_DIR}/{name}": content for name, content in files.items()}
