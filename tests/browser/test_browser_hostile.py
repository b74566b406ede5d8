"""In chromium: text that tries to break out of the page head stays one attribute value, and the
Content-Security-Policy stops a script that reached a page, while the site's own scripts run."""

from __future__ import annotations

import re
import shutil

import pytest

from browser_support import open_tab, serve
from hostile_data import PAYLOADS

QUOTES = PAYLOADS[0]  # '" http-equiv="content-security-policy" content=...'
CASE_PAGE = "categories/case-a/"  # every text field of this page holds QUOTES
INJECTED = "<script>window.injectedScriptRan = true;</script>"
OUTSIDE_IMAGE = "https://images.example.org/pixel.png"
CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">\n?')


def test_a_summary_full_of_quotes_stays_one_description(browser, hostile_site_url):
    tab = open_tab(browser)
    try:
        tab.page.goto(hostile_site_url + CASE_PAGE, wait_until="load")
        descriptions = tab.page.evaluate("""() => [...document.querySelectorAll('meta[name="description"]')]
            .map(m => ({names: m.getAttributeNames(), content: m.getAttribute('content')}))""")
        assert descriptions == [{"names": ["name", "content"], "content": QUOTES}]
        http_equiv = tab.page.evaluate("() => [...document.querySelectorAll('meta[http-equiv]')]"
                                       ".map(m => m.getAttribute('http-equiv'))")
        assert http_equiv == ["Content-Security-Policy"]
        assert tab.page.title() == f"{QUOTES} - North Korea's exports"
        assert tab.page.evaluate("() => typeof __md_get") == "function", "the site's own inline scripts did not run"
        assert not tab.errors, tab.errors
    finally:
        tab.close()


@pytest.fixture(scope="module")
def injectable_site(tmp_path_factory, hostile_site):
    """A copy of the hostile site that this module may add pages to, and its address."""
    copy = tmp_path_factory.mktemp("injectable") / "site"
    shutil.copytree(hostile_site, copy)
    for url in serve(copy):
        yield copy, url


def _page_with_injected(site, markup: str, keep_policy: bool) -> str:
    """A copy of the case page, beside it, with `markup` added to its article as if escaping had failed."""
    html = (site / CASE_PAGE / "index.html").read_text(encoding="utf-8")
    html = html.replace('<article class="md-content__inner md-typeset">',
                        '<article class="md-content__inner md-typeset">' + markup, 1)
    if not keep_policy:
        html = CSP_META.sub("", html, count=1)
    name = f"injected-{len(list((site / CASE_PAGE).glob('injected-*')))}.html"
    (site / CASE_PAGE / name).write_text(html, encoding="utf-8")
    return CASE_PAGE + name


def test_the_policy_blocks_an_injected_inline_script(browser, injectable_site):
    site, url = injectable_site
    for keep_policy, expected in ((False, True), (True, None)):
        tab = open_tab(browser)
        try:
            tab.page.goto(url + _page_with_injected(site, INJECTED, keep_policy), wait_until="load")
            ran = tab.page.evaluate("() => window.injectedScriptRan")
            assert ran is expected, f"with the policy {'kept' if keep_policy else 'removed'}, the script ran: {ran}"
            assert tab.page.evaluate("() => typeof __md_get") == "function"
            if keep_policy:
                assert any("Content Security Policy" in error for error in tab.errors), tab.errors
        finally:
            tab.close()


def _recorded_and_refused(sent: list[str]):
    """A route handler that notes each request it is given and refuses it."""
    def handle(route):
        sent.append(route.request.url)
        route.abort()
    return handle


def test_the_policy_blocks_an_injected_image_from_another_host(browser, injectable_site):
    """An image from elsewhere would tell that host who reads the page: without the policy chromium
    sends the request out (here to a route that records and refuses it), with the policy it never does."""
    site, url = injectable_site
    for keep_policy in (False, True):
        tab = open_tab(browser)
        sent: list[str] = []
        tab.page.route(OUTSIDE_IMAGE, _recorded_and_refused(sent))
        try:
            tab.page.goto(url + _page_with_injected(site, f'<img src="{OUTSIDE_IMAGE}" alt="">', keep_policy),
                          wait_until="load")
            asked = sent == [OUTSIDE_IMAGE]
            assert asked is not keep_policy, f"with the policy {'kept' if keep_policy else 'removed'}: asked {asked}"
            if keep_policy:
                assert any("Content Security Policy" in error for error in tab.errors), tab.errors
        finally:
            tab.close()
