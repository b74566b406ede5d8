"""Two figures of the same quantity (indicator, reporter, period, partner, product, edition) agree,
or one says it differs from the other and why: a page cannot show two "latest" figures silently."""

from __future__ import annotations

import math

from ..dataset import written_observations
from ..docset import value_at
from ..numbers import format_amount, significant_digits
from ..problems import Problem, dotted


ROUNDING_TOLERANCE = 0.05  # a round "2 million" is not taken to confirm 1.5 million


def agree(first: float, second: float) -> bool:
    """Equal once the more precise figure is rounded as the less precise one is written, and within
    five percent: 22.48 million agrees with 22.5 million, 1.18 billion does not agree with 2 billion."""
    if first == second:
        return True
    if first == 0 or second == 0 or abs(first - second) > ROUNDING_TOLERANCE * max(abs(first), abs(second)):
        return False
    coarse, fine = sorted((first, second), key=significant_digits)
    digits = significant_digits(coarse)
    scale = 10 ** (math.floor(math.log10(abs(fine))) - digits + 1)
    return math.isclose(round(fine / scale) * scale, coarse, rel_tol=1e-9)


def _shown(key) -> str:
    indicator, reporter, period, coverage, partner, product, hs, place, edition, label = key
    shown_coverage = None if coverage == "whole" else coverage
    parts = [indicator, reporter, period] + [p for p in (shown_coverage, partner, product, hs, place, edition, label) if p]
    return " / ".join(str(p) for p in parts)


def _numeric(observation) -> bool:
    """Amounts the reader or the schema has refused (text, a boolean) are compared by no one."""
    return all(isinstance(value, (int, float)) and not isinstance(value, bool)
               for value in (observation.amount, observation.high) if value is not None)


def check(docs, today):
    written = [found for found in written_observations(docs) if _numeric(found[2])]
    by_id = {observation.id: (doc, where, observation) for doc, where, observation in written}
    by_key: dict[tuple, list] = {}
    for doc, where, observation in written:
        if isinstance(observation.differs_from, str):  # the schema reports any other value
            other = by_id.get(observation.differs_from)
            at = where + ("differs_from",)
            if observation.differs_from == observation.id:
                yield Problem(doc.yaml.path, doc.yaml.line(at), dotted(at), "a figure cannot differ from itself",
                              "give the id of the other figure of the same quantity, or remove differs_from")
            elif other is None:
                yield Problem(doc.yaml.path, doc.yaml.line(at), dotted(at),
                              f"no figure has the id '{observation.differs_from}'",
                              "give the id of the figure this one differs from (set id: on that figure)")
            elif other[2].key() != observation.key():
                yield Problem(doc.yaml.path, doc.yaml.line(at), dotted(at),
                              f"'{observation.differs_from}' measures something else ({_shown(other[2].key())})",
                              "differs_from is for two figures of the same indicator, reporter, period, partner "
                              "and product; remove it")
        by_key.setdefault(observation.key(), []).append((doc, where, observation))
    for key, group in by_key.items():
        for index, (doc, where, observation) in enumerate(group):
            for other_doc, other_where, other in group[:index]:
                if _overlap(observation, other) or observation.unit != other.unit:
                    continue
                if _marked(observation, other, by_id) or _marked(other, observation, by_id):
                    continue
                if doc is other_doc and doc.kind.name == "series":
                    continue  # one series giving a period twice: unique_periods says so
                at = where + ("amount",) if "amount" in value_at(doc.data, where) else where
                yield Problem(
                    doc.yaml.path, doc.yaml.line(at), dotted(at),
                    f"{format_amount(observation.amount, observation.unit, observation.high)} for {_shown(key)} "
                    f"disagrees with {format_amount(other.amount, other.unit, other.high)} at {other_doc.yaml.path}:"
                    f"{other_doc.yaml.line(other_where)} (figure '{other.id}')",
                    f"correct the figure, or add differs_from: {other.id} and a reason (a revision, another "
                    "compilation of the same data) to this figure; give edition: where the reporter revised it")
                break


def _overlap(first, second) -> bool:
    """Two figures agree, or a range contains the other figure (or overlaps the other range)."""
    if first.high is None and second.high is None:
        return agree(first.amount, second.amount)
    first_high = first.amount if first.high is None else first.high
    second_high = second.amount if second.high is None else second.high
    return first.amount <= second_high and second.amount <= first_high


def _marked(observation, other, by_id) -> bool:
    """`observation` says it differs from `other`, or from a figure that agrees with `other`."""
    target = by_id.get(observation.differs_from) if isinstance(observation.differs_from, str) else None
    return target is not None and (target[2].id == other.id or agree(target[2].amount, other.amount))
