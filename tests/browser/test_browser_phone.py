"""Pages on a 375 px phone: nothing wider than the screen, tables included; a table row's citation
opens and copies; footnotes preview on hover; citation blocks carry one copy button, ours."""

from __future__ import annotations

import datetime

import bibtexparser
import pytest

from browser_support import PHONE, TEMPLATES, open_tab

# Every element that reaches past the right edge of the screen, or is wider than it, charts included.
PAST_THE_EDGE = """() => {
  const width = document.documentElement.clientWidth;
  const found = [];
  for (const element of document.querySelectorAll("body *")) {
    if (!element.checkVisibility({opacityProperty: true, visibilityProperty: true})) continue;
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    if (box.width > width + 0.5 || box.right > width + 0.5) {
      found.push(`${element.tagName.toLowerCase()}.${element.getAttribute("class") || ""}: ${Math.round(box.left)}..${Math.round(box.right)} px`);
    }
  }
  return found;
}"""
TABLE_WIDTHS = "() => [...document.querySelectorAll('article table')].map(t => t.getBoundingClientRect().right)"
# Long tables and lists are folded; the checks below look at them unfolded, as a reader who opens them sees them.
FOLDS = "details.figure-table, details.sources-fold, details.why-differ"
UNFOLD = f"() => document.querySelectorAll({FOLDS!r}).forEach(fold => fold.open = true)"
# Pages with the largest generated tables, beside one page of each template.
PAGES = {**TEMPLATES, "partner with the most figures": "partners/china/", "category with series": "categories/coal/"}


@pytest.fixture
def phone(browser, site_url):
    tab = open_tab(browser, PHONE)
    tab.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    yield tab
    tab.close()


# Every small link a finger taps in the article: footnote markers, a row's "Cite", a fact's "Link".
SMALL_LINKS = "article a.footnote-ref, article a.cite-row, article a.fact-link"
TOO_SMALL = """(selector) => [...document.querySelectorAll(selector)]
  .filter(a => a.checkVisibility())
  .map(a => [a.getAttribute("href"), a.getBoundingClientRect()])
  .filter(([, box]) => box.width < 24 || box.height < 24)
  .map(([href, box]) => `${href}: ${Math.round(box.width)}x${Math.round(box.height)} px`)"""


@pytest.mark.parametrize("name", PAGES)
def test_small_links_are_targets_a_finger_can_tap(phone, site_url, name):
    """WCAG 2.5.8: at least 24 by 24 CSS pixels."""
    page = phone.page
    page.goto(site_url + PAGES[name], wait_until="load")
    page.evaluate(UNFOLD)
    small = page.evaluate(TOO_SMALL, SMALL_LINKS)
    assert not small, f"{PAGES[name]}:\n" + "\n".join(small[:20])


@pytest.mark.parametrize("name", PAGES)
def test_nothing_is_wider_than_a_phone(phone, site_url, name):
    page = phone.page
    page.goto(site_url + PAGES[name], wait_until="load")
    page.evaluate(UNFOLD)
    width = page.evaluate("document.documentElement.clientWidth")
    tables = page.evaluate(TABLE_WIDTHS)
    assert all(right <= width + 0.5 for right in tables), f"{PAGES[name]}: tables end at {tables}, the screen at {width}"
    past = page.evaluate(PAST_THE_EDGE)
    assert not past, f"{PAGES[name]} at {width} px:\n" + "\n".join(past[:20])


def test_every_column_of_a_figures_table_is_labelled_on_a_phone(phone, site_url):
    page = phone.page
    page.goto(site_url + "partners/china/", wait_until="load")
    page.evaluate(UNFOLD)
    row = page.locator("#all-figures ~ details table tbody tr").first
    labels = row.locator("td").evaluate_all("cells => cells.map(c => getComputedStyle(c, '::before').content)")
    assert labels == ['"Period: "', '"Figure: "', '"What exactly: "', '"Whose figure: "', '"Source: "']
    assert row.locator("td").last.is_visible()


def _today(page) -> datetime.date:
    return datetime.date.fromisoformat(page.evaluate(
        "() => { const d = new Date(); return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0')"
        " + '-' + String(d.getDate()).padStart(2, '0'); }"))


def test_a_table_row_citation_opens_and_copies_on_a_phone(phone, site_url):
    page = phone.page
    page.goto(site_url + "partners/china/", wait_until="load")
    page.evaluate(UNFOLD)
    link = page.locator("#all-figures ~ details table a.cite-row").nth(3)
    anchor = link.get_attribute("data-cite")
    link.click()
    dialog = page.locator("dialog.cite-dialog[open]")
    dialog.locator('details.cite-format[data-format="BibLaTeX"] summary').click()
    block = dialog.locator('details.cite-format[data-format="BibLaTeX"]')
    block.locator("button.cite-copy").click()
    block.locator("button.cite-copy", has_text="Copied").wait_for()  # the write is asynchronous
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied == block.locator("pre code").inner_text()
    (entry,) = bibtexparser.parse_string(copied).entries
    assert entry["url"] == f"https://nkexports.github.io/nkexports/partners/china/#{anchor}"
    assert entry["urldate"] == _today(page).isoformat()
    assert page.locator(f'[id="{anchor}"]').count() == 1
    box = dialog.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    dialog.locator("button.cite-close").click()
    assert page.locator("dialog.cite-dialog[open]").count() == 0
    assert not phone.errors, phone.errors


def test_without_script_a_row_cite_link_leads_to_the_page_citation(browser, site_url):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + "categories/coal/", wait_until="load")
        page.locator("details.figure-table > summary").first.click()  # a fold opens without script
        page.locator("details.figure-table a.cite-row").first.click()
        assert page.url.endswith("#cite-this-page")
        assert page.locator("section.cite-page").is_visible()
        assert page.locator("section.cite-page .cite-files a[download]").count() >= 3
    finally:
        context.close()


def test_a_link_into_a_fold_opens_it(phone, site_url):
    """A footnote marker shows its source, and a row's own address shows the row, though both are folded."""
    page = phone.page
    page.goto(site_url + "partners/china/", wait_until="load")
    reference = page.locator("article .fact sup a.footnote-ref").first
    target = page.locator(f'[id="{reference.get_attribute("href").lstrip("#")}"]')
    assert not target.is_visible()
    reference.click()
    target.wait_for(state="visible")
    row = page.locator("details.figure-table tr[id]").last
    anchor = row.get_attribute("id")
    assert not row.is_visible()
    page.goto(site_url + f"partners/china/#{anchor}", wait_until="load")
    row.wait_for(state="visible")
    assert not phone.errors, phone.errors


def test_a_fact_cite_control_is_one_small_line(phone, site_url):
    page = phone.page
    page.goto(site_url + "categories/coal/", wait_until="load")
    summary = page.locator("div.fact details.cite-figure > summary").first
    box = summary.bounding_box()
    assert box["width"] < PHONE["width"] / 3, f"the cite control is {box['width']} px wide"
    assert 24 <= box["height"] < 40, f"the cite control is {box['height']} px high"


def test_a_footnote_previews_its_source_on_hover(phone, site_url):
    page = phone.page
    page.goto(site_url + "categories/coal/", wait_until="load")
    reference = page.locator("article .fact sup a.footnote-ref").first
    target = reference.get_attribute("href").lstrip("#")
    source = page.locator(f'[id="{target}"]').inner_text().split(".")[0]
    reference.hover()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible")
    assert source in tooltip.inner_text()


def test_citation_blocks_have_one_copy_button_each(phone, site_url):
    page = phone.page
    page.goto(site_url + "categories/coal/", wait_until="load")
    page.locator("div.fact details.cite-figure > summary").first.click()
    for block in page.locator("details.cite-format[open]").all():
        assert block.locator("button").count() == 1, "a second copy button beside ours"
    assert page.locator("article .md-clipboard").count() == 0
