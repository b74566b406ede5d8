"""Every source is cited somewhere: an uncited entry is usually a typo in a citing id."""

from ..problems import Problem, dotted


def check(docs, today):
    if docs.unreadable:
        return  # a file that could not be read may cite any source: its syntax error is the message
    cited = set()
    for _, _, entry in docs.citing():
        if isinstance(entry.get("sources"), list):
            cited.update(s for s in entry["sources"] if isinstance(s, str))
    for doc in docs.of("sources"):
        for where, source in doc.items("sources"):
            ident = source.get("id")
            if isinstance(ident, str) and ident not in cited:
                yield Problem(doc.yaml.path, doc.yaml.line(where + ("id",)), dotted(where + ("id",)),
                              f"source '{ident}' is not cited by any fact, series point, measure or claim",
                              "cite it where it supports a fact, or remove it")
