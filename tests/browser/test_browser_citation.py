"""Copying a citation puts it on the clipboard exactly as shown, with the day of reading filled in."""

from __future__ import annotations

import contextlib
import datetime

import bibtexparser
from bs4 import BeautifulSoup
from browser_support import DESKTOP, PHONE, open_tab

FIGURE = "coal-2016-value-and-share-eia"
COPIED_HTML = """async () => {
    const [item] = await navigator.clipboard.read();
    return await (await item.getType('text/html')).text();
}"""


def _today(page) -> datetime.date:
    """The browser's today: the date the script writes."""
    return datetime.date.fromisoformat(page.evaluate(
        "() => { const d = new Date(); return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0')"
        " + '-' + String(d.getDate()).padStart(2, '0'); }"))


def _copy(page, block) -> str:
    """Click the block's Copy button and read the clipboard once the copy is done: the button says
    "Copied" when the asynchronous write has finished (the clipboard is shared by every tab)."""
    block.locator("button.cite-copy").click()
    block.locator("button.cite-copy", has_text="Copied").wait_for()
    return page.evaluate("() => navigator.clipboard.readText()")


@contextlib.contextmanager
def _copying_tab(browser, site_url, address: str, viewport=DESKTOP):
    """A tab at `address` that may write and read the clipboard; closed afterwards."""
    tab = open_tab(browser, viewport)
    try:
        tab.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
        tab.page.goto(site_url + address, wait_until="load")
        yield tab
    finally:
        tab.close()


def test_copy_button_copies_the_page_citation_with_the_access_date(browser, site_url):
    with _copying_tab(browser, site_url, "categories/coal/") as tab:
        page = tab.page
        apa = page.locator('section.cite-page details.cite-format[data-format="APA 7"]')
        shown = apa.locator("pre code").inner_text()
        today = _today(page)
        assert f"Retrieved {today:%B} {today.day}, {today.year}, from " in shown and "/categories/coal/" in shown
        assert _copy(page, apa).strip() == shown.strip()
        assert apa.locator("button.cite-copy").inner_text() == "Copied"
        # Beside the text, HTML with the style's italics (APA: the page's title) for a word processor.
        copied = BeautifulSoup(page.evaluate(COPIED_HTML), "html.parser")
        title = page.locator("article h1").evaluate("h1 => h1.firstChild.textContent")  # without its ¶ link
        assert [i.get_text() for i in copied.find_all("i")] == [title.strip()]
        assert " ".join(copied.get_text().split()) == " ".join(shown.split())
        assert not tab.errors, tab.errors


def test_a_table_rows_citation_keeps_the_styles_italics(browser, site_url):
    with _copying_tab(browser, site_url, "categories/coal/") as tab:
        page = tab.page
        page.locator("details.figure-table > summary").first.click()
        page.locator("details.figure-table a.cite-row").first.click()
        dialog = page.locator("dialog.cite-dialog")
        assert dialog.locator("p.cite-days").inner_text().startswith("This figure: first published on this site on ")
        harvard = dialog.locator('.cite-format[data-format="Harvard"]')
        harvard.locator("summary").click()
        shown = harvard.locator("pre code").inner_text()
        italic = harvard.locator("pre code i").all_inner_texts()
        assert len(italic) == 2 and all(part in shown for part in italic)  # Harvard: the title and the site
        _copy(page, harvard)
        copied = BeautifulSoup(page.evaluate(COPIED_HTML), "html.parser")
        assert [i.get_text() for i in copied.find_all("i")] == italic
        assert not tab.errors, tab.errors


def test_a_figure_citation_is_copied_on_a_phone(browser, site_url):
    with _copying_tab(browser, site_url, f"categories/coal/#{FIGURE}", PHONE) as tab:
        page = tab.page
        control = page.locator(f'div.fact[id="{FIGURE}"] details.cite-figure')
        control.locator(":scope > summary").click()
        today = _today(page)

        mla = control.locator('.cite-format[data-format="MLA 9"]')
        mla.locator("summary").click()
        copied = _copy(page, mla)
        assert copied == mla.locator("pre code").inner_text()
        assert f"/categories/coal/#{FIGURE}" in copied
        assert copied.endswith(f"Accessed {today.day} {_mla_month(today)} {today.year}.")

        biblatex = control.locator('.cite-format[data-format="BibLaTeX"]')
        biblatex.locator("summary").click()
        (entry,) = bibtexparser.parse_string(_copy(page, biblatex)).entries
        assert entry["urldate"] == today.isoformat()
        assert entry["url"].endswith(f"/categories/coal/#{FIGURE}")

        widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
        assert widths[0] <= widths[1], f"the open figure citation is wider than the phone: {widths}"
        box = mla.locator("pre").bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
        assert not tab.errors, tab.errors


def _mla_month(day: datetime.date) -> str:
    """MLA 9 abbreviates months of more than four letters, September as Sept."""
    name = day.strftime("%B")
    return {"September": "Sept."}.get(name, name if len(name) <= 4 else name[:3] + ".")
