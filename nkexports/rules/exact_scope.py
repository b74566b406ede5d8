"""Every figure says exactly what it covers: which goods, whose trade, and how much of its period.
A figure that names no product is never taken for all goods, nor one without a partner for the world."""

from ..problems import Problem, dotted

COVERAGE_NEEDS_LABEL = {"partial": "which part (e.g. 'January to October', 'Dandong customs only')",
                        "average": "what is averaged (e.g. 'average per month')"}


def check(docs, today):
    for doc, where, entry in docs.observations():
        yield from _scope_problems(doc, where, entry)


def _scope_problems(doc, where, entry):
    line = doc.yaml.line(where)
    shown = dotted(where)
    if "product" not in entry and "hs" not in entry:
        yield Problem(doc.yaml.path, line, shown, "the figure does not say which goods it covers",
                      "add product: with a category slug, all-goods, or goods-group with a label naming the goods")
    if "partner" not in entry:
        yield Problem(doc.yaml.path, line, shown, "the figure does not say whose trade it covers",
                      "add partner: with a partner slug, world (every partner), or other with a place")
    if "coverage" not in entry:
        yield Problem(doc.yaml.path, line, shown, "the figure does not say how much of its period it covers",
                      "add coverage: whole, partial (with a label saying which part), cumulative or average")
    if entry.get("product") == "goods-group" and "label" not in entry:
        yield Problem(doc.yaml.path, line, shown, "product: goods-group needs a label naming the goods",
                      "add label:, e.g. 'all minerals'")
    if entry.get("partner") == "other" and "place" not in entry:
        yield Problem(doc.yaml.path, line, shown, "partner: other needs a place naming the country or region",
                      "add place:, e.g. 'Pakistan'")
    needs = COVERAGE_NEEDS_LABEL.get(entry.get("coverage"))
    if needs and "label" not in entry:
        at = where + ("coverage",)
        yield Problem(doc.yaml.path, doc.yaml.line(at), dotted(at),
                      f"coverage: {entry['coverage']} needs a label saying {needs}", "add label:")
