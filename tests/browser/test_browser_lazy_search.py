"""The search index, the heaviest file a page needs, loads only when the reader opens search."""

from __future__ import annotations

from browser_support import open_tab


def test_search_index_waits_until_search_is_opened(browser, site_url):
    tab = open_tab(browser)
    try:
        page = tab.page
        page.goto(site_url + "categories/coal/", wait_until="load")
        page.wait_for_load_state("networkidle")
        assert not [url for url in tab.requests if url.endswith("search_index.json")], "index loaded before search"
        with page.expect_request(lambda request: request.url.endswith("search/search_index.json")):
            page.keyboard.press("/")
        page.keyboard.type("ferrosilicon")
        first = page.locator(".md-search-result__item a").first
        first.wait_for(timeout=15_000)
        assert "categories/ferroalloys/" in first.get_attribute("href")
        assert not tab.errors, tab.errors
    finally:
        tab.close()
