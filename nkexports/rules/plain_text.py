"""Text fields hold plain text: no HTML, template syntax or links the reader cannot see in the data."""

import re

from ..docset import walk_strings
from ..problems import Problem, dotted

URL_FIELDS = {"url", "archived_url"}
FORBIDDEN = (
    (re.compile(r"<[a-zA-Z/!?]"), "contains an HTML tag", "remove it: text fields take plain text only"),
    (re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}"), "contains template syntax ({{, {% or {#)",
     "remove the braces: text is never run as a template"),
    (re.compile(r"\]\s*[\(\[:]|\[\^|!\["), "contains Markdown link or footnote syntax",
     "remove it: links belong in a source's url field"),
    (re.compile(r"javascript\s*:|data\s*:\s*text/html", re.I), "contains a script address",
     "remove it: text fields take plain text only"),
    (re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"), "contains a control character", "delete the invisible character"),
)


def check(docs, today):
    for doc in docs.docs:
        for where, text in walk_strings(doc.data):
            if where and where[-1] in URL_FIELDS:
                continue
            for pattern, what, fix in FORBIDDEN:
                if pattern.search(text):
                    yield Problem(doc.yaml.path, doc.yaml.line(where), dotted(where), what, fix)
                    break
