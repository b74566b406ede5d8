"""Figures within what they can be: a share is at most 100%, and no amount is absurdly large
or absurdly small (amounts are in full units)."""

import math

from ..problems import Problem, dotted

LARGEST_AMOUNT = 1e13  # ten trillion: far above any North Korean trade, money or tonnage figure
# Currencies worth a small fraction of a dollar: the same ceiling in dollars is a larger count of units.
LARGEST_BY_UNIT = {"KRW": 1e17, "JPY": 1e15, "RUB": 1e15}
SMALLEST_AMOUNT = 1e-6  # below a millionth of a unit, a figure other than zero is a typing slip


def _amounts(docs):
    for doc, where, observation in docs.observations():
        yield doc, where, observation, observation.get("unit")
    for doc in docs.of("series"):
        for where, point in doc.items("points"):
            yield doc, where, point, doc.data.get("unit")


# A rise can exceed 100% (exports that tripled rose 200%); a share or a fall cannot.
GROWING = {"growth"}


def check(docs, today):
    for doc, where, value, unit in _amounts(docs):
        amount = value.get("amount")
        if not isinstance(amount, (int, float)) or isinstance(amount, bool) or not math.isfinite(amount):
            continue  # the schema or the reader reports these
        at = where + ("amount",)
        if unit == "percent" and amount > 100 and value.get("indicator") not in GROWING:
            yield Problem(doc.yaml.path, doc.yaml.line(at), dotted(at), f"a share of {amount}% is above 100%",
                          "give the percentage as a number from 0 to 100")
        elif amount > LARGEST_BY_UNIT.get(unit, LARGEST_AMOUNT):
            yield Problem(doc.yaml.path, doc.yaml.line(at), dotted(at), f"{amount:,} is implausibly large" if isinstance(amount, int) else f"{amount:,.0f} is implausibly large",
                          "check the number of zeros: amounts are in full units")
        elif 0 < amount < SMALLEST_AMOUNT:
            yield Problem(doc.yaml.path, doc.yaml.line(at), dotted(at), f"{amount!r} is implausibly small",
                          "check the decimal point: amounts are in full units")
