"""The whole dataset as files readers can download: CSV and JSON, a Data Package, the JSON Schemas."""

from __future__ import annotations

from .catalog import message

from collections.abc import Mapping
from dataclasses import asdict
from typing import TYPE_CHECKING

from .dataset import Dataset, Observation
from .escape import csv_table, json_text
from .kinds import SCHEMA_DIR
from .urls import DOWNLOAD_DIR

if TYPE_CHECKING:  # figure_dates reads the history, whose diff renders pages, which link the downloads
    from .figure_dates import FigureDates

# name, Frictionless type, description: the one list the CSV, the JSON and the Data Package share.
OBSERVATION_COLUMNS = (
    ("id", "string", "Stable id of the figure; on the site it is an anchor on the page where the figure is given."),
    ("indicator", "string", "What is measured: an id from indicators.json."),
    ("reporter", "string", "Whose figure it is: an id from reporters.json."),
    ("period", "string", "ISO 8601 year, month or interval: 2016, 2016-11, 2016-01/2016-09."),
    ("period_start", "string", "First month of the period, YYYY-MM."),
    ("period_end", "string", "Last month of the period, YYYY-MM."),
    ("coverage", "string", "How much of the period the figure covers: whole; partial (label says which part); "
                           "cumulative (a sum over the range); average (label says per what)."),
    ("partner", "string", "Partner page slug; empty for trade with the whole world; 'other' for a place without a page."),
    ("product", "string", "Category page slug; empty for all goods; 'goods-group' for a group of goods the label names."),
    ("hs", "string", "Harmonized System code, where the figure is for one."),
    ("place", "string", "A country or region without a partner page, or a part of a partner."),
    ("value", "number", "The figure in full units; empty for a range, which low and high give."),
    ("low", "number", "For a range: its low end, in full units."),
    ("high", "number", "For a range: its high end, in full units."),
    ("unit", "string", "Currency code (USD, CNY, ...) or physical unit (tonnes, percent, ...)."),
    ("basis", "string", "CIF or FOB, where the source says which."),
    ("qualifier", "string", "The source's hedge: about, over, almost, up-to, at-least, estimate."),
    ("label", "string", "Exactly what is counted, where indicator, partner and product do not say it all."),
    ("via", "string", "Who compiled or relayed the reporter's figure."),
    ("edition", "string", "For reporters that revise: when the edition the figure comes from was published."),
    ("sources", "string", "Ids of the sources, separated by semicolons; see sources.csv."),
    ("written_in", "string", "The fact or series the figure is written in."),
    ("note", "string", "What a reader needs to know about the figure."),
    ("first_published", "date", "The day the figure was first published on the site under this id, from the "
                                "repository's history (figures date from when the data moved to one record per figure)."),
    ("last_changed", "date", "The day any field of the figure last changed on the site."),
    ("last_verified", "date", "The day someone last checked the figure against its source, where recorded."),
)
FACT_COLUMNS = ["fact_id", "page_kind", "page_slug", "topic", "statement", "sources", "partners", "categories",
                "observation_id", "indicator", "reporter", "period", "coverage", "amount", "high", "unit"]
SERIES_COLUMNS = ["series_id", "title", "indicator", "reporter", "unit", "partner", "product", "period", "amount",
                  "sources", "note"]
SOURCE_COLUMNS = ["id", "kind", "publisher", "title", "title_en", "title_ko", "author", "published", "url", "accessed", "archived_url",
                  "primary_source", "document_symbol"]


def _joined(values) -> str:
    return ";".join(values)


def _month(end: tuple[int, int]) -> str:
    return f"{end[0]:04d}-{end[1]:02d}"


def observation_record(observation: Observation, dates: FigureDates | None = None) -> dict:
    """One observation as a flat record, in OBSERVATION_COLUMNS order; absent fields are None. `dates`
    are the figure's days on the site (none outside a git checkout)."""
    values = dict(
        id=observation.id, indicator=observation.indicator, reporter=observation.reporter,
        period=observation.period.iso, period_start=_month(observation.period.start),
        period_end=_month(observation.period.end), coverage=observation.coverage, partner=observation.partner,
        product=observation.product, hs=observation.hs, place=observation.place,
        value=None if observation.is_range else observation.amount,
        low=observation.amount if observation.is_range else None, high=observation.high, unit=observation.unit,
        basis=observation.basis, qualifier=observation.qualifier, label=observation.label, via=observation.via, edition=observation.edition,
        sources=list(observation.sources), written_in=observation.written_in, note=observation.note,
        first_published=dates.added if dates else None, last_changed=dates.changed if dates else None,
        last_verified=observation.last_verified)
    return {name: values[name] for name, _, _ in OBSERVATION_COLUMNS}


def observation_rows(data: Dataset, dates: Mapping[str, FigureDates]) -> list[dict]:
    rows = []
    for observation in data.observations:
        record = observation_record(observation, dates.get(observation.id))
        record["sources"] = _joined(record["sources"])
        rows.append({k: "" if v is None else v for k, v in record.items()})
    return rows


# Every download: file name, what it holds, and (for a table) its columns with their types.
DOWNLOADS = (
    ("observations.csv", message("Every figure on the site, one row per observation: what is measured, whose figure, the "
                         "period and how much of it, the scope, the value or range, and the sources that state it.")),
    ("observations.json", message("The same observations as JSON.")),
    ("series.csv", message("Every point of every annual series, as the site's tables and charts show it.")),
    ("series.json", message("Every annual series with its definition and points.")),
    ("facts.csv", message("Every fact, one row per figure it gives (a fact without figures has one row); the statement "
                  "with its figures written out.")),
    ("facts.json", message("Every fact with its figures, sources and linked pages; statement_source keeps the [[id]] "
                   "placeholders.")),
    ("sources.csv", message("Every source cited, with publisher, title, dates and address.")),
    ("sources.json", message("Every source, as above.")),
    ("indicators.json", message("What each indicator measures.")),
    ("reporters.json", message("Whose figures they are, and how each reporter counts.")),
    ("measures.json", message("Every sanctions and trade measure with the categories and HS codes it affects.")),
    ("claims.json", message("The popular claims checked, with verdicts and sources.")),
)


DATA_PACKAGE = ("datapackage.json", message("A Frictionless Data Package describing every file here, its columns and the data's "
                                    "version, for tools that validate and load them."))


def listed_downloads() -> list[tuple[str, str]]:
    """(file name, what it holds) for every download, the data package's descriptor included."""
    return [DOWNLOADS[0], DOWNLOADS[1], DATA_PACKAGE, *DOWNLOADS[2:]]


def _fields(columns, types=None) -> list[dict]:
    return [{"name": name, "type": (types or {}).get(name, "string")} for name in columns]


def data_package(data: Dataset, version: str) -> dict:
    """A Frictionless Data Package descriptor for every download; the tables carry their schemas.
    `version` says which state of the data the files hold (see data_version)."""
    observation_fields = [{"name": name, "type": kind, "description": text} for name, kind, text in OBSERVATION_COLUMNS]
    tables = {
        "observations.csv": {"fields": observation_fields, "primaryKey": ["id"]},
        "series.csv": {"fields": _fields(SERIES_COLUMNS, {"amount": "number"})},
        "facts.csv": {"fields": _fields(FACT_COLUMNS, {"amount": "number", "high": "number"})},
        "sources.csv": {"fields": _fields(SOURCE_COLUMNS), "primaryKey": ["id"]},
    }
    resources = []
    for name, description in DOWNLOADS:
        stem, _, suffix = name.rpartition(".")
        resource = {"name": f"{stem}-{suffix}" if suffix == "json" else stem, "path": name,
                    "description": description, "format": suffix, "encoding": "utf-8",
                    "mediatype": "text/csv" if suffix == "csv" else "application/json"}
        if name in tables:
            resource["schema"] = {**tables[name], "missingValues": [""]}
        resources.append(resource)
    return {
        "name": "north-korea-exports",
        "title": "North Korea's exports: sourced observations",
        "description": "Every figure of the site on North Korea's exports as a record with its scope and sources, "
                       "the annual series built from them, the facts that state them, and the sources they cite.",
        "version": version,
        "licenses": [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
                      "title": "Creative Commons Attribution 4.0"}],
        "resources": resources,
    }


def data_version(date: str | None, commit: str | None) -> str:
    """The data's version as semantic versioning reads it: the date of the newest commit to data/ as
    year.month.day and the commit as build metadata ('2026.12.7+75391d6'); 0.0.0+uncommitted without one."""
    if not date or not commit:
        return "0.0.0+uncommitted"
    year, month, day = (int(part) for part in date.split("-"))
    return f"{year}.{month}.{day}+{commit}"


def facts_json(data: Dataset, dates: Mapping[str, FigureDates]) -> list[dict]:
    # Built field by field: a fact refers to its page, which refers back to the fact.
    return [dict(id=f.id, page_kind=f.page.kind, page_slug=f.page.slug, topic=f.topic,
                 statement=data.statement_text(f), statement_source=f.statement,
                 observations=[observation_record(o, dates.get(o.id)) for o in f.observations], partners=f.partners,
                 categories=f.categories, sources=f.sources) for f in data.facts()]


def fact_rows(data: Dataset) -> list[dict]:
    """One row per figure; a fact without figures gets one row with the figure columns empty."""
    rows = []
    for fact in data.facts():
        base = dict(fact_id=fact.id, page_kind=fact.page.kind, page_slug=fact.page.slug, topic=fact.topic,
                    statement=data.statement_text(fact), sources=_joined(fact.sources), partners=_joined(fact.partners),
                    categories=_joined(fact.categories))
        for o in fact.observations or [None]:
            figure = dict(observation_id=o.id, indicator=o.indicator, reporter=o.reporter, period=o.period.iso,
                          coverage=o.coverage, amount=o.amount, high="" if o.high is None else o.high,
                          unit=o.unit) if o else {}
            rows.append({**base, **figure})
    return rows


def series_rows(data: Dataset) -> list[dict]:
    return [dict(series_id=s.id, title=s.title, indicator=s.indicator, reporter=s.reporter, unit=s.unit,
                 partner=s.partner or "", product=s.product or "", period=o.period.iso, amount=o.amount,
                 sources=_joined(o.sources), note=o.note or "")
            for s in data.series.values() for o in data.series_points(s)]


def _json(value) -> str:
    return json_text(value, indent=1)


def download_files(data: Dataset, version: str, dates: Mapping[str, FigureDates] | None = None) -> dict[str, str]:
    """File path under the site -> content; `dates`: each figure's days on the site, by id."""
    dates = dates or {}
    sources = [{k: v for k, v in asdict(s).items() if k != "file"} for s in data.sources.values()]
    series = [{**{k: v for k, v in asdict(s).items() if k != "file"},
               "points": [observation_record(o, dates.get(o.id)) for o in data.series_points(s)]}
              for s in data.series.values()]
    files = {
        "observations.csv": csv_table([name for name, _, _ in OBSERVATION_COLUMNS], observation_rows(data, dates)),
        "observations.json": _json([observation_record(o, dates.get(o.id)) for o in data.observations]),
        "datapackage.json": _json(data_package(data, version)),
        "indicators.json": _json([asdict(i) for i in data.indicators.values()]),
        "reporters.json": _json([asdict(r) for r in data.reporters.values()]),
        "facts.csv": csv_table(FACT_COLUMNS, fact_rows(data)),
        "facts.json": _json(facts_json(data, dates)),
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
