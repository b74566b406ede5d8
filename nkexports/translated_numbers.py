"""The numbers a text states, read the way each language writes them, so that a translation
can be held to the numbers of the English it translates.

English: digits with an optional scale word (`US$1.43 billion` is 1,430,000,000), month names
(a Korean date writes August as 8월), and number words (`fifth`, `two billion`), which a
translation may write in digits. Korean: digits with 만/억/조 groups (`14억 3,000만` is the same
1,430,000,000). A translation must state every number the English writes in digits, and no
number the English does not state at all.
"""

from __future__ import annotations

import re
from decimal import Decimal

from .statements import PLACEHOLDER

_ENGLISH_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_KOREAN_GROUPS = {"만": 10**4, "억": 10**8, "조": 10**12}
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_WORDS = {word: value for value, words in {
    1: "one first", 2: "two second double twice", 3: "three third thirds", 4: "four fourth quarter quarters",
    5: "five fifth fifths", 6: "six sixth", 7: "seven seventh", 8: "eight eighth", 9: "nine ninth",
    10: "ten tenth tenths", 11: "eleven", 12: "twelve", 13: "thirteen", 14: "fourteen", 15: "fifteen fifteenth",
    16: "sixteen", 17: "seventeen", 18: "eighteen", 19: "nineteen", 20: "twenty twentieth", 30: "thirty",
    40: "forty", 50: "fifty", 60: "sixty", 70: "seventy", 80: "eighty", 90: "ninety", 100: "hundred",
    1000: "thousand", 10**6: "million", 10**9: "billion", 10**12: "trillion"}.items() for word in words.split()}
_DIGITS = r"\d+(?:,\d{3})*(?:\.\d+)?"
_ENGLISH_DIGITS = re.compile(rf"({_DIGITS})(?:\s*({'|'.join(_ENGLISH_SCALES)})\b)?", re.IGNORECASE)
_ENGLISH_WORDS = re.compile(rf"\b(?:a|an|{'|'.join(sorted(_WORDS, key=len, reverse=True))})"
                            rf"(?:[\s-]+(?:{'|'.join(sorted(_WORDS, key=len, reverse=True))}))*\b", re.IGNORECASE)
# A group sign follows its digits directly (3억 6,044만, 19억8천만): "5·24 조치" is a date and a
# word, not 24조. 천 multiplies within a group: 8천만 is 8,000 만.
_KOREAN_NUMBER = re.compile(rf"(?:{_DIGITS}천?[만억조]\s*)+(?:{_DIGITS}천?)?|{_DIGITS}천?")
_KOREAN_PART = re.compile(rf"({_DIGITS})(천)?([만억조])?")


def _decimal(digits: str) -> Decimal:
    return Decimal(digits.replace(",", ""))


def _spelled(words: str) -> set[Decimal]:
    """Every value a run of number words can mean alone or together: `two billion` is 2, 10**9 and 2*10**9."""
    said = re.split(r"[\s-]+", words.lower())
    # "a" is one only before a number word: "a fifteenth" is 1/15, which Korean writes 15분의 1.
    values = [_WORDS.get(w, 1) for w in said if w in _WORDS or (w in ("a", "an") and len(said) > 1)]
    found = {Decimal(v) for v in values}
    total = current = 0
    for value in values:
        if value >= 1000:
            total += max(current, 1) * value
            current = 0
        elif value == 100:
            current = max(current, 1) * 100
        else:
            current += value
    found.add(Decimal(total + current))
    return found


def english_numbers(text: str) -> tuple[set[Decimal], set[Decimal]]:
    """The numbers written in digits, and every number the text states in any way."""
    text = PLACEHOLDER.sub(" ", text)
    in_digits = set()
    for match in _ENGLISH_DIGITS.finditer(text):
        value = _decimal(match.group(1))
        in_digits.add(value * _ENGLISH_SCALES[match.group(2).lower()] if match.group(2) else value)
    stated = set(in_digits)
    for match in _ENGLISH_DIGITS.finditer(text):
        stated.add(_decimal(match.group(1)))
    for match in _ENGLISH_WORDS.finditer(text):
        stated |= _spelled(match.group(0))
    stated |= {Decimal(number) for number, name in enumerate(_MONTHS, 1)
               if re.search(rf"\b{name}\b", text, re.IGNORECASE) and (name != "may" or re.search(r"\bMay\b", text))}
    return in_digits, stated


def korean_numbers(text: str) -> set[Decimal]:
    text = PLACEHOLDER.sub(" ", text)
    found = set()
    for match in _KOREAN_NUMBER.finditer(text):
        total = Decimal(0)
        for part in _KOREAN_PART.finditer(match.group(0)):
            value = _decimal(part.group(1)) * (1000 if part.group(2) else 1)
            total += value * _KOREAN_GROUPS[part.group(3)] if part.group(3) else value
        found.add(total)
    return found


def changed_numbers(english: str, korean: str) -> tuple[list[Decimal], list[Decimal]]:
    """(numbers of the English the translation leaves out, numbers the translation adds)."""
    in_digits, stated = english_numbers(english)
    translated = korean_numbers(korean)
    return sorted(in_digits - translated), sorted(translated - stated)
