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
    for size, word in SCALES:
        if amount >= size:
            scaled = amount / size
            text = f"{scaled:,.2f}".rstrip("0").rstrip(".")
            return f"{text} {word}"
    return f"{amount:,.2f}".rstrip("0").rstrip(".") if amount % 1 else f"{amount:,.0f}"


def format_amount(amount: float, unit: str) -> str:
    if unit == "percent":
        return f"{amount:g}%"
    if unit in CURRENCY_PREFIX:
        return f"{CURRENCY_PREFIX[unit]}{_number(amount)}"
    name = UNIT_NAMES[unit]
    return f"{_number(amount)} {name}".strip()


QUALIFIER_WORDS = {"about": "about", "over": "over", "almost": "almost", "up-to": "up to", "at-least": "at least",
                   "low-estimate": "low estimate:", "high-estimate": "high estimate:", "estimate": "an estimated"}


def format_figure(amount: float, unit: str, qualifier: str | None = None) -> str:
    """The amount with the source's own hedge: 'almost US$2 billion'."""
    shown = format_amount(amount, unit)
    return f"{QUALIFIER_WORDS[qualifier]} {shown}" if qualifier else shown
