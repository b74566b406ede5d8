"""The site's own words: every message the templates and code use has a translation in every
edition's catalog, the catalog holds exactly those messages, no template writes reader-facing
English around the catalog, and a catalog's text (which a pull request can change) stays text."""

from __future__ import annotations

import re

import markdown
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import escape

from helpers import ROOT
from nkexports import catalog
from nkexports.catalog_extract import NOT_READER_FACING, extracted, languages, reader_templates, updated_catalog
from nkexports.hooks.edition_pages import edition_file
from nkexports.rules.plain_text import invisible_character
from test_escaping_properties import EXTENSIONS, parsed, syntax

EDITIONS = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["extra"]["editions"]
OTHER_EDITIONS = [edition["lang"] for edition in EDITIONS[1:]]
TEMPLATES = ROOT / "nkexports" / "templates"
# A template's own text is what is left once Jinja's tags ({{ }}, {% %}, {# #}) stand for a value and
# its markup is set aside: HTML tags, Markdown's attribute lists ({ #id }), admonition openers
# (!!! note), footnote and table syntax, and a front matter block (keys and values).
JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
MARKUP = [re.compile(p, re.S | re.M) for p in (r"\A---\n.*?\n---$", r"<[^>]*>", r"\{ *[#.:][^}]*\}", r"^!!! *[a-z]+",
                                                r"\[\^", r"---+")]
# Attributes a reader hears or sees, which must come from the catalog too.
READ_ATTRIBUTES = re.compile(r'\b(aria-label|title|alt|placeholder|data-label)="([^"{]*[A-Za-z][^"{]*)"')


def test_the_editions_config_files_translations_and_catalogs_agree():
    """One registry (mkdocs.yml, extra.editions): each other edition has its config, data translations
    and catalog, and every config, translation folder and catalog belongs to an edition."""
    configs = {p.name.split(".")[1] for p in ROOT.glob("mkdocs.*.yml")}
    assert configs == set(OTHER_EDITIONS)
    assert set(languages()) == set(OTHER_EDITIONS)
    assert {p.name for p in (ROOT / "translations").iterdir()} == set(OTHER_EDITIONS)
    for edition in EDITIONS[1:]:
        config = yaml.safe_load((ROOT / f"mkdocs.{edition['lang']}.yml").read_text(encoding="utf-8"))
        assert config["INHERIT"] == "mkdocs.yml"
        assert config["theme"]["language"] == edition["lang"]
        assert config["site_url"] == edition["url"]


@pytest.mark.parametrize("language", OTHER_EDITIONS)
def test_every_message_has_a_translation(language):
    usable = catalog.messages(language)
    missing = sorted(message for message in extracted() if message not in usable)
    assert missing == [], f"{len(missing)} message(s) lack a {language} translation; run make catalog and fill them"


@pytest.mark.parametrize("language", OTHER_EDITIONS)
def test_the_catalog_holds_exactly_the_messages_in_use(language):
    written = catalog.catalog_path(language).read_text(encoding="utf-8")
    assert written == updated_catalog(language), "run `make catalog` and commit the result"


def _own_text(source: str) -> str:
    text = JINJA.sub("\x00", source)
    for pattern in MARKUP:
        text = pattern.sub(" ", text)
    return text


@pytest.mark.parametrize("name", reader_templates())
def test_no_template_writes_reader_facing_english_outside_the_catalog(name):
    source = (TEMPLATES / name).read_text(encoding="utf-8")
    words = re.findall(r"[A-Za-z]{2,}", _own_text(source))
    assert words == [], f"{name}: {words} is written outside the catalog; wrap it in _(...)"
    assert READ_ATTRIBUTES.findall(JINJA.sub("\x00", source)) == [], \
        f"{name}: an attribute a reader hears is written outside the catalog"


def test_the_checks_above_can_fail():
    assert re.findall(r"[A-Za-z]{2,}", _own_text('<p class="x">Latest figures</p> { #id }')) == ["Latest", "figures"]
    assert READ_ATTRIBUTES.findall('<a aria-label="Link to the fact">') and "diff_summary.md.j2" in NOT_READER_FACING


@pytest.mark.parametrize("language", OTHER_EDITIONS)
def test_every_hand_written_page_has_its_text_in_every_edition(language):
    pages = [p for p in (ROOT / "docs").rglob("*.md") if p.name.count(".") == 1]
    assert pages
    missing = [str(p.relative_to(ROOT)) for p in pages if not edition_file(p, language).is_file()]
    assert missing == []


@given(st.one_of(st.text().filter(lambda t: invisible_character(t) is None),
                 syntax.filter(lambda t: invisible_character(t) is None)))
def test_a_message_is_text_wherever_it_lands(message):
    """What a catalog says cannot become markup: in Markdown it is one paragraph of the same text, in
    HTML the escaped text; a value is escaped the same way."""
    message = message.replace("%", "%%").replace("%%(", "(")
    folded = " ".join(message.split())
    html = markdown.markdown(catalog.markdown_text("en", message), extensions=EXTENSIONS)
    page = parsed(html)
    if folded:
        assert [tag for tag, _ in page.tags] == ["p"], html
        assert "".join(page.text).strip() == folded
    assert catalog.html_text("en", "%(value)s", value=message) == escape(message)


def test_a_translation_that_drops_or_invents_a_value_is_not_used(tmp_path, monkeypatch):
    po = tmp_path / "xx" / "LC_MESSAGES" / "site.po"
    po.parent.mkdir(parents=True)
    po.write_text('msgid "Region: %(region)s."\nmsgstr "Région."\n\nmsgid "Link"\nmsgstr "Lien"\n', encoding="utf-8")
    monkeypatch.setattr(catalog, "LOCALES_DIR", tmp_path)
    catalog.messages.cache_clear()
    catalog.read_catalog.cache_clear()
    try:
        assert catalog.messages("xx") == {"Link": "Lien"}
        assert catalog.plain_text("xx", "Region: %(region)s.", region="Asie") == "Region: Asie."
    finally:
        catalog.messages.cache_clear()
        catalog.read_catalog.cache_clear()
