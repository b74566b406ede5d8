"""A topic page may not take an address the site already uses for a page of its own."""

from ..problems import Problem

RESERVED = {"index", "categories", "partners", "sanctions", "claims", "sources", "figures", "data", "search", "assets"}


def check(docs, today):
    for doc in docs.of("topic"):
        slug = doc.data.get("slug")
        if slug in RESERVED:
            yield Problem(doc.yaml.path, doc.yaml.line(("slug",)), "slug",
                          f"'{slug}' is the address of a page the site makes itself",
                          f"choose another slug (taken: {', '.join(sorted(RESERVED))}) and rename the file to match")
