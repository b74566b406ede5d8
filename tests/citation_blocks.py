"""Reads the citation blocks of a built page as a browser without JavaScript shows them."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class CitationBlock:
    """The page's "Cite this page" section (anchor None) or one figure's "Cite this figure" control."""
    anchor: str | None  # the id of the fact the figure control stands in
    formats: dict[str, str] = field(default_factory=dict)  # format label -> text as shown
    original: str = ""  # "Cite the original too: ..."


class CitationParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[CitationBlock] = []
        self.meta: list[dict] = []
        self._stack: list[tuple[str, dict]] = []
        self._fact: list[str] = []
        self._format: str | None = None
        self._in_code = False
        self._in_original = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = set((attrs.get("class") or "").split())
        if tag == "meta":
            self.meta.append(attrs)
            return
        if tag in ("link", "br", "img", "input", "hr"):
            return
        self._stack.append((tag, attrs))
        if "fact" in classes and tag == "div":
            self._fact.append(attrs.get("id"))
        if "cite-page" in classes:
            self.blocks.append(CitationBlock(None))
        if "cite-figure" in classes:
            self.blocks.append(CitationBlock(self._fact[-1] if self._fact else None))
        if "cite-format" in classes:
            self._format = attrs["data-format"]
            self.blocks[-1].formats[self._format] = ""
        if "cite-original" in classes:
            self._in_original = True
        if tag == "code" and self._format:
            self._in_code = True

    def handle_endtag(self, tag):
        while self._stack:
            open_tag, attrs = self._stack.pop()
            classes = set((attrs.get("class") or "").split())
            if "fact" in classes and open_tag == "div":
                self._fact.pop()
            if "cite-format" in classes:
                self._format = None
            if "cite-original" in classes:
                self._in_original = False
            if open_tag == "code":
                self._in_code = False
            if open_tag == tag:
                break

    def handle_data(self, data):
        if self._in_code and self._format:
            self.blocks[-1].formats[self._format] += data
        elif self._in_original:
            self.blocks[-1].original += data


def read_page(path) -> CitationParser:
    parser = CitationParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def page_citation(path) -> CitationBlock:
    return next(b for b in read_page(path).blocks if b.anchor is None)
