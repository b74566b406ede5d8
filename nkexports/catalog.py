"""The site's own words in each edition's language: one gettext catalog per language,
locales/<language>/LC_MESSAGES/site.po, read through Babel (which Material already installs).

Templates write `{{ _("Latest figures") }}` or `{{ _("Region: %(region)s.", region=page.region) }}`;
English is the message itself, and a message the catalog lacks (or marks fuzzy) stays English.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"
DOMAIN = "site"


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
    """Each message the language's catalog translates (not fuzzy), by its English."""
    return {m.id: m.string for m in read_catalog(language) if isinstance(m.id, str) and m.id and m.string and not m.fuzzy}


def gettext_for(language: str):
    """The `gettext` a language's templates call; Jinja's i18n extension fills in the %(name)s values."""
    translated = messages(language)
    return lambda message: translated.get(message, message)


def ngettext_for(language: str):
    translated = messages(language)
    return lambda singular, plural, n: translated.get(singular if n == 1 else plural, singular if n == 1 else plural)
