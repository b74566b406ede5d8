"""Ids are unique across all files: they are anchors, citation targets and download keys."""

from ..problems import Problem, dotted


def check(docs, today):
    seen: dict[tuple[str, str], str] = {}
    for doc, entry_list, where, entry in docs.entries():
        if not entry_list.has_ids:
            continue
        ident = entry.get("id")
        if not isinstance(ident, str):
            continue
        line = doc.yaml.line(where + ("id",))
        place = f"{doc.yaml.path}:{line}"
        key = (entry_list.label, ident)
        if key in seen:
            yield Problem(doc.yaml.path, line, dotted(where + ("id",)),
                          f"{entry_list.label} id '{ident}' is already used at {seen[key]}",
                          "give this one a new id; never reuse or rename a published id")
        else:
            seen[key] = place
