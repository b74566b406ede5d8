"""What a screen reader's list of links shows, read from chromium's own accessibility tree: on every
page, folds opened, two links with the same accessible name lead to the same place."""

from __future__ import annotations

from collections import defaultdict

import pytest

from browser_support import DESKTOP, open_tab
from test_site import REAL, html_pages

UNFOLD = "() => document.querySelectorAll('details').forEach(fold => fold.open = true)"


def _links(page) -> dict[str, set[str]]:
    """Accessible name -> the addresses of the links chromium exposes with it."""
    session = page.context.new_cdp_session(page)
    try:
        nodes = session.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        session.detach()
    places: dict[str, set[str]] = defaultdict(set)
    for node in nodes:
        if node.get("ignored") or node.get("role", {}).get("value") != "link":
            continue
        url = next((p["value"]["value"] for p in node.get("properties", []) if p["name"] == "url"), None)
        if url is not None:
            places[" ".join(node.get("name", {}).get("value", "").split())].add(url.removesuffix("index.html"))
    return places


@pytest.fixture(scope="module")
def every_page(real_site) -> list[str]:
    return sorted(path.relative_to(real_site).parent.as_posix().removeprefix(".").lstrip("/")
                  for path in html_pages(real_site) if path.name == "index.html")


def test_no_two_links_on_a_page_share_a_name_unless_they_lead_to_one_place(browser, site_url, every_page):
    tab = open_tab(browser, DESKTOP)
    try:
        shared, named = {}, 0
        for address in every_page:
            tab.page.goto(site_url + (address + "/" if address else ""), wait_until="load")
            tab.page.evaluate(UNFOLD)
            links = _links(tab.page)
            named += len(links)
            found = {name: sorted(urls) for name, urls in links.items() if len(urls) > 1}
            if found:
                shared[address or "home"] = found
        assert len(every_page) >= len(REAL.pages) and named > 10 * len(every_page), "chromium exposed few links"
        assert not shared, shared
    finally:
        tab.close()
