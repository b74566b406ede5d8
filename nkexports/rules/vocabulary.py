"""Every observation and series names a known indicator and reporter, and its unit fits the indicator."""

from ..problems import Problem, dotted
from ..suggest import did_you_mean

UNIT_KINDS = {
    "money": {"USD", "CNY", "EUR", "JPY", "KRW", "RUB"},
    "quantity": {"tonnes", "kg", "kWh", "cubic-metres"},
    "count": {"count", "people"},
    "share": {"percent"},
}
# Indicators whose name alone does not say what is counted.
NEEDS_LABEL = {"other", "price", "reserves", "production", "export-cap", "earnings"}


def _described(docs):
    """(doc, where, mapping, unit) for every observation and for every series file's header."""
    for doc, where, observation in docs.observations():
        yield doc, where, observation, observation.get("unit")
    for doc in docs.of("series"):
        yield doc, (), doc.data, doc.data.get("unit")


def check(docs, today):
    indicators = {e.get("id"): e for d in docs.of("indicators") for _, e in d.items("indicators")}
    reporters = docs.ids("reporters", "reporters")
    for doc, where, entry, unit in _described(docs):
        indicator, reporter = entry.get("indicator"), entry.get("reporter")
        if isinstance(indicator, str) and docs.readable("indicators") and indicator not in indicators:
            at = where + ("indicator",)
            yield Problem(doc.yaml.path, doc.yaml.line(at), dotted(at),
                          f"unknown indicator '{indicator}'{did_you_mean(indicator, indicators)}",
                          "use an id listed in data/indicators.yaml, or add it there with its definition")
        if isinstance(reporter, str) and docs.readable("reporters") and reporter not in reporters:
            at = where + ("reporter",)
            yield Problem(doc.yaml.path, doc.yaml.line(at), dotted(at),
                          f"unknown reporter '{reporter}'{did_you_mean(reporter, reporters)}",
                          "use an id listed in data/reporters.yaml, or add it there with its method")
        known = indicators.get(indicator)
        if known and isinstance(unit, str):
            fitting = UNIT_KINDS.get(known.get("unit_kind"))
            if fitting is not None and unit not in fitting:
                at = where + ("unit",)
                yield Problem(doc.yaml.path, doc.yaml.line(at), dotted(at),
                              f"unit '{unit}' does not fit indicator '{indicator}', which is measured in "
                              f"{known['unit_kind']}",
                              f"use one of {', '.join(sorted(fitting))}, or choose the indicator that fits the figure")
        if indicator in NEEDS_LABEL and "label" not in entry and where:
            at = where
            yield Problem(doc.yaml.path, doc.yaml.line(at), dotted(at),
                          f"a figure of indicator '{indicator}' needs a label saying what exactly it counts",
                          "add label: with a few words, e.g. 'price per kilogram of pine mushrooms'")
    for doc in docs.of("category", "partner"):
        listed = doc.data.get("key_indicators")
        if isinstance(listed, list) and docs.readable("indicators"):
            for index, ident in enumerate(listed):
                if isinstance(ident, str) and ident not in indicators:
                    at = ("key_indicators", index)
                    yield Problem(doc.yaml.path, doc.yaml.line(at), dotted(at), f"unknown indicator '{ident}'",
                                  "use an id listed in data/indicators.yaml")
