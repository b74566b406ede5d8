"""Text from data/ reaches the reader exactly as written: never as markup, links, scripts or templates."""

from __future__ import annotations

import re

import markdown
import pytest

from helpers import build_site, built_page, parse_page
from nkexports.text import inert

# Strings the validator lets through, but which Markdown or HTML would read as markup.
PASSING = "Rose 5% * 2 _so_ `x` a < b && c > d | e ~f~ ^g^ \\h {: #i} :j: 1) k"
# Strings the validator refuses; the renderer must still neutralise them should one slip past.
HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "{{ config.site_name }} {% include 'x' %}",
    "[click](javascript:alert(1))",
    "![img](https://evil.example/x.png)",
    "<https://evil.example>",
    "# heading",
    "1. list",
    "- item",
    "[^1]",
    "!!! danger Injected admonition",
    '!!! warning "Injected title"',
    "+ item",
    "> quote",
    "} @misc{forged, title={x",
    "&#125; already an entity",
]
EXTENSIONS = ["footnotes", "attr_list", "md_in_html", "tables", "admonition"]


@pytest.mark.parametrize("text", HOSTILE + [PASSING])
def test_inert_text_renders_as_itself(text):
    html = markdown.markdown(inert(text), extensions=EXTENSIONS)
    assert re.fullmatch(r"<p>.*</p>", html, flags=re.S), html
    assert not re.search(r"<(?!/?p>)", html), f"markup created: {html}"
    parser = parse_page_fragment(html)
    assert parser == " ".join(text.split())


def parse_page_fragment(html: str) -> str:
    from html.parser import HTMLParser

    class Text(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.parts = []

        def handle_data(self, data):
            self.parts.append(data)

    collector = Text()
    collector.feed(html)
    return "".join(collector.parts)


def test_tricky_strings_survive_the_full_build_as_plain_text(fixture_copy, tmp_path):
    ore = fixture_copy / "categories" / "test-ore.yaml"
    text = ore.read_text()
    # A statement types no digits: each number is written [[plain:N]] and printed as itself.
    statement = re.sub(r"[0-9]+", lambda m: f"[[plain:{m.group(0)}]]", PASSING)
    quoted = '"' + statement.replace("\\", "\\\\") + '"'
    text = text.replace("statement: Test ore is a made-up product used to exercise the page generator.",
                        f"statement: {quoted}")
    text = text.replace("title: Test ore", "title: \"Ore *bold* <3 & 'q'\"")
    ore.write_text(text)
    site = tmp_path / "site"
    result = build_site(site, fixture_copy)
    assert result.returncode == 0, result.stdout + result.stderr
    html = built_page(site, "categories/test-ore").read_text()
    fact = html.split('<div class="fact" id="test-ore-overview">', 1)[1].split('<div class="fact-tools"', 1)[0]
    assert "<em>" not in fact and "<code>" not in fact and "<del>" not in fact and "<sup>g" not in fact
    assert PASSING in " ".join(parse_page_fragment(fact).split())
    page = parse_page(built_page(site, "categories/test-ore"))
    assert "Ore *bold* <3 & 'q'" in " ".join(page.article_text)
    assert "<3" not in html.split("<article", 1)[1].split("</article>", 1)[0]
