"""Write a structured figure the way a reader expects to see it."""

from __future__ import annotations

CURRENCY_PREFIX = {"USD": "US$", "CNY": "CN¥", "EUR": "€", "JPY": "¥", "KRW": "₩", "RUB": "₽"}
UNIT_NAMES = {"tonnes": "tonnes", "kg": "kg", "people": "people", "count": "", "kWh": "kWh",
              "cubic-metres": "cubic metres"}
SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def significant_digits(amount: float) -> int:
    """How precisely a figure is given: 650210000 has 5 significant digits, 650000000 has 2."""
    digits = f"{amount:.12g}".replace(".", "").replace("-", "").lstrip("0")
    if "e" in digits:
        digits = digits.split("e")[0]
    return max(1, len(digits.rstrip("0")))


def _number(amount: float) -> str:
    """Every digit the record holds, with the largest scale word that needs at most three decimals:
    '1.17 billion', '2,335.67 million', and in full where none fits ('62,184,815'); never rounded."""
    for size, word in SCALES:
        if amount >= size:
            scaled = round(amount / size, 9)
            if round(scaled, 3) == scaled:
                return f"{f'{scaled:,.3f}'.rstrip('0').rstrip('.')} {word}"
    if float(amount).is_integer():
        return f"{amount:,.0f}"
    return f"{amount:,.6f}".rstrip("0").rstrip(".")


def format_amount(amount: float, unit: str, high: float | None = None) -> str:
    """'US$1.17 billion'; a range as 'US$1.7–5.5 billion', or 'US$500 million–1.2 billion' across scales."""
    if high is not None:
        low_text, high_text = format_amount(amount, unit), format_amount(high, unit)
        prefix = CURRENCY_PREFIX.get(unit, "")
        low_number, high_number = low_text[len(prefix):], high_text[len(prefix):]
        low_words, high_words = low_number.split(" ", 1), high_number.split(" ", 1)
        if unit == "percent":
            return f"{low_number[:-1]}–{high_number}"
        if len(low_words) == len(high_words) == 2 and low_words[1] == high_words[1]:
            return f"{prefix}{low_words[0]}–{high_number}"
        return f"{prefix}{low_number}–{high_number}"
    if unit == "percent":
        return f"{amount:g}%"
    if unit in CURRENCY_PREFIX:
        return f"{CURRENCY_PREFIX[unit]}{_number(amount)}"
    name = UNIT_NAMES[unit]
    return f"{_number(amount)} {name}".strip()


def exact_value(amount: float, high: float | None = None) -> str:
    """The figure as a machine reads it (an HTML data element's value): digits in full, no exponent;
    a range as 'low/high'."""
    def one(value: float) -> str:
        return str(int(value)) if float(value).is_integer() else repr(float(value))
    return one(amount) if high is None else f"{one(amount)}/{one(high)}"


QUALIFIER_WORDS = {"about": "about", "over": "over", "almost": "almost", "up-to": "up to", "at-least": "at least",
                   "estimate": "an estimated"}


def format_figure(amount: float, unit: str, qualifier: str | None = None, high: float | None = None) -> str:
    """The amount with the source's own hedge: 'almost US$2 billion', 'about US$200–300 million'."""
    shown = format_amount(amount, unit, high)
    return f"{QUALIFIER_WORDS[qualifier]} {shown}" if qualifier else shown


def figure_text(observation) -> str:
    """An observation's figure in words, with its hedge and both ends of a range: 'almost US$1.2 billion'."""
    return format_figure(observation.amount, observation.unit, observation.qualifier, observation.high)
