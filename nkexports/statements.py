"""A fact's statement as text and figures: every number a reader sees is printed from its record.

A statement writes each figure as [[id]], the id of an observation, and a number that is no figure
(11 member states) as [[plain:11]]. Everything else is words, years and the other numbers that name
rather than measure (days of dates, resolution, paragraph and HS numbers, document symbols).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .numbers import figure_text

PLACEHOLDER = re.compile(r"\[\[([^\[\]]*)\]\]")
PLAIN_PREFIX = "plain:"
PLAIN_NUMBER = re.compile(r"[0-9][0-9,]*(\.[0-9]+)?")


@dataclass(frozen=True)
class Text:
    text: str


@dataclass(frozen=True)
class Figure:
    id: str
    start: int  # where the placeholder begins in the statement, for messages


@dataclass(frozen=True)
class Plain:
    number: str


def parts(statement: str) -> list[Text | Figure | Plain]:
    """The statement split into words and placeholders, in order."""
    found: list[Text | Figure | Plain] = []
    position = 0
    for match in PLACEHOLDER.finditer(statement):
        if match.start() > position:
            found.append(Text(statement[position:match.start()]))
        inside = match.group(1).strip()
        if inside.startswith(PLAIN_PREFIX):
            found.append(Plain(inside[len(PLAIN_PREFIX):].strip()))
        else:
            found.append(Figure(inside, match.start()))
        position = match.end()
    if position < len(statement):
        found.append(Text(statement[position:]))
    return found


def plain_text(statement: str, observation_by_id: dict) -> str:
    """The statement as a reader sees it, in plain text: for downloads, titles and descriptions."""
    written = []
    for part in parts(statement):
        if isinstance(part, Figure):
            observation = observation_by_id.get(part.id)
            written.append(figure_text(observation) if observation else f"[[{part.id}]]")
        else:
            written.append(part.number if isinstance(part, Plain) else part.text)
    return "".join(written)


def figure_ids(statement: str) -> list[str]:
    return [part.id for part in parts(statement) if isinstance(part, Figure)]


MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
# Numbers that name rather than measure, each with the words around it that say so.
NAMING_NUMBERS = (
    re.compile(r"\b[A-Z]{1,3}/(?:[A-Z0-9.]+/)*[0-9][0-9./()A-Za-z]*"),  # a UN document symbol: S/2024/215
    re.compile(r"(?<![0-9.,])(?:1[89]|20)[0-9]{2}[-–/][0-9]{2}(?![0-9])"),  # a fiscal year: 2017-18
    re.compile(r"(?<![0-9.,])(?:1[89]|20)[0-9]{2}s?(?![0-9.,]*[0-9])"),  # a year or a decade: 2017, 1990s
    re.compile(r"(?<=[A-Za-z]-)[0-9]+\b"),  # part of a name: COVID-19, Hwasong-11
    re.compile(rf"(?<![0-9.,])[0-3]?[0-9](?:st|nd|rd|th)?(?=\s+{MONTH})"),  # a day before its month: 7 March
    re.compile(rf"\b{MONTH}\s[0-3]?[0-9](?![0-9.,]*[0-9])"),  # a day after its month: March 7
    re.compile(r"(?:[Rr]esolutions?|UNSCR|S/RES/)\s*[0-9]{3,4}(?:\s*(?:,|and|or|to|–|-)\s*[0-9]{3,4})*"),
    re.compile(r"(?:[Pp]aragraphs?|¶|[Aa]rticle)\s*[0-9]+(?:\s*(?:,|and|to|–|-)\s*[0-9]+)*"),
    re.compile(r"(?:HS|[Hh]eadings?|[Cc]hapters?|[Cc]odes?)\s*(?:code\s*)?[0-9]{2,6}(?:\s*(?:,|and|or|to|–|-)\s*[0-9]{2,6})*"),
)
DIGITS = re.compile(r"[0-9][0-9,.]*")


def typed_numbers(statement: str) -> list[str]:
    """Digits written into a statement's words that are neither a placeholder nor a naming number."""
    found = []
    for part in parts(statement):
        if not isinstance(part, Text):
            continue
        text = part.text
        for pattern in NAMING_NUMBERS:
            text = pattern.sub(lambda m: " " * len(m.group(0)), text)
        found.extend(m.group(0).rstrip(",.") for m in DIGITS.finditer(text))
    return found
