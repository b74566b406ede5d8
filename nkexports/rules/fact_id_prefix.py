"""A fact's id starts with its page's slug, so an id tells at once which page a fact lives on
and two pages cannot choose the same id by chance."""

from ..problems import Problem, dotted


def check(docs, today):
    for doc in docs.of("category", "partner", "topic"):
        slug = doc.data.get("slug")
        if not isinstance(slug, str):
            continue
        for where, fact in doc.items("facts"):
            ident = fact.get("id")
            if isinstance(ident, str) and not ident.startswith(f"{slug}-"):
                at = where + ("id",)
                yield Problem(doc.yaml.path, doc.yaml.line(at), dotted(at),
                              f"fact id '{ident}' does not start with the page's slug '{slug}'",
                              f"name it {slug}-<what and when>, e.g. {slug}-2024-exports")
