"""Property-based tests of every output context: for arbitrary strings, each escaping function's
output is read back by a real client of that context (Python-Markdown, an HTML parser, MkDocs'
front matter reader, the csv module, a JSON parser, an XML parser, a WHATWG URL parser) as
exactly the text it was given, with nothing added."""

from __future__ import annotations

import csv
import io
import json
import math
from html.parser import HTMLParser

import ada_url
import markdown
import pytest
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree
from markdown_it import MarkdownIt
from mkdocs.utils import meta

from nkexports.escape import (csv_table, front_matter_string, html_attribute, html_text, json_text, log_text,
                              markdown_link, markdown_text, svg_text)
from nkexports.rules.plain_text import invisible_character
from nkexports.weburl import UnsafeAddress, parse_web_address

# The Markdown extensions of mkdocs.yml, which every generated page goes through.
EXTENSIONS = ["footnotes", "attr_list", "md_in_html", "tables", "admonition", "toc"]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
# Text the validator lets through: anything without invisible characters.
visible_text = st.text().filter(lambda text: invisible_character(text) is None)
# Markdown, HTML, template and spreadsheet syntax, over-represented so that it meets itself.
syntax = st.text(alphabet="<>&\"'`*_{}[]()#!|~^=+-@:;/\\%. \n\t\r!?$0123456789aAzZ\u00a0\u202e\u0430",
                 max_size=40)


class Parsed(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_data(self, data):
        self.text.append(data)


def parsed(html: str) -> Parsed:
    parser = Parsed()
    parser.feed(html)
    parser.close()
    return parser


@given(st.one_of(visible_text, syntax.filter(lambda text: invisible_character(text) is None)))
def test_markdown_text_is_one_paragraph_of_the_same_text(value):
    html = markdown.markdown(markdown_text(value), extensions=EXTENSIONS)
    page = parsed(html)
    folded = " ".join(value.split())
    if not folded:
        assert page.tags == []
        return
    assert [tag for tag, _ in page.tags] == ["p"], html
    assert "".join(page.text) == folded


@given(st.one_of(st.text(), syntax))
def test_html_attribute_is_one_attribute_value(value):
    page = parsed(f'<meta name="description" content="{html_attribute(value)}">')
    assert page.tags == [("meta", [("name", "description"), ("content", value)])]


@given(st.one_of(st.text(), syntax))
def test_html_text_is_text(value):
    page = parsed(f"<p>{html_text(value)}</p>")
    assert [tag for tag, _ in page.tags] == ["p"]
    assert "".join(page.text) == value


@given(st.one_of(st.text(), syntax))
def test_front_matter_string_reads_back_as_itself(value):
    _, data = meta.get_data(f"---\ntitle: {front_matter_string(value)}\nnext: field\n---\nbody\n")
    assert data == {"title": value, "next": "field"}


@given(st.one_of(st.text(), syntax, st.integers(), st.floats(allow_nan=False)))
def test_csv_cell_is_one_cell_and_never_a_formula(value):
    table = csv_table(["cell", "next"], [{"cell": value, "next": "next"}])
    rows = list(csv.reader(io.StringIO(table, newline="")))
    assert len(rows) == 2 and rows[1][1] == "next", rows
    cell = rows[1][0]
    if isinstance(value, str):
        assert not cell.lstrip(" ").startswith(FORMULA_START)
        assert cell in (value, "'" + value)
    else:
        assert cell == str(value)


@given(st.recursive(st.none() | st.booleans() | st.floats() | st.integers() | st.text(),
                    lambda children: st.lists(children) | st.dictionaries(st.text(), children), max_leaves=10))
def test_json_text_is_valid_json_or_refused(value):
    def finite(item):
        if isinstance(item, float):
            return math.isfinite(item)
        if isinstance(item, list):
            return all(finite(i) for i in item)
        if isinstance(item, dict):
            return all(finite(i) for i in item.values())
        return True

    if not finite(value):
        with pytest.raises(ValueError):
            json_text(value)
        return

    def refuse(name):
        raise ValueError(name)

    assert json.loads(json_text(value), parse_constant=refuse) == value


@given(st.one_of(visible_text, syntax))
def test_svg_text_reads_back_in_an_xml_parser(value):
    if any(ord(c) in (0xFFFE, 0xFFFF) for c in value):
        return  # not XML characters; the browser's HTML parser, which reads inline SVG, tolerates them
    svg = etree.fromstring(f'<svg xmlns="http://www.w3.org/2000/svg"><title a="{svg_text(value)}">'
                           f"{svg_text(value)}</title></svg>")
    assert len(svg) == 1 and (svg[0].text or "") == value and svg[0].get("a") == value


@given(st.one_of(st.text(), syntax))
def test_log_text_is_one_printable_line(value):
    shown = log_text(value)
    assert "\n" not in shown and all(char.isprintable() for char in shown)
    assert not shown.startswith("::") or value.startswith("::")


# Addresses built from the parts that browsers read differently from a naive parser.
schemes = st.sampled_from(["https://", "http://", "HTTPS://", "https:/", "https:///", "https:\\\\", "https:",
                           "javascript://", " https://", "ftp://"])
authorities = st.text(alphabet="abcxyz019.-@:%[]\\/?#\u0430\u0435\uff0e\u3002\t\n ", min_size=0, max_size=24)
paths = st.text(alphabet="/abc?#=&%@\\:.é ", max_size=12)


@given(st.one_of(st.builds(lambda s, a, p: s + a + p, schemes, authorities, paths),
                 st.builds(lambda a: "https://" + a + ".org/x", authorities)))
def test_an_accepted_address_opens_the_host_it_shows(text):
    try:
        address = parse_web_address(text)
    except UnsafeAddress:
        return
    browser = ada_url.URL(address.href)
    assert browser.protocol in ("http:", "https:")
    assert browser.hostname == address.host
    assert browser.username == "" and browser.password == ""


def gfm_table_row(first: str, second: str) -> list:
    """The cells of a one-row table as GitHub reads it (CommonMark with tables and inline HTML)."""
    markdown = f"| a | b |\n| --- | --- |\n| {first} | {second} |\n"
    soup = BeautifulSoup(MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown), "html.parser")
    rows = soup.find("tbody").find_all("tr") if soup.find("tbody") else []
    assert len(rows) == 1, markdown
    return rows[0].find_all("td")


@given(st.one_of(visible_text, syntax.filter(lambda text: invisible_character(text) is None)))
def test_markdown_text_is_one_table_cell_of_the_same_text_on_github(value):
    cells = gfm_table_row(markdown_text(value), "next")
    assert [cell.get_text() for cell in cells] == [" ".join(value.split()), "next"]
    assert cells[0].find() is None  # no element: the value made no markup


@given(st.one_of(st.builds(lambda s, a, p: s + a + p, schemes, authorities, paths | syntax), syntax),
       st.one_of(visible_text, syntax.filter(lambda text: invisible_character(text) is None)))
def test_markdown_link_is_one_link_to_the_checked_address(address, text):
    try:
        href = parse_web_address(address).href
    except UnsafeAddress:
        with pytest.raises(UnsafeAddress):
            markdown_link(address, text)
        return
    cells = gfm_table_row(markdown_link(address, text), "next")
    assert [cell.get_text() for cell in cells] == [" ".join(text.split()), "next"]
    [link] = cells[0].find_all(True)
    assert link.name == "a" and link.attrs == {"href": href}
