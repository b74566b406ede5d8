"""The Korean edition's search (Pagefind, nkexports/hooks/pagefind_index.py) in chromium: a Korean
word finds the pages that use it, inside longer forms too, under the site's Content-Security-Policy."""

from __future__ import annotations

import pytest

from browser_support import open_tab
from nkexports.load import load_dataset
from helpers import ROOT

KOREAN = load_dataset(ROOT / "data", language="ko")


def _pages_using(word: str) -> set[str]:
    """The category pages whose title or alternative names, in Korean, hold the word."""
    return {page.url for (kind, _), page in KOREAN.pages.items()
            if kind == "category" and (word in page.title or any(word in name for name in page.also_known_as))}


@pytest.mark.parametrize("word", ["가발", "석탄"])
def test_searching_the_korean_edition_leads_to_the_pages_about_the_word(browser, korean_site_url, word):
    wanted = _pages_using(word)
    assert wanted, f"no Korean category title or name holds {word}: the test needs a word the data uses"
    tab = open_tab(browser)
    try:
        tab.page.goto(f"{korean_site_url}search/")
        tab.page.locator("#pagefind-search input").fill(word)
        tab.page.wait_for_selector(".pagefind-ui__result-link", timeout=15000)
        found = {link.get_attribute("href") for link in tab.page.locator(".pagefind-ui__result-link").all()}
        assert any(href.rstrip("/").endswith(url.rstrip("/")) for href in found for url in wanted), (word, found)
        assert not tab.errors, tab.errors
    finally:
        tab.close()
