"""A source's title is the one its page shows, not words or codes taken from its address.

A page that shows no headline is described instead, saying so: '... (no headline shown)'.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from ..addresses import split
from ..problems import Problem, dotted

SLUG_NOTE = re.compile(r"\b(url|address)\s+slug\b|\bwords of the (url|address)\b", re.I)
PLAIN_ASCII = re.compile(r"[A-Za-z0-9\s\-_.,/:]+")
WORD = re.compile(r"[A-Za-z0-9]+")
FIX = ("give the title as the page shows it; if the page shows none, describe the document "
       "and end with '(no headline shown)'")


def _is_code(word: str) -> bool:
    """A page id or number such as 1HMC4PADM5, kuk200905180041 or 509821, not a word of a headline."""
    return len(word) >= 5 and any(c.isdigit() for c in word)


def placeholder_reason(title: str, url: str) -> str | None:
    """Why `title` is not a real title, or None if it may be one."""
    if SLUG_NOTE.search(title):
        return "is made of words from the URL"
    parts = split(url)
    if parts is None or not PLAIN_ASCII.fullmatch(title):
        return None
    address_words = {w.lower() for w in WORD.findall(unquote(parts.path + " " + parts.query))}
    words = WORD.findall(title)
    if not words or any(w.lower() not in address_words for w in words):
        return None
    if title == title.lower() or any(_is_code(w) for w in words):
        return "repeats words or codes from the URL"
    return None


def check(docs, today):
    for doc, where, source in docs.sources():
        title, url = source.get("title"), source.get("url")
        if not isinstance(title, str) or not isinstance(url, str):
            continue
        reason = placeholder_reason(title, url)
        if reason:
            place = where + ("title",)
            yield Problem(doc.yaml.path, doc.yaml.line(place), dotted(place),
                          f"the title '{title}' {reason}, not the document's title", FIX)
