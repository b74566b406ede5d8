"""What is written in two places agrees: schema fields, model fields, download columns and label maps.

Each pair below would otherwise be kept in step by hand; adding a field to a schema without the
model (or a unit without its label) fails here, with the difference named, instead of as a
traceback in the middle of a build.
"""

from __future__ import annotations

import dataclasses
import json

import pytest

from nkexports import dataset, downloads, numbers, render, topics
from nkexports.cite import KIND_LABELS
from nkexports.kinds import KINDS, SCHEMA_DIR
from nkexports.rules.vocabulary import UNIT_KINDS


def _schema(name: str) -> dict:
    return json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))


COMMON = _schema("common.schema.json")["$defs"]


def _fields(cls) -> set[str]:
    return {f.name for f in dataclasses.fields(cls)}


def _items(schema: str, key: str) -> dict:
    return _schema(schema)["properties"][key]["items"]["properties"]


# The model's fields that no data file writes: where an entry came from, and links back.
DERIVED = {"file", "page", "written_in"}


@pytest.mark.parametrize(("model", "properties"), [
    (dataset.Observation, COMMON["observation"]["properties"]),
    (dataset.Source, _items("sources.schema.json", "sources")),
    (dataset.Indicator, _items("indicators.schema.json", "indicators")),
    (dataset.Reporter, _items("reporters.schema.json", "reporters")),
    (dataset.Measure, _items("measures.schema.json", "measures")),
    (dataset.Effect, _items("measures.schema.json", "measures")["effects"]["items"]["properties"]),
    (dataset.Claim, _items("claims.schema.json", "claims")),
    (dataset.Article, _items("claims.schema.json", "articles")),
    (dataset.Fact, COMMON["fact"]["properties"]),
], ids=lambda value: getattr(value, "__name__", ""))
def test_model_fields_are_the_schema_fields(model, properties):
    # A range's low end is written `low` and held as the amount, which its high end follows.
    written_as_amount = {"low"} if model is dataset.Observation else set()
    assert _fields(model) - DERIVED == set(properties) - written_as_amount


@pytest.mark.parametrize("schema", ["category.schema.json", "partner.schema.json", "topic.schema.json"])
def test_a_page_has_every_field_a_page_file_may_give(schema):
    properties = set(_schema(schema)["properties"])
    assert properties <= _fields(dataset.Page)
    assert _fields(dataset.Page) - DERIVED - {"kind"} == set().union(
        *(_schema(s)["properties"] for s in ("category.schema.json", "partner.schema.json", "topic.schema.json")))


def test_a_series_point_is_an_observation_and_the_header_fills_the_rest():
    series = _schema("series.schema.json")["properties"]
    points = set(series["points"]["items"]["properties"])
    # frequency says which periods the series selects: no field of its points.
    header = set(series) - {"points", "id", "title", "description", "frequency"}
    assert points | header | {"id"} <= set(COMMON["observation"]["properties"])
    assert header == set(dataset.SERIES_DEFAULTS)
    assert _fields(dataset.Series) - DERIVED == set(series) - {"points"}


def test_every_observation_field_is_a_download_column():
    columns = {name for name, _, _ in downloads.OBSERVATION_COLUMNS}
    renamed = {"amount": "value"}
    for field in set(COMMON["observation"]["properties"]) - {"differs_from", "reason"}:
        assert renamed.get(field, field) in columns, field


def test_every_source_field_is_a_download_column():
    assert set(downloads.SOURCE_COLUMNS) == set(_items("sources.schema.json", "sources"))


def test_label_maps_cover_their_enums():
    enum = lambda definition: set(definition["enum"])  # noqa: E731
    assert set(KIND_LABELS) == enum(_items("sources.schema.json", "sources")["kind"])
    assert set(numbers.QUALIFIER_WORDS) == enum(COMMON["qualifier"])
    assert set(numbers.CURRENCY_PREFIX) | set(numbers.UNIT_NAMES) | {"percent"} == enum(COMMON["unit"])
    assert set(render.EFFECT_LABELS) == enum(_items("measures.schema.json", "measures")["effects"]["items"]["properties"]["effect"])
    assert set(render.VERDICT_LABELS) == enum(_items("claims.schema.json", "claims")["verdict"])
    for kind, headings in topics.HEADINGS.items():
        assert {topic for topic, _, _ in headings} == enum(COMMON["fact"]["properties"]["topic"]), kind
    assert set(UNIT_KINDS) | {"any"} == enum(_items("indicators.schema.json", "indicators")["unit_kind"])
    assert set().union(*UNIT_KINDS.values()) == enum(COMMON["unit"])


def test_every_kind_has_its_schema_and_every_schema_a_kind():
    assert {kind.schema for kind in KINDS} | {"common.schema.json"} == {p.name for p in SCHEMA_DIR.glob("*.schema.json")}
    assert set(topics.HEADINGS) == {kind.name for kind in KINDS if kind.has_pages}
