"""Summaries and descriptions cite no source, so they may hold no figure: every number needs a footnote."""

import re

from ..problems import Problem

UNSOURCED_FIELDS = ("summary", "description")
DIGIT = re.compile(r"[0-9]")


def check(docs, today):
    for doc in docs.docs:
        for key in UNSOURCED_FIELDS:
            text = doc.data.get(key)
            if isinstance(text, str) and DIGIT.search(text):
                yield Problem(doc.yaml.path, doc.yaml.line((key,)), key, "contains a figure, but a summary cites no source",
                              "move the figure into a fact with its source and keep the summary in words")
