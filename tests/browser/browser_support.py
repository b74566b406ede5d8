"""What the browser tests share: the pages to visit, the tab that records requests and errors, axe."""

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
# Whole pages, but no taller than this: the sources page is 80,000 px high on a phone.
SCREENSHOT_MAX_HEIGHT = 5000

# One page of each template, by its address under the site root.
TEMPLATES = {
    "home": "",
    "category": "categories/wigs-and-eyelashes/",
    "partner": "partners/south-korea/",
    "sanctions": "sanctions/",
    "sources": "sources/news/",
    "claims": "claims/",
    "figures": "figures/",
    "methodology": "methodology/",
    "data": "data/",
}

NO_CHROMIUM = ("The browser tests need Debian's chromium on PATH and found none. "
               "Install it with: sudo apt-get install chromium "
               "(`make test` run as root installs it; `playwright install` cannot work offline).")
NO_AXE = (f"axe-core is missing ({AXE_SCRIPT.relative_to(ROOT)}). "
          "Install it with: npm ci (or `make browser-deps`).")

AXE_RUN = """async () => {
    const result = await axe.run(document, {resultTypes: ['violations']});
    return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary)}));
}"""


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


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        pass


def serve(directory):
    """Serve `directory` on a random free port of 127.0.0.1; yields the base URL, ending with '/'."""
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer((LOCAL_HOST, 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    yield f"http://{LOCAL_HOST}:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


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

    def close(self):
        self.context.close()


def _console(tab: Tab, message) -> None:
    if message.type == "error":
        tab.errors.append(f"console.error: {message.text} ({message.location.get('url', '')})")


def open_tab(browser, viewport=DESKTOP) -> Tab:
    context = browser.new_context(viewport=viewport, color_scheme="light", reduced_motion="reduce",
                                  service_workers="block")
    page = context.new_page()
    tab = Tab(context, page)
    # Every request the page makes, its search worker's included.
    page.on("request", lambda request: tab.requests.append(request.url))
    # Nothing may leave the machine: foreign requests are recorded above, then refused here.
    context.route(lambda url: not is_local(url), lambda route: route.abort())
    page.on("console", lambda message: _console(tab, message))
    page.on("pageerror", lambda error: tab.errors.append(f"uncaught exception: {error}"))
    return tab


def run_axe(page) -> list[dict]:
    """axe-core's violations on the page as it is now (injected on first use)."""
    if not AXE_SCRIPT.is_file():
        pytest.fail(NO_AXE, pytrace=False)
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        # Evaluated through the DevTools protocol: the page's Content-Security-Policy rightly
        # refuses an inline <script> that add_script_tag would insert.
        page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8") + "\n;undefined")
    return page.evaluate(AXE_RUN)


def describe_violations(violations: list[dict]) -> str:
    return "\n".join(f"- {v['id']} ({v['impact']}): {v['help']}\n    " + "\n    ".join(v["nodes"][:5])
                     for v in violations)


@dataclass
class Visit:
    """What one template's page showed: loaded at phone width, then looked at at desktop width."""
    template: str
    url: str
    phone_scroll_width: int
    phone_inner_width: int
    violations: dict[str, list[dict]]  # by viewport name
    requests: list[str]
    foreign_requests: list[str]
    errors: list[str]
    screenshots: list[Path]


def visit_template(browser, base: str, template: str, edition: str = "") -> Visit:
    """One page of `template`, loaded and observed on a phone and a desktop; `edition` names the
    screenshots of another edition's page (ko-home-phone.png)."""
    tab = open_tab(browser, PHONE)
    page = tab.page
    url = base + TEMPLATES[template]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    try:
        response = page.goto(url, wait_until="load")
        assert response is not None and response.ok, f"{url} answered {response and response.status}"
        page.wait_for_load_state("networkidle")  # the search worker has fetched its index
        widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
        shots, violations = [], {}
        for name, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
            page.set_viewport_size(viewport)
            shots.append(SCREENSHOTS / f"{edition + '-' if edition else ''}{template}-{name}.png")
            height = min(page.evaluate("document.documentElement.scrollHeight"), SCREENSHOT_MAX_HEIGHT)
            page.screenshot(path=shots[-1], full_page=True,
                            clip={"x": 0, "y": 0, "width": viewport["width"], "height": height})
            violations[name] = run_axe(page)
        page.wait_for_load_state("networkidle")
        return Visit(template, url, widths[0], widths[1], violations, list(tab.requests),
                     tab.foreign_requests, list(tab.errors), shots)
    finally:
        tab.close()
