"""Browser fixtures: the real site served on 127.0.0.1 and one Debian chromium for the whole session.

Playwright's own browser download cannot work on these machines, so the tests drive the chromium that
`apt-get install chromium` puts on PATH. Without it every browser test fails, saying how to install it.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}
LOCAL_HOST = "127.0.0.1"

# One page of each template, by its address under the site root.
TEMPLATES = {
    "home": "",
    "category": "categories/wigs-and-eyelashes/",
    "partner": "partners/south-korea/",
    "sanctions": "sanctions/",
    "sources": "sources/",
    "claims": "claims/",
    "figures": "figures/",
    "methodology": "methodology/",
}

NO_CHROMIUM = ("The browser tests need Debian's chromium on PATH and found none. "
               "Install it with: sudo apt-get install chromium "
               "(or run `make test` as root, which installs it). `playwright install` cannot work offline.")
NO_AXE = (f"axe-core is missing ({AXE_SCRIPT.relative_to(ROOT)}). "
          "Install it with: npm ci (or `make browser-deps`).")


def chromium_path() -> str:
    path = shutil.which("chromium")
    if not path:
        pytest.fail(NO_CHROMIUM, pytrace=False)
    return path


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return True  # no network involved
    return parts.hostname == LOCAL_HOST


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        pass


@pytest.fixture(scope="session")
def served_site(real_site) -> str:
    """The real site on a random free port of 127.0.0.1; the base URL ends with '/'."""
    handler = functools.partial(_QuietHandler, directory=str(real_site))
    server = http.server.ThreadingHTTPServer((LOCAL_HOST, 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    yield f"http://{LOCAL_HOST}:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


@pytest.fixture(scope="session")
def browser():
    executable = chromium_path()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@dataclass
class Tab:
    """A fresh browser context and page that records every request and every console error."""
    context: object
    page: object
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def foreign_requests(self) -> list[str]:
        return [url for url in self.requests if not is_local(url)]


def open_tab(browser, viewport=DESKTOP) -> Tab:
    context = browser.new_context(viewport=viewport, color_scheme="light", reduced_motion="reduce",
                                  service_workers="block")
    page = context.new_page()
    tab = Tab(context, page)
    # Context-wide, so requests from the search worker are recorded as well as the page's own.
    context.on("request", lambda request: tab.requests.append(request.url))
    # Nothing leaves the machine: record foreign requests (above), then refuse them here.
    context.route(lambda url: not is_local(url), lambda route: route.abort())
    page.on("console", lambda message: tab.errors.append(f"console.{message.type}: {message.text} "
                                                       f"({message.location.get('url', '')})")
            if message.type == "error" else None)
    page.on("pageerror", lambda error: tab.errors.append(f"uncaught: {error}"))
    return tab


@pytest.fixture
def tab(browser, served_site):
    tab = open_tab(browser)
    yield tab
    tab.context.close()


def run_axe(page) -> list[dict]:
    if not AXE_SCRIPT.is_file():
        pytest.fail(NO_AXE, pytrace=False)
    page.add_script_tag(path=str(AXE_SCRIPT))
    return page.evaluate("""async () => {
        const result = await axe.run(document, {resultTypes: ['violations']});
        return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary)}));
    }""")


def scroll_overflow(page) -> dict:
    return page.evaluate("""() => ({scrollWidth: document.documentElement.scrollWidth,
                                    innerWidth: window.innerWidth})""")


@dataclass
class Visit:
    """Everything observed on one template's page: at phone width, then at desktop width."""
    template: str
    url: str
    phone_width: dict
    violations: list[dict]
    requests: list[str]
    errors: list[str]
    foreign_requests: list[str]
    screenshots: list[Path]


def _visit(browser, base: str, template: str) -> Visit:
    tab = open_tab(browser, PHONE)
    page = tab.page
    url = base + TEMPLATES[template]
    try:
        response = page.goto(url, wait_until="load")
        assert response is not None and response.ok, f"{url} answered {response and response.status}"
        page.wait_for_load_state("networkidle")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        shots = []
        phone_width = scroll_overflow(page)
        shots.append(SCREENSHOTS / f"{template}-phone.png")
        page.screenshot(path=shots[-1], full_page=True)
        violations = run_axe(page)
        page.set_viewport_size(DESKTOP)
        shots.append(SCREENSHOTS / f"{template}-desktop.png")
        page.screenshot(path=shots[-1], full_page=True)
        seen = {v["id"] for v in violations}
        violations += [v for v in run_axe_again(page) if v["id"] not in seen]
        page.wait_for_load_state("networkidle")
        return Visit(template, url, phone_width, violations, list(tab.requests), list(tab.errors),
                     tab.foreign_requests, shots)
    finally:
        tab.context.close()


def run_axe_again(page) -> list[dict]:
    """axe is already injected; run it once more (at another width)."""
    return page.evaluate("""async () => {
        const result = await axe.run(document, {resultTypes: ['violations']});
        return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary)}));
    }""")


@pytest.fixture(scope="session")
def visits(browser, served_site):
    """Each template's page, loaded once and observed, on first use."""
    cache: dict[str, Visit] = {}

    def get(template: str) -> Visit:
        if template not in cache:
            cache[template] = _visit(browser, served_site, template)
        return cache[template]

    return get
