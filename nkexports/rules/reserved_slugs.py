"""A topic page may not take an address the site already uses for a page of its own."""

from ..problems import Problem
from ..urls import reserved_top_level


def check(docs, today):
    reserved = reserved_top_level()
    for doc in docs.of("topic"):
        slug = doc.data.get("slug")
        if slug in reserved:
            yield Problem(doc.yaml.path, doc.yaml.line(("slug",)), "slug",
                          f"'{slug}' is the address of a page the site makes itself",
                          f"choose another slug (taken: {', '.join(sorted(reserved))}) and rename the file to match")
