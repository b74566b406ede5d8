"""A page's slug may not take an address the site already uses for a page of its own: a topic's
(at the top level) none of the site's own pages, a category's or partner's not its section's index."""

from pathlib import PurePosixPath

from ..kinds import KINDS
from ..problems import Problem
from ..urls import reserved_top_level


def _taken(kind) -> set[str]:
    if kind.section == "":
        return reserved_top_level()
    return {PurePosixPath(kind.section_index).stem} if kind.section_index else set()


def check(docs, today):
    for kind in (k for k in KINDS if k.has_pages):
        taken = _taken(kind)
        for doc in docs.of(kind.name):
            slug = doc.data.get("slug")
            if slug in taken:
                yield Problem(doc.yaml.path, doc.yaml.line(("slug",)), "slug",
                              f"'{slug}' is the address of a page the site makes itself",
                              f"choose another slug (taken: {', '.join(sorted(taken))}) and rename the file to match")
