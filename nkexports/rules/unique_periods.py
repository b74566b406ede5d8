"""A series gives each period once: a second point for the same year is a typo or a revision to mark
(an edition), unless it says which point it differs from and why (two reports that disagree)."""

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
            key = (text, point.get("edition"), point.get("differs_from"))
            if not all(isinstance(part, (str, int, type(None))) for part in key):
                continue  # the schema reports a malformed edition or reference
            at = where + ("period",)
            line = doc.yaml.line(at)
            if key in seen:
                yield Problem(doc.yaml.path, line, dotted(at),
                              f"period {text} is already given on line {seen[key]}",
                              "keep one point per period; for a revised figure give both an edition, for a "
                              "disagreeing report give the second an id, differs_from and reason")
            else:
                seen[key] = line
