"""Every number in data-driven content stands in a block that carries a footnote to its source."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from helpers import built_page
from nkexports.urls import figures_path_of
from test_site import REAL

DIGIT = re.compile(r"\d")
BLOCKS = {"p", "li", "tr"}
# "next-figure" says which year is due from a reporter and by when: its sources are the reporter's,
# footnoted where the methodology page lists the reporters, to which the line links.
EXEMPT_CLASSES = {"footnote", "page-meta", "cite-page", "page-dates", "headerlink", "next-figure", "figures-pages"}
HEADINGS = {"h1", "h2", "h3", "h4", "thead"}


class BlockScanner(HTMLParser):
    """Yields (text, has_footnote) for each innermost p, li or tr of the article, skipping exempt parts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, exempt)
        self.blocks: list[list] = []
        self.found: list[tuple[str, bool]] = []
        self.in_article = False

    def _exempt(self) -> bool:
        return any(exempt for _, exempt in self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "article":
            self.in_article = True
        classes = set((attrs.get("class") or "").split())
        exempt = bool(classes & EXEMPT_CLASSES) or tag in HEADINGS
        if tag not in ("br", "img", "hr", "input", "meta", "link"):
            self.stack.append((tag, exempt))
        if tag in BLOCKS and self.in_article and not self._exempt():
            self.blocks.append(["", False])
        if tag == "a" and "footnote-ref" in classes and self.blocks:
            self.blocks[-1][1] = True

    def handle_endtag(self, tag):
        if tag not in (t for t, _ in self.stack):
            return  # a void element such as <br />: nothing was opened
        while self.stack:
            open_tag, _ = self.stack.pop()
            if open_tag == tag:
                break
        if tag in BLOCKS and self.blocks and self.in_article:
            text, has_ref = self.blocks.pop()
            self.found.append((text.strip(), has_ref))
            for outer in self.blocks:  # an outer block contains what the inner one said
                outer[0] += " "
        if tag == "article":
            self.in_article = False

    def handle_data(self, data):
        if self.blocks and not self._exempt():
            self.blocks[-1][0] += data


def unsourced_figures(path: Path) -> list[str]:
    scanner = BlockScanner()
    scanner.feed(path.read_text(encoding="utf-8"))
    return [text for text, has_ref in scanner.found if DIGIT.search(text) and not has_ref]


DATA_PAGES = ([p.url.rstrip("/") for p in REAL.pages.values()] + ["sanctions"]
              + sorted({figures_path_of(rank).removesuffix(".md") for rank in REAL.series_rank.values()}))


@pytest.mark.parametrize("url", DATA_PAGES)
def test_no_figure_without_a_footnote(real_site, url):
    assert unsourced_figures(built_page(real_site, url)) == []


def test_claims_page_gives_every_verdict_a_source(real_site):
    html = built_page(real_site, "claims").read_text()
    for claim in REAL.claims:
        block = html.split(f'id="{claim.id}"', 1)[1].split("</div>", 1)[0]
        assert "footnote-ref" in block, f"claim {claim.id} shows no source"


def test_scanner_catches_an_unsourced_figure(tmp_path):
    page = tmp_path / "page.html"
    page.write_text('<article><p>Exports were 5 million.</p><p>Sourced 6.<sup><a class="footnote-ref" href="#fn:x">1</a></sup></p>'
                    '<div class="footnote"><ol><li>Published 2024.</li></ol></div></article>')
    assert unsourced_figures(page) == ["Exports were 5 million."]
