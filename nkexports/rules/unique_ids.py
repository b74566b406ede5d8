"""Ids are unique across all files: they are anchors, citation targets and download keys."""

from ..docset import PAGE_KINDS
from ..problems import Problem, dotted


def _entries(docs):
    for doc in docs.of(*PAGE_KINDS):
        yield "fact", doc, doc.items("facts")
    for doc in docs.of("sources"):
        yield "source", doc, doc.items("sources")
    for doc in docs.of("measures"):
        yield "measure", doc, doc.items("measures")
    for doc in docs.of("claims"):
        yield "claim", doc, doc.items("claims")
        yield "article", doc, doc.items("articles")


def check(docs, today):
    seen: dict[tuple[str, str], str] = {}
    for label, doc, entries in _entries(docs):
        for where, entry in entries:
            ident = entry.get("id")
            if not isinstance(ident, str):
                continue
            line = doc.yaml.line(where + ("id",))
            place = f"{doc.yaml.path}:{line}"
            if (label, ident) in seen:
                yield Problem(doc.yaml.path, line, dotted(where + ("id",)),
                              f"{label} id '{ident}' is already used at {seen[(label, ident)]}",
                              "give this one a new id; never reuse or rename a published id")
            else:
                seen[(label, ident)] = place
