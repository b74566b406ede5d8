"""Data sets built in memory for the rules' own tests: no files, no YAML, just the parsed values."""

from __future__ import annotations

import datetime
from pathlib import Path

from nkexports.docset import Doc, DocSet
from nkexports.kinds import kind
from nkexports.yamlfile import YamlFile

TODAY = datetime.date(2026, 11, 22)
INDICATORS = {"indicators": [
    {"id": "exports-value", "label": "Exports (value)", "definition": "d", "unit_kind": "money", "aggregation": "sum"},
    {"id": "partner-share-of-trade", "label": "Share", "definition": "d", "unit_kind": "share", "aggregation": "none"},
    {"id": "other", "label": "Other", "definition": "d", "unit_kind": "any", "aggregation": "none"},
]}
REPORTERS = {"reporters": [
    {"id": "kotra", "name": "KOTRA", "kind": "government", "method": "m", "revises": True},
    {"id": "china-customs", "name": "China customs", "kind": "customs", "method": "m", "revises": False},
]}


def doc(kind_name: str, name: str, data: dict) -> Doc:
    return Doc(kind(kind_name), Path(name), YamlFile(f"data/{name}", data, {}))


def observation(**fields) -> dict:
    return {"indicator": "exports-value", "reporter": "kotra", "period": 2020, "amount": 100, "unit": "USD", **fields}


def page(slug: str, *observations: dict, kind_name: str = "category") -> Doc:
    fact = {"id": f"{slug}-fact", "topic": "figures", "statement": "s", "sources": ["s1"],
            "observations": list(observations)}
    return doc(kind_name, f"{kind_name}/{slug}.yaml", {"slug": slug, "title": slug, "summary": "s",
                                                      "last_verified": "2026-01-01", "facts": [fact]})


def series(ident: str, *points: dict, **header) -> Doc:
    return doc("series", f"series/{ident}.yaml", {"id": ident, "title": "t", "description": "d",
                                                  "indicator": "exports-value", "reporter": "kotra", "unit": "USD",
                                                  **header, "points": list(points)})


def docset(*docs: Doc) -> DocSet:
    return DocSet([doc("indicators", "indicators.yaml", INDICATORS), doc("reporters", "reporters.yaml", REPORTERS),
                   *docs])


def messages(rule, docs: DocSet) -> list[str]:
    return [f"{p.where}: {p.what}" for p in rule.check(docs, TODAY)]
