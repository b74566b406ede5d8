"""Text fields hold plain text: not blank, and no HTML, template syntax, links the reader cannot
see in the data, or invisible characters."""

import re
import unicodedata

from ..docset import walk_strings
from ..problems import Problem, dotted
from ..statements import PLACEHOLDER

URL_FIELDS = {"url", "archived_url"}
FORBIDDEN = (
    (re.compile(r"<[a-zA-Z/!?]"), "contains an HTML tag", "remove it: text fields take plain text only"),
    (re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}"), "contains template syntax ({{, {% or {#)",
     "remove the braces: text is never run as a template"),
    (re.compile(r"\]\s*[\(\[:]|\[\^|!\["), "contains Markdown link or footnote syntax",
     "remove it: links belong in a source's url field"),
    (re.compile(r"javascript\s*:|data\s*:\s*text/html", re.I), "contains a script address",
     "remove it: text fields take plain text only"),
)
# Control characters, format characters (bidirectional overrides and isolates, zero-width
# characters, soft hyphens), line and paragraph separators, surrogates and private-use
# characters: invisible in a diff, yet they reorder displayed figures, split lines in
# downloads or hide text. A line break from a YAML block scalar is the one allowed.
INVISIBLE_CATEGORIES = {"Cc", "Cf", "Zl", "Zp", "Cs", "Co"}
ALLOWED_INVISIBLE = {"\n"}


def invisible_character(text: str) -> str | None:
    """The first invisible character in `text`, or None."""
    return next((c for c in text if c not in ALLOWED_INVISIBLE and unicodedata.category(c) in INVISIBLE_CATEGORIES),
                None)


def check(docs, today):
    for doc in docs.docs:
        for where, text in walk_strings(doc.data):
            if text and not text.strip():
                yield Problem(doc.yaml.path, doc.yaml.line(where), dotted(where), "the text is blank",
                              "write the text, or leave the field out if it is optional")
                continue
            hidden = invisible_character(text)
            if hidden is not None:
                name = unicodedata.name(hidden, "a control character")
                yield Problem(doc.yaml.path, doc.yaml.line(where), dotted(where),
                              f"contains an invisible character, U+{ord(hidden):04X} ({name.lower()})",
                              "delete it: text fields take visible characters only")
                continue
            if where and where[-1] in URL_FIELDS:
                continue
            # A statement's [[id]] placeholders are ours, not Markdown: only the text around them counts.
            words = PLACEHOLDER.sub("x", text)
            for pattern, what, fix in FORBIDDEN:
                if pattern.search(words):
                    yield Problem(doc.yaml.path, doc.yaml.line(where), dotted(where), what, fix)
                    break
