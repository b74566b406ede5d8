"""A page's slug (or a series' id) is its file name, so the file name alone tells the page's URL."""

from ..problems import Problem


def check(docs, today):
    for doc in docs.docs:
        key = doc.kind.named_by
        value = doc.data.get(key) if key else None
        if isinstance(value, str) and value != doc.file.stem:
            yield Problem(doc.yaml.path, doc.yaml.line((key,)), key,
                          f"'{value}' does not match the file name '{doc.file.name}'",
                          f"rename the file to {value}.yaml or set {key}: {doc.file.stem}")
