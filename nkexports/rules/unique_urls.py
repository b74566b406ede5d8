"""A source is recorded once: the same URL under two ids splits its citations."""

from ..problems import Problem, dotted


def same_page(url: str) -> str:
    """What two addresses of one page share: http and https, and a trailing slash, name the same page."""
    scheme, _, rest = url.partition("://")
    return (rest if scheme.lower() in ("http", "https") else url).rstrip("/")


def check(docs, today):
    seen: dict[str, tuple[str, str]] = {}
    for doc in docs.of("sources"):
        for where, source in doc.items("sources"):
            url = source.get("url")
            if not isinstance(url, str):
                continue
            key = same_page(url)
            if key in seen:
                other_id, place = seen[key]
                yield Problem(doc.yaml.path, doc.yaml.line(where + ("url",)), dotted(where + ("url",)),
                              f"this URL is already recorded as source '{other_id}' at {place}",
                              f"remove this entry and cite '{other_id}' instead")
            else:
                seen[key] = (source.get("id"), f"{doc.yaml.path}:{doc.yaml.line(where + ('url',))}")
