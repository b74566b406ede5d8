"""A series gives each period once: a second point for the same year is a typo or a revision to mark."""

from ..periods import Period
from ..problems import Problem, dotted


def check(docs, today):
    for doc in docs.of("series"):
        seen: dict[str, int] = {}
        for where, point in doc.items("points"):
            period = point.get("period")
            if not isinstance(period, (int, str)) or isinstance(period, bool):
                continue
            try:
                text = Period.parse(period).text
            except ValueError:
                continue  # the schema reports a malformed period
            edition = point.get("edition")
            key = (text, edition)
            at = where + ("period",)
            line = doc.yaml.line(at)
            if key in seen:
                yield Problem(doc.yaml.path, line, dotted(at),
                              f"period {text} is already given on line {seen[key]}",
                              "keep one point per period; for a revised figure give both an edition")
            else:
                seen[key] = line
