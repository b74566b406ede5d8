"""A series' points are all of its frequency: years in a yearly series, single months in a monthly
one. A point of another kind would never enter the series (it is a query by frequency) and would
stand beside it unexplained."""

from ..periods import Period, frequency_of
from ..problems import Problem, dotted

_KIND = {"yearly": "a year", "monthly": "a single month"}


def check(docs, today):
    for doc in docs.of("series"):
        frequency = doc.data.get("frequency", "yearly")
        if not isinstance(frequency, str) or frequency not in _KIND:
            continue  # the schema reports an unknown frequency
        for where, point in doc.items("points"):
            period = point.get("period")
            if not isinstance(period, (int, str)) or isinstance(period, bool):
                continue
            try:
                parsed = Period.parse(period)
            except ValueError:
                continue  # the schema reports a malformed period
            if frequency_of(parsed) != frequency:
                at = where + ("period",)
                other = frequency_of(parsed)
                fix = (f"write {_KIND[frequency]}, or move the figure to a fact, where any period fits"
                       if other is None else
                       f"write {_KIND[frequency]}, or put the figure in a {other} series of the same quantity")
                yield Problem(doc.yaml.path, doc.yaml.line(at), dotted(at),
                              f"period {parsed.text} is not {_KIND[frequency]}, and this series is {frequency}", fix)
