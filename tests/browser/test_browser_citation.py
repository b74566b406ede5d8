"""The citation block's copy button puts the citation on the clipboard, exactly as shown."""

from __future__ import annotations

from browser_support import open_tab


def test_copy_button_copies_the_apa_citation(browser, site_url):
    tab = open_tab(browser)
    try:
        tab.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
        page = tab.page
        page.goto(site_url + "categories/coal/", wait_until="load")
        apa = page.locator('details.cite-format[data-format="APA 7"]')
        shown = apa.locator("pre code").inner_text()
        assert "Coal" in shown and "/categories/coal/" in shown
        apa.locator("button.cite-copy").click()
        copied = page.evaluate("() => navigator.clipboard.readText()")
        assert copied.strip() == shown.strip()
        assert apa.locator("button.cite-copy").inner_text() == "Copied"
        assert not tab.errors, tab.errors
    finally:
        tab.close()
