"""Browser fixtures: the real site served on 127.0.0.1 and one Debian chromium for the whole session.

Playwright's own browser download cannot work on these machines, so the tests drive the chromium that
`apt-get install chromium` puts on PATH. Without it every browser test fails, saying how to install it.
"""

from __future__ import annotations

import pytest

from browser_support import CHROMIUM_ARGS, Visit, chromium_path, open_tab, serve, visit_template


@pytest.fixture(scope="session")
def browser():
    """One headless chromium for the session; fails (never skips) when chromium is not installed."""
    executable = chromium_path()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def site_url(browser, real_site) -> str:
    """The real site, served on 127.0.0.1."""
    yield from serve(real_site)


@pytest.fixture(scope="session")
def hostile_site_url(browser, hostile_site) -> str:
    """The site built from hostile text in every field (tests/hostile_data.py), served on 127.0.0.1."""
    yield from serve(hostile_site)


@pytest.fixture(scope="session")
def korean_site_url(browser, real_korean_site) -> str:
    """The Korean edition, served on 127.0.0.1 at its own root."""
    yield from serve(real_korean_site)


@pytest.fixture(scope="session")
def korean_visit(browser, korean_site_url):
    """Each template's Korean page, loaded and observed once, on first use."""
    cache: dict[str, Visit] = {}

    def get(template: str) -> Visit:
        if template not in cache:
            cache[template] = visit_template(browser, korean_site_url, template, edition="ko")
        return cache[template]

    return get


@pytest.fixture
def tab(browser, site_url):
    tab = open_tab(browser)
    yield tab
    tab.close()


@pytest.fixture(scope="session")
def visit(browser, site_url):
    """Each template's page, loaded and observed once, on first use; later tests read the record."""
    cache: dict[str, Visit] = {}

    def get(template: str) -> Visit:
        if template not in cache:
            cache[template] = visit_template(browser, site_url, template)
        return cache[template]

    return get
