"""A measured figure cannot come from a source published before its period began: such a footnote
cites the fact's older sources, not the one that states the figure. Caps, forecasts and expected
effects (indicators marked stated_in_advance) are set or foreseen before their period, and may."""

from ..dataset import written_observations
from ..problems import Problem, dotted


def _month(published: str) -> tuple[int, int]:
    year, _, rest = published.partition("-")
    return int(year), int(rest[:2]) if rest else 12


def check(docs, today):
    in_advance = {e.get("id") for d in docs.of("indicators") for _, e in d.items("indicators")
                  if e.get("stated_in_advance")}
    published = {entry.get("id"): entry.get("published") for _, _, entry in docs.sources()}
    for doc, where, observation in written_observations(docs):
        if observation.indicator in in_advance:
            continue
        for index, source in enumerate(observation.sources):
            date = published.get(source)
            if not isinstance(date, str) or not date[:4].isdigit():
                continue
            if _month(date) < observation.period.start:
                at = where + ("sources", index)
                yield Problem(doc.yaml.path, doc.yaml.line(at), dotted(at),
                              f"source '{source}' was published ({date}) before the figure's period "
                              f"{observation.period.text} began", "cite the source that states this figure, "
                              "or correct the period; a cap or forecast belongs to an indicator marked stated_in_advance")
