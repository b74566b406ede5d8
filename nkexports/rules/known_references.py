"""Every id a file refers to exists: sources, partner and category slugs, claim articles."""

from ..problems import Problem, dotted
from ..suggest import did_you_mean

# What a figure writes for "every product" and "every partner", and for a scope no page names.
PRODUCT_WORDS = ("all-goods", "goods-group")
PARTNER_WORDS = ("world", "other")


def _unknown(doc, where, kind, ident, listed_in, known=()):
    return Problem(doc.yaml.path, doc.yaml.line(where), dotted(where),
                   f"unknown {kind} '{ident}'{did_you_mean(ident, known)}",
                   f"use an id listed in {listed_in}" + (", or add it there" if kind == "source" else ""))


def _check_list(doc, where, entry, key, kind, known, listed_in):
    values = entry.get(key)
    if isinstance(values, list):
        for index, ident in enumerate(values):
            if isinstance(ident, str) and ident not in known:
                yield _unknown(doc, where + (key, index), kind, ident, listed_in, known)


def _check_one(doc, where, entry, key, kind, known, listed_in):
    ident = entry.get(key)
    if isinstance(ident, str) and ident not in known:
        yield _unknown(doc, where + (key,), kind, ident, listed_in, known)


def check(docs, today):
    sources = docs.source_ids()
    partners = docs.slugs("partner")
    categories = docs.slugs("category")
    articles = {a.get("id") for d in docs.of("claims") for _, a in d.items("articles")}
    for doc, where, entry in docs.citing():
        if docs.sources_readable():
            yield from _check_list(doc, where, entry, "sources", "source", sources, "data/sources/")
        yield from _check_list(doc, where, entry, "partners", "partner", partners, "data/partners/")
        yield from _check_list(doc, where, entry, "categories", "category", categories, "data/categories/")
        yield from _check_one(doc, where, entry, "article", "article", articles, "the articles list of data/claims.yaml")
        if "observations" not in where:
            yield from _check_one(doc, where, entry, "partner", "partner", partners, "data/partners/")
        for effect_where, effect in _effects(where, entry):
            yield from _check_one(doc, effect_where, effect, "category", "category", categories, "data/categories/")
    described = [(doc, (), doc.data) for doc in docs.of("series")] + list(docs.observations())
    for doc, where, entry in described:
        yield from _check_one(doc, where, entry, "partner", "partner", partners | set(PARTNER_WORDS),
                              "data/partners/ (or world, or other with a place)")
        yield from _check_one(doc, where, entry, "product", "category", categories | set(PRODUCT_WORDS),
                              "data/categories/ (or all-goods, or goods-group with a label)")


def _effects(where, entry):
    effects = entry.get("effects")
    if isinstance(effects, list):
        for index, effect in enumerate(effects):
            if isinstance(effect, dict):
                yield where + ("effects", index), effect
