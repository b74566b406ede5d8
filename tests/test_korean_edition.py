"""The Korean edition, built from the real data and translations/ko/, read as a client reads it:
every English page has its Korean page at the same address, says it is Korean, names its copy in
each edition, and states exactly the same numbers as the English page."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from helpers import ROOT
from nkexports.load import load_dataset
from nkexports.hooks.pagefind_index import SEARCH_PAGE
from nkexports.translated_numbers import korean_numbers
from test_site import html_pages

KOREAN = load_dataset(ROOT / "data", language="ko")
EDITIONS = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["extra"]["editions"]
KOREAN_ONLY = {SEARCH_PAGE.removesuffix(".md") + "/index.html"}  # Pagefind's search page
HANGUL = re.compile(r"[\uac00-\ud7a3]+")
LATIN = re.compile(r"[A-Za-z]+")


def _relative(site: Path) -> set[str]:
    return {str(p.relative_to(site)) for p in html_pages(site) if "releases" not in p.parts}


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def pairs(real_site, real_korean_site) -> list[tuple[str, BeautifulSoup, BeautifulSoup]]:
    english = _relative(real_site)
    return [(name, _soup(real_site / name), _soup(real_korean_site / name)) for name in sorted(english)]


def test_every_english_page_has_a_korean_page_at_the_same_address(real_site, real_korean_site):
    english, korean = _relative(real_site), _relative(real_korean_site)
    assert english - korean == set()
    assert korean - english == KOREAN_ONLY


def test_every_korean_page_says_it_is_korean_and_links_its_copy_in_each_edition(pairs, real_korean_site):
    """In the page, for readers, and in the sitemap (with hreflang), for search engines."""
    sitemap = BeautifulSoup((real_korean_site / "sitemap.xml").read_text(encoding="utf-8"), "xml")
    alternates = {url.find("loc").text: {link["hreflang"]: link["href"] for link in url.find_all("link")}
                  for url in sitemap.find_all("url")}
    korean_root = next(edition["url"] for edition in EDITIONS if edition["lang"] == "ko")
    for name, _, korean in pairs:
        assert korean.html["lang"] == "ko", name
        address = "" if name == "index.html" else name.removesuffix("index.html")
        copies = {edition["lang"]: edition["url"] + address for edition in EDITIONS}
        if name == "404.html":
            continue  # not a page of the sitemap or of the menu
        assert alternates[korean_root + address] == copies | {"x-default": EDITIONS[0]["url"] + address}, name
        linked = {a["hreflang"]: a["href"] for a in korean.select("p.edition-links a")}
        assert linked == {lang: url for lang, url in copies.items() if lang != "ko"}, name


def test_every_number_a_korean_page_states_equals_the_english_pages(pairs):
    for name, english, korean in pairs:
        def values(soup):
            return Counter((element.get("data-figure"), element["value"]) for element in soup.select("data[value]"))
        assert values(korean) == values(english), name


def test_every_korean_figure_says_its_records_number_in_words(pairs):
    for name, _, korean in pairs:
        for element in korean.select("data.figure"):
            stated = [float(part) for part in element["value"].split("/")]
            said = {float(n) for n in korean_numbers(element.get_text())}
            assert set(stated) <= said, (name, element)


def test_korean_pages_are_mostly_korean(pairs):
    """Source titles, citations and names stay as published, and text marked lang="en" is English on
    purpose (the changes page's records); the site's and the data's own words are Korean."""
    for name, _, korean in pairs:
        if name == "404.html":
            continue  # Material's own page, which says only "404 - Not found" in every language
        article = korean.select_one("article")
        for kept in article.select('.footnote, .sources-fold, .cite-page, .cite-figure, pre, code, cite, .source, '
                                   '[lang="en"]'):
            kept.decompose()
        text = article.get_text(" ")
        hangul, latin = len(HANGUL.findall(text)), len(LATIN.findall(text))
        assert hangul > latin, (name, hangul, latin)


def test_a_statement_without_a_current_translation_is_shown_in_english_and_marked(real_korean_site):
    """Every fact the edition shows in English carries lang="en" and a note; every other is not marked."""
    for page in KOREAN.pages.values():
        soup = _soup(real_korean_site / page.url / "index.html")
        for fact in page.facts:
            element = soup.find(id=fact.id)
            in_english = (fact.id, "statement") in KOREAN.in_english
            assert (element.get("lang") == "en") == in_english, fact.id
            assert bool(element.select(".translation-note")) == in_english, fact.id


def test_every_heading_keeps_the_english_anchor(pairs):
    """A link to a section works in every edition: Korean headings carry the English pages' ids."""
    def anchors(soup):
        article = soup.select_one("article")
        return [h.get("id") for h in article.select("h1, h2, h3, h4, h5, h6")] if article else []
    for name, english, korean in pairs:
        assert anchors(korean) == anchors(english), name
