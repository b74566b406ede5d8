"""Ids are unique across all files: they are anchors, citation targets and download keys.

A repeated id is reported once, naming both places; when one of them is published (present at
the published commit, see committed.py) the message lands on the other, so that nobody is told to rename an
id that pages elsewhere already cite.
"""

from ..committed import committed_ids, published_ref
from ..problems import Problem, dotted


def check(docs, today):
    places: dict[tuple[str, str], list] = {}
    for doc, entry_list, where, entry in docs.entries():
        ident = entry.get("id")
        if entry_list.has_ids and isinstance(ident, str):
            places.setdefault((entry_list.label, ident), []).append((doc, entry_list, where))
    for (label, ident), found in places.items():
        if len(found) > 1:
            yield from _repeated(label, ident, found)


def _place(doc, where) -> str:
    return f"{doc.yaml.path}:{doc.yaml.line(where + ('id',))}"


def _repeated(label: str, ident: str, found: list):
    published = [ident in committed_ids(doc.file, entry_list.key) for doc, entry_list, where in found]
    if published.count(True) == 1:
        kept = found[published.index(True)]
        for (doc, _, where), is_published in zip(found, published):
            if not is_published:
                yield Problem(doc.yaml.path, doc.yaml.line(where + ("id",)), dotted(where + ("id",)),
                              f"{label} id '{ident}' is already used at {_place(kept[0], kept[2])}, which is published",
                              "give this one a new id; the published one keeps its id, which pages and citations use")
        return
    first, *others = [(doc, where) for doc, _, where in found]
    state = "both are published" if any(published) else "neither is published yet"
    for doc, where in others:
        yield Problem(doc.yaml.path, doc.yaml.line(where + ("id",)), dotted(where + ("id",)),
                      f"{label} id '{ident}' is also used at {_place(*first)}; {state} (at {published_ref()})",
                      "give the one added last a new id (`git log -S` on the id shows which); "
                      "never rename an id the live site shows")
