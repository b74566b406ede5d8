"""Check a parsed data file against its JSON Schema and word each error for a contributor."""

from __future__ import annotations

import json
import re
from functools import lru_cache

import fastjsonschema
import jsonschema
from referencing import Registry, Resource

from .kinds import KINDS, SCHEMA_DIR, Kind
from .problems import Problem, dotted
from .yamlfile import YamlFile

# JSON Schema patterns are ECMA-262 regular expressions, in which `$` matches only at the very
# end; in Python's `re` it also matches before a final line break, so "2024-01-01\n" would pass
# ^...$ and an id could end in a newline. fastjsonschema makes the same substitution.
_DOLLAR = re.compile(r"(?<!\\)\$")


def pattern_matches(pattern: str, text: str) -> bool:
    """Whether `text` matches a JSON Schema `pattern`, as an ECMA-262 engine (an editor) decides."""
    return re.search(_DOLLAR.sub(r"\\Z", pattern), text) is not None


def pattern_of(definition: str) -> str:
    """The pattern of a shared definition in common.schema.json, e.g. 'url'."""
    return _registry().contents("common.schema.json")["$defs"][definition]["pattern"]


def _pattern(validator, pattern, instance, schema):
    if validator.is_type(instance, "string") and not pattern_matches(pattern, instance):
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


_Validator = jsonschema.validators.extend(jsonschema.Draft202012Validator, {"pattern": _pattern})

_TYPE_NAMES = {"string": "text", "integer": "a whole number", "number": "a number",
               "object": "a mapping of fields", "array": "a list", "boolean": "true or false"}


@lru_cache(maxsize=None)
def _registry() -> Registry:
    resources = [(p.name, Resource.from_contents(json.loads(p.read_text())))
                 for p in SCHEMA_DIR.glob("*.schema.json")]
    return Registry().with_resources(resources)


@lru_cache(maxsize=None)
def _validator(schema_name: str):
    schema = _registry().contents(schema_name)
    return _Validator(schema, registry=_registry())


@lru_cache(maxsize=None)
def _fast_validator(schema_name: str):
    """A compiled validator for the common case, valid data; it stops at the first error, so
    invalid data goes on to jsonschema, which lists every error with its place."""
    common = _registry().contents("common.schema.json")
    text = json.dumps(_registry().contents(schema_name)).replace('"common.schema.json#/$defs/', '"#/$defs/')
    bundled = json.loads(text)
    bundled["$defs"] = {**common["$defs"], **bundled.get("$defs", {})}
    return fastjsonschema.compile(bundled)


def _found(value) -> str:
    """How a wrong value is named back to the contributor."""
    if isinstance(value, str):
        return f"text '{value}'" if len(value) < 60 else "text"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, float)):
        return f"the number {value}"
    return "a mapping" if isinstance(value, dict) else "a list" if isinstance(value, list) else "nothing"


def _words(error: jsonschema.ValidationError) -> tuple[str, str]:
    hint = error.schema.get("x-hint", "see the field reference in CONTRIBUTING.md") if isinstance(error.schema, dict) else ""
    kind = error.validator
    if kind == "required":
        missing = error.message.split("'")[1]
        return f"missing required field '{missing}'", "add it (see the template in CONTRIBUTING.md)"
    if kind == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        return "unknown field '{field}'", f"remove it or correct its spelling; allowed here: {', '.join(allowed)}"
    if kind == "type":
        wanted = error.validator_value
        wanted = [wanted] if isinstance(wanted, str) else wanted
        names = " or ".join(_TYPE_NAMES[w] for w in wanted)
        return f"expected {names}, found {_found(error.instance)}", hint
    if kind == "enum":
        return f"'{error.instance}' is not allowed here", hint
    if kind == "pattern":
        return f"{_found(error.instance)} is not in the expected form", hint
    if kind in ("minimum", "exclusiveMinimum"):
        return f"{error.instance} is below the minimum of {error.validator_value}", hint
    if kind in ("maximum", "exclusiveMaximum"):
        return f"{error.instance} is above the maximum of {error.validator_value}", hint
    if kind == "minItems":
        return "the list is empty" if not error.instance else "the list is too short", hint
    if kind == "minLength":
        return "the text is empty", hint
    if kind == "maxLength":
        return f"the text is {len(error.instance)} characters, over the limit of {error.validator_value}", hint
    if kind == "uniqueItems":
        return "the list repeats an entry", "give each entry once"
    return error.message, hint


def schema_problems(doc: YamlFile, schema_name: str) -> list[Problem]:
    try:
        _fast_validator(schema_name)(doc.data)
        return []
    except fastjsonschema.JsonSchemaException:
        pass
    problems = []
    for error in _validator(schema_name).iter_errors(doc.data):
        where = tuple(error.absolute_path)
        what, fix = _words(error)
        if error.validator == "additionalProperties":
            # One message per unknown field, each on its own line.
            for field in sorted(set(error.instance) - set(error.schema.get("properties", {}))):
                at = where + (field,)
                problems.append(Problem(doc.path, doc.line(at), dotted(at), what.format(field=field), fix))
            continue
        problems.append(Problem(doc.path, doc.line(where), dotted(where), what, fix))
    return problems


def misplaced_as(data, kind: Kind) -> Kind | None:
    """The kind a file found among `kind` files belongs to, when its top-level fields say so: the
    fields its own schema rejects all belong to that kind, which has every field it requires.
    Without this, a partner file in data/categories/ would be told to drop `region`, and so be
    published as a category."""
    if not isinstance(data, dict):
        return None
    own = _registry().contents(kind.schema).get("properties", {})
    foreign = set(data) - set(own)
    if not foreign:
        return None
    for other in KINDS:
        schema = _registry().contents(other.schema)
        if other != kind and foreign <= set(schema.get("properties", {})) and set(schema.get("required", [])) <= set(data):
            return other
    return None
