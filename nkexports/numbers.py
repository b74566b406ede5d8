"""Write a structured figure the way a reader expects to see it."""

from __future__ import annotations

from decimal import Decimal

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
    '1.17 billion', '2,335.67 million', and in full where none fits ('62,184,815'); never rounded,
    so the scaling is done in decimal arithmetic (9,999,999,999,999 is not '10 trillion')."""
    exact = Decimal(amount) if isinstance(amount, int) else Decimal(repr(float(amount)))
    for size, word in SCALES:
        if amount >= size:
            scaled = exact / Decimal(int(size))
            if scaled == scaled.quantize(Decimal("0.001")):
                return f"{f'{scaled:,.3f}'.rstrip('0').rstrip('.')} {word}"
    if float(amount).is_integer():
        return f"{amount:,.0f}"
    return f"{amount:,.6f}".rstrip("0").rstrip(".")


# Korean writes amounts in groups of four digits (만, 억, 조) and names the currency after the number.
KOREAN_GROUPS = ((10**12, "조"), (10**8, "억"), (10**4, "만"))
KOREAN_CURRENCY = {"USD": "달러", "CNY": "위안", "EUR": "유로", "JPY": "엔", "KRW": "원", "RUB": "루블"}
KOREAN_UNIT_NAMES = {"tonnes": "톤", "kg": "kg", "people": "명", "count": "", "kWh": "kWh", "cubic-metres": "㎥"}
# Each hedge comes before the amount, except "over", which Korean writes as 여 after the number and
# before its unit (1만여 개, 20억여 달러), so a counter written after a placeholder still reads right.
KOREAN_QUALIFIERS = {"about": "약 {}", "almost": "거의 {}", "up-to": "최대 {}", "at-least": "최소 {}", "estimate": "추정 {}"}
KOREAN_MORE_THAN = "over"


def korean_number(amount: float) -> str:
    """Every digit the record holds, in 만/억/조 groups: 360440000 is '3억 6,044만', 400870018 is
    '4억 87만 18'; a fraction below the smallest group stays in the last group ('1만 2,345.5')."""
    if amount < 0:
        return "-" + korean_number(-amount)
    whole = int(amount)
    fraction = f"{amount - whole:.6f}".rstrip("0").rstrip(".")[1:] if not float(amount).is_integer() else ""
    parts = []
    rest = whole
    for size, name in KOREAN_GROUPS:
        group, rest = divmod(rest, size)
        if group:
            parts.append(f"{group:,}{name}")
    if rest or fraction or not parts:
        parts.append(f"{rest:,}{fraction}")
    return " ".join(parts)


def _korean_amount(amount: float, unit: str, high: float | None, more_than: bool = False) -> str:
    if unit == "percent":
        number = f"{amount:g}" if high is None else f"{amount:g}~{high:g}"
        return f"{number}%{' 이상' if more_than else ''}"
    number = korean_number(amount) if high is None else f"{korean_number(amount)}~{korean_number(high)}"
    name = KOREAN_CURRENCY.get(unit) if unit in KOREAN_CURRENCY else KOREAN_UNIT_NAMES[unit]
    return f"{number}{'여' if more_than else ''} {name}".strip()


def format_amount(amount: float, unit: str, high: float | None = None, language: str = "en") -> str:
    """'US$1.17 billion'; a range as 'US$1.7–5.5 billion', or 'US$500 million–1.2 billion' across scales.
    In Korean, '11억 7,000만 달러' and '17억~55억 달러'."""
    if language == "ko":
        return _korean_amount(amount, unit, high)
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


def format_figure(amount: float, unit: str, qualifier: str | None = None, high: float | None = None,
                  language: str = "en") -> str:
    """The amount with the source's own hedge: 'almost US$2 billion', 'about US$200–300 million'."""
    if language == "ko":
        shown = _korean_amount(amount, unit, high, more_than=qualifier == KOREAN_MORE_THAN)
        return KOREAN_QUALIFIERS[qualifier].format(shown) if qualifier in KOREAN_QUALIFIERS else shown
    shown = format_amount(amount, unit, high)
    return f"{QUALIFIER_WORDS[qualifier]} {shown}" if qualifier else shown


def figure_text(observation, language: str = "en") -> str:
    """An observation's figure in words, with its hedge and both ends of a range: 'almost US$1.2 billion'."""
    return format_figure(observation.amount, observation.unit, observation.qualifier, observation.high, language)
