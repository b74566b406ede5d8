"""How long each built page is on a phone: its height at 375 px wide, in screens of 812 px (the
browser tests' phone), as a reader first sees it (folds closed), measured in Debian's chromium
through Playwright on the site served from 127.0.0.1."""

from __future__ import annotations

import shutil
from pathlib import Path

from lighthouse import Server

PHONE = {"width": 375, "height": 812}
HEIGHT_IN_SCREENS = "() => document.documentElement.scrollHeight / window.innerHeight"


def available() -> str | None:
    """Why pages cannot be measured here, or None when they can."""
    if not shutil.which("chromium"):
        return "no chromium (Debian: apt-get install chromium)"
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "no playwright (run: make test, which installs the test tools)"
    return None


def screens(site: Path, browser=None) -> dict[str, float]:
    """Each page's address under the site root ('' is the home page) -> its length in phone screens;
    in `browser` (a Playwright chromium) when given, else in one launched for the purpose."""
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            launched = playwright.chromium.launch(executable_path=shutil.which("chromium"), headless=True,
                                                  args=["--no-sandbox", "--disable-gpu"])
            try:
                return screens(site, launched)
            finally:
                launched.close()
    pages = sorted(p.relative_to(site).parent.as_posix().removeprefix(".").lstrip("/")
                   for p in site.rglob("index.html"))
    found = {}
    with Server(site) as base:
        context = browser.new_context(viewport=PHONE)
        try:
            tab = context.new_page()
            # Nothing leaves the machine: a page that asks for another host gets no answer.
            tab.route(lambda url: not url.startswith(base), lambda route: route.abort())
            for page in pages:
                tab.goto(base + (page + "/" if page else ""), wait_until="load")
                found[page] = round(tab.evaluate(HEIGHT_IN_SCREENS), 1)
        finally:
            context.close()
    return found
