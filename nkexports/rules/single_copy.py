"""One figure, one record: the same figure written in two places would let a correction reach one
copy and not the other. The second copy is named, with the first it repeats."""

from ..dataset import written_observations
from ..problems import Problem, dotted


def _copy_key(observation) -> tuple:
    """The same number of the same quantity. A label or a hedge worded otherwise does not make it
    another figure; a different coverage, product, partner, place or edition does."""
    o = observation
    return (o.indicator, o.reporter, o.period.text, o.coverage, o.partner, o.product, o.hs, o.place, o.edition,
            o.unit, o.amount, o.high)


def check(docs, today):
    first: dict[tuple, tuple] = {}
    # Series points first: a series file is where an annual figure lives, so a fact refers to it.
    written = sorted(written_observations(docs), key=lambda item: item[0].kind.name != "series")
    for doc, where, observation in written:
        key = _copy_key(observation)
        if key not in first:
            first[key] = (doc, where, observation)
            continue
        other_doc, other_where, other = first[key]
        yield Problem(doc.yaml.path, doc.yaml.line(where), dotted(where),
                      f"this figure repeats '{other.id}' at {other_doc.yaml.path}:{other_doc.yaml.line(other_where)}",
                      f"remove this copy and write [[{other.id}]] where the statement gives it")
