"""Every figure has its own id: it is the figure's anchor, citation target and download key."""

from ..dataset import written_observations
from ..docset import value_at
from ..problems import Problem, dotted


def check(docs, today):
    seen: dict[str, tuple] = {}
    for doc, where, observation in written_observations(docs):
        explicit = "id" in value_at(doc.data, where)
        first = seen.get(observation.id)
        if first is None:
            seen[observation.id] = (doc, where)
            continue
        if first[0] is doc and doc.kind.name == "series" and not explicit:
            continue  # two points of one series for one period: unique_periods says so
        at = where + ("id",) if explicit else where
        yield Problem(doc.yaml.path, doc.yaml.line(at), dotted(at),
                      f"figure id '{observation.id}' is already used at {first[0].yaml.path}:{first[0].yaml.line(first[1])}",
                      "give this figure an id of its own with id:")
