"""What a reader does on the real site, in a real browser: follow links, search, read footnotes, go dark."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from browser_support import describe_violations, run_axe

CATEGORY = "categories/wigs-and-eyelashes/"


def assert_clean(tab):
    """The tab logged no error and asked nothing of any host but 127.0.0.1."""
    assert not tab.errors, "console errors:\n" + "\n".join(tab.errors)
    assert not tab.foreign_requests, "requests to other hosts:\n" + "\n".join(tab.foreign_requests)


def test_home_to_category_to_partner_and_back(tab, site_url):
    page = tab.page
    page.goto(site_url)
    article = page.locator("article")
    article.get_by_role("link", name="Export categories", exact=True).click()
    expect(page).to_have_url(site_url + "categories/")

    article.get_by_role("link", name="Wigs, false eyelashes and other hair products", exact=True).click()
    expect(page).to_have_url(site_url + CATEGORY)
    category_title = page.locator("article h1").inner_text()

    # A partner page named in a fact ("Concerns: ..."), else one under "Related pages".
    cross_link = page.locator("article .fact a[href*='partners/']").or_(
        page.locator("article h2#related-pages + ul a[href*='partners/']")).first
    expect(cross_link).to_be_visible()
    partner_name = cross_link.inner_text()
    cross_link.click()
    expect(page).to_have_url(re.compile(re.escape(site_url) + r"partners/[a-z0-9-]+/$"))
    expect(page.locator("article h1")).to_contain_text(partner_name)

    page.go_back()
    expect(page).to_have_url(site_url + CATEGORY)
    expect(page.locator("article h1")).to_have_text(category_title)
    page.go_back()
    expect(page).to_have_url(site_url + "categories/")
    assert_clean(tab)


@pytest.mark.parametrize(("query", "expected"), [
    ("eyelashes", CATEGORY),
    ("ferrosilicon", "categories/ferroalloys/"),
    ("Kaesong", "partners/south-korea/"),
    ("anthracite", "categories/coal/"),
])
def test_search_puts_the_right_page_first(tab, site_url, query, expected):
    page = tab.page
    page.goto(site_url)
    page.wait_for_load_state("networkidle")  # the search worker has its index
    page.keyboard.press("/")
    expect(page.locator(".md-search__input")).to_be_focused()
    page.keyboard.type(query)
    # Results are shown as each letter arrives; those for the whole query highlight the whole query.
    page.wait_for_function("""query => [...document.querySelectorAll('.md-search-result__item a')]
        .some(a => new URL(a.href).searchParams.get('h') === query)""", arg=query.lower(), timeout=15_000)
    items = page.locator(".md-search-result__list > .md-search-result__item > a")
    found = [urlsplit(link.evaluate("a => a.href")).path for link in items.all()[:5]]
    assert found and found[0] == "/" + expected, (
        f"searching {query!r}: the first result is {found[0] if found else None}, not /{expected}; "
        f"the first five: {found}")
    assert_clean(tab)


def test_footnote_jumps_to_its_source_and_back(tab, site_url):
    page = tab.page
    page.goto(site_url + CATEGORY)
    ref = page.locator("article a.footnote-ref").first
    target = ref.get_attribute("href")
    assert target and target.startswith("#fn:"), f"footnote reference links to {target!r}"
    ref_id = ref.locator("xpath=..").get_attribute("id")  # the first reference is <sup id="fnref:...">
    assert ref_id == "fnref:" + target[len("#fn:"):], f"footnote reference to {target} sits in {ref_id!r}"

    ref.click()
    expect(page).to_have_url(re.compile(re.escape(target) + "$"))
    entry = page.locator(f"li[id='{target[1:]}']")
    expect(entry).to_be_in_viewport()

    source_links = entry.locator("a.external")
    assert source_links.count() >= 1, f"footnote {target} has no link to its source"
    for link in source_links.all():
        rel = (link.get_attribute("rel") or "").split()
        assert "noopener" in rel, f"source link {link.get_attribute('href')} has rel={rel}"

    entry.locator(f"a.footnote-backref[href='#{ref_id}']").click()
    expect(page).to_have_url(re.compile(f"#{re.escape(ref_id)}$"))
    expect(page.locator(f"sup[id='{ref_id}']")).to_be_in_viewport()
    assert_clean(tab)


def test_every_link_opening_a_new_tab_has_noopener(tab, site_url):
    page = tab.page
    page.goto(site_url + CATEGORY)
    for link in page.locator("a[target=_blank], a.external").all():
        rel = (link.get_attribute("rel") or "").split()
        assert "noopener" in rel, f"{link.get_attribute('href')} opens without rel=noopener (rel={rel})"


def test_dark_palette_toggle(tab, site_url):
    page = tab.page
    page.goto(site_url)
    body = page.locator("body")
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    page.locator("form[data-md-component=palette] label:visible").click()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    violations = run_axe(page)
    assert not violations, f"axe-core found violations in the dark palette:\n{describe_violations(violations)}"
    page.locator("form[data-md-component=palette] label:visible").click()
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    assert_clean(tab)
