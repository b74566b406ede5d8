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
    {"id": "imports-value", "label": "Imports (value)", "definition": "d", "unit_kind": "money", "aggregation": "sum"},
    {"id": "trade-value", "label": "Trade (value)", "definition": "d", "unit_kind": "money", "aggregation": "sum"},
    {"id": "exports-volume", "label": "Exports (volume)", "definition": "d", "unit_kind": "quantity", "aggregation": "sum"},
    {"id": "product-share-of-exports", "label": "Share", "definition": "d", "unit_kind": "share", "aggregation": "none"},
    {"id": "partner-share-of-exports", "label": "Share", "definition": "d", "unit_kind": "share", "aggregation": "none"},
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


def docset(*docs: Doc, reporters: dict | None = None) -> DocSet:
    return DocSet([doc("indicators", "indicators.yaml", INDICATORS),
                   doc("reporters", "reporters.yaml", reporters or REPORTERS), *docs])


def messages(rule, docs: DocSet) -> list[str]:
    return [f"{p.where}: {p.what}" for p in rule.check(docs, TODAY)]


SOURCES = {"sources": [
    {"id": "s1", "kind": "news", "publisher": "P", "title": "A news report", "published": "2025-01-01",
     "url": "https://example.org/s1", "accessed": "2026-01-01"},
    {"id": "report", "kind": "report", "publisher": "KOTRA", "title": "KOTRA's own report", "published": "2025-07-01",
     "url": "https://example.org/report", "accessed": "2026-01-01"},
]}


def figure(ident: str, **fields) -> dict:
    """A complete observation as a file writes it: every scope field stated."""
    return {"id": ident, "coverage": "whole", "product": "all-goods", "partner": "world", "sources": ["s1"],
            **observation(**fields)}


def dataset(*docs: Doc, measures: list | None = None, hs_codes: dict | None = None, reporters: dict | None = None):
    """A Dataset of these documents plus the vocabulary (`reporters` in place of REPORTERS), sources, a
    category page per product named by a figure, a partner page per partner, and `measures`: for the
    views' own tests."""
    from nkexports.dataset import Dataset
    named = {"category": set(hs_codes or {}), "partner": set()}
    for d in docs:
        for _, fact in d.items("facts"):
            for o in fact.get("observations", []):
                if o.get("product") not in (None, "all-goods", "goods-group"):
                    named["category"].add(o["product"])
                if o.get("partner") not in (None, "world", "other"):
                    named["partner"].add(o["partner"])
    present = {(d.kind.name, d.data.get("slug")) for d in docs}
    pages = [doc(kind_name, f"{kind_name}/{slug}.yaml",
                 {"slug": slug, "title": slug.title(), "summary": "s", "last_verified": "2026-01-01",
                  "hs_codes": (hs_codes or {}).get(slug, []), "facts": []} if kind_name == "category" else
                 {"slug": slug, "title": slug.title(), "summary": "s", "last_verified": "2026-01-01", "facts": []})
             for kind_name, slugs in named.items() for slug in sorted(slugs) if (kind_name, slug) not in present]
    extra = [doc("measures", "measures.yaml", {"last_verified": "2026-01-01", "measures": measures})] if measures else []
    return Dataset.from_docs(docset(doc("sources", "sources/s.yaml", SOURCES), *docs, *pages, *extra,
                                    reporters=reporters))
