"""A series holds one point per period: a second figure for the same year is another
reporter's or a revision, and belongs in a series of its own or replaces the first."""

from ..problems import Problem, dotted


def check(docs, today):
    for doc in docs.of("series"):
        seen: dict[str, int] = {}
        for where, point in doc.items("points"):
            period = point.get("period")
            if not isinstance(period, (int, str)) or isinstance(period, bool):
                continue
            at = where + ("period",)
            line = doc.yaml.line(at)
            if str(period) in seen:
                yield Problem(doc.yaml.path, line, dotted(at), f"period {period} already has a point on line {seen[str(period)]}",
                              "keep one point per period; another reporter's figure belongs in a series of its own")
            else:
                seen[str(period)] = line
