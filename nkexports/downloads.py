"""The whole dataset as files readers can download: CSV and JSON, a Data Package, the JSON Schemas."""

from __future__ import annotations

from dataclasses import asdict

from .dataset import Dataset, Observation
from .escape import csv_table, json_text
from .kinds import SCHEMA_DIR
from .urls import DOWNLOAD_DIR

# name, Frictionless type, description: the one list the CSV, the JSON and the Data Package share.
OBSERVATION_COLUMNS = (
    ("id", "string", "Stable id of the figure; on the site it is an anchor on the page where the figure is given."),
    ("indicator", "string", "What is measured: an id from indicators.json."),
    ("reporter", "string", "Whose figure it is: an id from reporters.json."),
    ("period", "string", "ISO 8601 year, month or interval: 2016, 2016-11, 2016-01/2016-09."),
    ("period_start", "string", "First month of the period, YYYY-MM."),
    ("period_end", "string", "Last month of the period, YYYY-MM."),
    ("partner", "string", "Partner page slug; empty for trade with the whole world."),
    ("product", "string", "Category page slug; empty for all goods."),
    ("hs", "string", "Harmonized System code, where the figure is for one."),
    ("place", "string", "A country or region without a partner page."),
    ("value", "number", "The figure in full units."),
    ("unit", "string", "Currency code (USD, CNY, ...) or physical unit (tonnes, percent, ...)."),
    ("qualifier", "string", "The source's hedge: about, over, almost, up-to, at-least, low-estimate, high-estimate, estimate."),
    ("label", "string", "Exactly what is counted, where indicator, partner and product do not say it all."),
    ("via", "string", "Who compiled or relayed the reporter's figure."),
    ("edition", "string", "For reporters that revise: when the edition the figure comes from was published."),
    ("sources", "string", "Ids of the sources, separated by semicolons; see sources.csv."),
    ("written_in", "string", "The fact or series the figure is written in."),
    ("note", "string", "What a reader needs to know about the figure."),
)
FACT_COLUMNS = ["fact_id", "page_kind", "page_slug", "topic", "statement", "sources", "partners", "categories",
                "observation_id", "indicator", "reporter", "period", "amount", "unit"]
SERIES_COLUMNS = ["series_id", "title", "indicator", "reporter", "unit", "partner", "product", "period", "amount",
                  "sources", "note"]
SOURCE_COLUMNS = ["id", "kind", "publisher", "title", "author", "published", "url", "accessed", "archived_url",
                  "primary_source", "document_symbol"]


def _joined(values) -> str:
    return ";".join(values)


def _month(end: tuple[int, int]) -> str:
    return f"{end[0]:04d}-{end[1]:02d}"


def observation_record(observation: Observation) -> dict:
    """One observation as a flat record, in OBSERVATION_COLUMNS order; absent fields are None."""
    values = dict(
        id=observation.id, indicator=observation.indicator, reporter=observation.reporter,
        period=observation.period.iso, period_start=_month(observation.period.start),
        period_end=_month(observation.period.end), partner=observation.partner, product=observation.product,
        hs=observation.hs, place=observation.place, value=observation.amount, unit=observation.unit,
        qualifier=observation.qualifier, label=observation.label, via=observation.via, edition=observation.edition,
        sources=list(observation.sources), written_in=observation.written_in, note=observation.note)
    return {name: values[name] for name, _, _ in OBSERVATION_COLUMNS}


def observation_rows(data: Dataset) -> list[dict]:
    rows = []
    for observation in data.observations:
        record = observation_record(observation)
        record["sources"] = _joined(record["sources"])
        rows.append({k: "" if v is None else v for k, v in record.items()})
    return rows


def data_package(data: Dataset) -> dict:
    """A Frictionless Data Package descriptor for observations.csv and the tables it refers to."""
    fields = [{"name": name, "type": kind, "description": text} for name, kind, text in OBSERVATION_COLUMNS]
    return {
        "name": "north-korea-exports",
        "title": "North Korea's exports: sourced observations",
        "licenses": [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
                      "title": "Creative Commons Attribution 4.0"}],
        "resources": [
            {"name": "observations", "path": "observations.csv", "format": "csv", "mediatype": "text/csv",
             "encoding": "utf-8",
             "schema": {"fields": fields, "primaryKey": ["id"],
                        "missingValues": [""]}},
            {"name": "sources", "path": "sources.csv", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
             "schema": {"fields": [{"name": c, "type": "string"} for c in SOURCE_COLUMNS], "primaryKey": ["id"],
                        "missingValues": [""]}},
        ],
    }


def facts_json(data: Dataset) -> list[dict]:
    # Built field by field: a fact refers to its page, which refers back to the fact.
    return [dict(id=f.id, page_kind=f.page.kind, page_slug=f.page.slug, topic=f.topic, statement=f.statement,
                 observations=[observation_record(o) for o in f.observations], partners=f.partners,
                 categories=f.categories, sources=f.sources) for f in data.facts()]


def fact_rows(data: Dataset) -> list[dict]:
    """One row per figure; a fact without figures gets one row with the figure columns empty."""
    rows = []
    for fact in data.facts():
        base = dict(fact_id=fact.id, page_kind=fact.page.kind, page_slug=fact.page.slug, topic=fact.topic,
                    statement=fact.statement, sources=_joined(fact.sources), partners=_joined(fact.partners),
                    categories=_joined(fact.categories))
        for o in fact.observations or [None]:
            figure = dict(observation_id=o.id, indicator=o.indicator, reporter=o.reporter, period=o.period.iso,
                          amount=o.amount, unit=o.unit) if o else {}
            rows.append({**base, **figure})
    return rows


def series_rows(data: Dataset) -> list[dict]:
    return [dict(series_id=s.id, title=s.title, indicator=s.indicator, reporter=s.reporter, unit=s.unit,
                 partner=s.partner or "", product=s.product or "", period=o.period.iso, amount=o.amount,
                 sources=_joined(o.sources), note=o.note or "")
            for s in data.series.values() for o in data.series_points(s)]


def _json(value) -> str:
    return json_text(value, indent=1)


def download_files(data: Dataset) -> dict[str, str]:
    """File path under the site -> content."""
    sources = [{k: v for k, v in asdict(s).items() if k != "file"} for s in data.sources.values()]
    series = [{**{k: v for k, v in asdict(s).items() if k != "file"},
               "points": [observation_record(o) for o in data.series_points(s)]} for s in data.series.values()]
    files = {
        "observations.csv": csv_table([name for name, _, _ in OBSERVATION_COLUMNS], observation_rows(data)),
        "observations.json": _json([observation_record(o) for o in data.observations]),
        "datapackage.json": _json(data_package(data)),
        "indicators.json": _json([asdict(i) for i in data.indicators.values()]),
        "reporters.json": _json([asdict(r) for r in data.reporters.values()]),
        "facts.csv": csv_table(FACT_COLUMNS, fact_rows(data)),
        "facts.json": _json(facts_json(data)),
        "series.csv": csv_table(SERIES_COLUMNS, series_rows(data)),
        "series.json": _json(series),
        "sources.csv": csv_table(SOURCE_COLUMNS, [{k: s.get(k) or "" for k in SOURCE_COLUMNS} for s in sources]),
        "sources.json": _json(sources),
        "measures.json": _json([asdict(m) for m in data.measures]),
        "claims.json": _json({"articles": [asdict(a) for a in data.articles.values()],
                              "claims": [asdict(c) for c in data.claims]}),
    }
    for schema in sorted(SCHEMA_DIR.glob("*.schema.json")):
        files[f"schemas/{schema.name}"] = schema.read_text()
    return {f"{DOWNLOAD_DIR}/{name}": content for name, content in files.items()}
