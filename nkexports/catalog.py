"""The site's own words in each edition's language: one gettext catalog per language,
locales/<language>/LC_MESSAGES/site.po, read through Babel (which Material already installs).

Templates write `{{ _("Latest figures") }}`, or with values `{{ _("Region: %(region)s.", region=page.region) }}`,
so that a translation can put the values where its grammar needs them; `_plain` gives the same
text unescaped, for an attribute (`|attr`) or front matter. English is the message itself, and a
message the catalog lacks (or marks fuzzy) stays English.

A catalog is text a pull request can change, so it is escaped like the data: the words of a
message are made inert, and each value is escaped unless it is markup our own code made.
"""

from __future__ import annotations

import datetime
import functools
import re
from functools import lru_cache
from pathlib import Path

import jinja2
from babel.dates import format_date, format_skeleton
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po
from markupsafe import Markup, escape

from .escape import markdown_fragment
from .text import Trusted, inert

LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"
DOMAIN = "site"
VALUE = re.compile(r"%\((\w+)\)s")


def message(text: str) -> str:
    """Marks a constant of the code as a message of the catalog, which templates translate where
    they show it (`_(effect_label(...))`); the text itself is returned unchanged."""
    return text


def catalog_path(language: str) -> Path:
    return LOCALES_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@lru_cache(maxsize=None)
def read_catalog(language: str) -> Catalog:
    path = catalog_path(language)
    if not path.is_file():
        return Catalog(locale=language)
    with path.open("rb") as stream:
        return read_po(stream, locale=language, domain=DOMAIN)


@lru_cache(maxsize=None)
def messages(language: str) -> dict[str, str]:
    """Each message the language's catalog translates usably: not fuzzy, and with exactly the
    English's values (a translation that drops or invents one would show a wrong or broken text)."""
    usable = {}
    for message in read_catalog(language):
        if isinstance(message.id, str) and message.id and isinstance(message.string, str) and message.string \
                and not message.fuzzy and sorted(VALUE.findall(message.id)) == sorted(VALUE.findall(message.string)):
            usable[message.id] = message.string
    return usable


def _translated(language: str, message: str) -> str:
    return message if language == "en" else messages(language).get(message, message)


def plain_text(language: str, message: str, **values) -> str:
    """The message in the language with its values put in, unescaped: for escaping where it lands."""
    return VALUE.sub(lambda m: str(values[m.group(1)]), _translated(language, message))


def markdown_text(language: str, message: str, **values) -> Trusted:
    """The message in the language, for Markdown with inline HTML: its words inert, each value escaped
    (or kept, when it is markup our code made)."""
    pieces = VALUE.split(_translated(language, message))
    out = []
    for index, piece in enumerate(pieces):
        if index % 2:
            out.append(inert(values[piece]))
        elif piece:
            out.append(markdown_fragment(piece, starts_line=index == 0))
    return Trusted("".join(out))


def html_text(language: str, message: str, **values) -> Markup:
    """The message in the language, for an HTML template: its words escaped, each value escaped
    unless it is already markup."""
    pieces = VALUE.split(_translated(language, message))
    return Markup("".join(escape(values[piece]) if index % 2 else escape(piece) for index, piece in enumerate(pieces)))


@lru_cache(maxsize=None)
def html_templates(language: str) -> jinja2.Environment:
    """The HTML templates (citation blocks, the page footer, the release banner) in the language."""
    env = jinja2.Environment(loader=jinja2.PackageLoader("nkexports", "templates"), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals["_"] = functools.partial(html_text, language)
    env.globals["link"] = _link
    env.globals["time_element"] = _time_element
    return env


def long_date(language: str, day: datetime.date) -> str:
    """'7 December 2026' in English; the language's own long form elsewhere ('2026년 12월 7일')."""
    return f"{day.day} {day:%B %Y}" if language == "en" else format_date(day, format="long", locale=language)


def _link(href: str, text: str, css_class: str | None = None) -> Markup:
    """An HTML link for a value of a message: its address and words escaped."""
    classes = f' class="{escape(css_class)}"' if css_class else ""
    return Markup(f'<a href="{escape(href)}"{classes}>{escape(text)}</a>')


def _time_element(date: str, shown: str | None = None) -> Markup:
    return Markup(f'<time datetime="{escape(date)}">{escape(shown or date)}</time>')


def month_of_year(language: str, year: int, month: int) -> str:
    """'December 2026' in English; '2026년 12월' in Korean, as Babel's locale data writes a month."""
    day = datetime.date(year, month, 1)
    return day.strftime("%B %Y") if language == "en" else format_skeleton("yMMMM", day, locale=language)
