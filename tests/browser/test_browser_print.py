"""A printed page keeps its footnotes, every citation format and its stable address."""

from __future__ import annotations

from browser_support import open_tab


def test_print_keeps_footnotes_citations_and_address(browser, site_url):
    tab = open_tab(browser)
    try:
        page = tab.page
        page.goto(site_url + "categories/coal/", wait_until="load")
        page.emulate_media(media="print")
        assert page.locator("div.footnote").is_visible()
        assert page.locator("text=Stable address:").is_visible()
        for label in ("APA 7", "MLA 9", "BibLaTeX", "BibTeX", "RIS", "CSL-JSON"):
            assert page.locator(f'section.cite-page details.cite-format[data-format="{label}"] pre').is_visible(), label
        link = page.locator(".footnote a.external").first
        shown = link.evaluate("""a => getComputedStyle(a, '::after').content""")
        assert link.get_attribute("href") in shown, "the full address of a source is not printed"
        pdf = page.pdf()
        assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    finally:
        tab.close()
