"""A site built from data with a hostile value in every text field (tests/hostile_data.py) is,
element for element, link for link, record for record and field for field, the site built from
the plain fixture data: hostile text shows as text and creates nothing."""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from helpers import FIXTURE_DATA, build_site, built_page
from hostile_data import PAYLOADS, add_case_pages
from nkexports.load import load_dataset

SITE_NAME = "North Korea's exports"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


class Structure(HTMLParser):
    """What a page is made of, apart from its text: elements with their attribute names,
    link targets, meta tags and the title."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: Counter = Counter()
        self.targets: Counter = Counter()
        self.metas: list[list[tuple[str, str]]] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        self.elements[(tag, tuple(sorted(name for name, _ in attrs)))] += 1
        for name, value in attrs:
            # Heading anchors are made from the heading's text; every other target is fixed.
            if name in ("href", "src", "action", "formaction", "xlink:href") and not (value or "").startswith("#"):
                self.targets[value] += 1
        if tag == "meta":
            self.metas.append(attrs)
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def structure(html: str) -> Structure:
    parser = Structure()
    parser.feed(html)
    parser.close()
    return parser


def html_pages(site: Path) -> list[Path]:
    return sorted(p.relative_to(site) for p in site.rglob("*.html"))


@pytest.fixture(scope="module")
def plain_site(tmp_path_factory) -> Path:
    """The plain fixture data built from outside the repository, as the hostile data is: pages
    built from files git does not know carry no revision, so only the text can differ."""
    data = tmp_path_factory.mktemp("plain") / "data"
    shutil.copytree(FIXTURE_DATA, data)
    add_case_pages(data)
    site = data.parent / "site"
    result = build_site(site, data)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="module")
def hostile(hostile_data):
    return load_dataset(hostile_data[0])


def test_every_payload_is_in_the_data(hostile_data):
    assert set(hostile_data[1].values()) == set(PAYLOADS)


def test_every_page_has_the_same_elements_attributes_and_links(plain_site, hostile_site, hostile_data):
    pages = html_pages(plain_site)
    assert pages == html_pages(hostile_site)
    for page in pages:
        # The edit links name the data folder, which differs between the two copies.
        plain = structure((plain_site / page).read_text(encoding="utf-8").replace(str(plain_site.parent / "data"), "data"))
        hostile = structure((hostile_site / page).read_text(encoding="utf-8").replace(str(hostile_data[0]), "data"))
        added = hostile.elements - plain.elements
        assert not added and not plain.elements - hostile.elements, f"{page}: elements differ, added {added}"
        # As sets: pages are listed by title, so which page is "next" may change, not what is linked.
        assert set(hostile.targets) == set(plain.targets), f"{page}: link targets differ: {set(hostile.targets) ^ set(plain.targets)}"


def test_head_holds_one_description_and_the_title_as_written(hostile_site, hostile):
    for page in hostile.pages.values():
        head = structure(built_page(hostile_site, page.url.rstrip("/")).read_text(encoding="utf-8"))
        descriptions = [attrs for attrs in head.metas if ("name", "description") in attrs]
        assert descriptions == [[("name", "description"), ("content", page.summary)]], page.url
        assert not [attrs for attrs in head.metas if any(name == "http-equiv" for name, _ in attrs)
                    and ("http-equiv", "Content-Security-Policy") not in attrs], page.url
        assert head.title == f"{page.title} - {SITE_NAME}", page.url


def test_statements_show_as_written(hostile_site, hostile):
    for fact in hostile.facts():
        html = built_page(hostile_site, fact.page.url.rstrip("/")).read_text(encoding="utf-8")
        block = html.split(f'id="{fact.id}"', 1)[1].split('<div class="fact-tools"', 1)[0]
        text = structure("<div " + block)
        shown = "".join(_text(block))
        assert " ".join(hostile.statement_text(fact).split()) in " ".join(shown.split()), fact.id
        # The statement's paragraph, its figures and its footnote references, nothing else.
        assert set(text.elements) <= {("div", ()), ("p", ()), ("sup", ("id",)), ("a", ("class", "href")),
                                      ("data", ("class", "data-figure", "value"))}, fact.id


def _text(html: str) -> list[str]:
    parts: list[str] = []

    class Text(HTMLParser):
        def handle_data(self, data):
            parts.append(data)

    Text(convert_charrefs=True).feed(html)
    return parts


def _index(site: Path) -> list[dict]:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def test_search_index_entries_create_no_markup(plain_site, hostile_site, hostile):
    plain, hostile_entries = _index(plain_site), _index(hostile_site)
    assert len(hostile_entries) == len(plain)

    def elements(entries):
        found = Counter()
        for entry in entries:
            for field in ("title", "text", *[f"tag{i}" for i in range(len(entry.get("tags", [])))]):
                value = entry["tags"][int(field[3:])] if field.startswith("tag") else entry[field]
                found += structure(value).elements
        return found

    assert elements(hostile_entries) == elements(plain)
    tags = {"".join(_text(tag)) for entry in hostile_entries for tag in entry.get("tags", [])}
    assert {name for page in hostile.pages.values() for name in page.also_known_as} <= tags


def _csv(site: Path, name: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO((site / "downloads" / name).read_text(encoding="utf-8"), newline="")))


@pytest.mark.parametrize("name", ["facts.csv", "series.csv", "sources.csv"])
def test_csv_downloads_hold_the_same_records_and_no_formula(plain_site, hostile_site, hostile_data, name):
    plain, hostile_rows = _csv(plain_site, name), _csv(hostile_site, name)
    assert [len(row) for row in hostile_rows] == [len(row) for row in plain]
    assert hostile_rows[0] == plain[0]
    cells = [cell for row in hostile_rows[1:] for cell in row]
    assert not [cell for cell in cells if cell.lstrip(" ").startswith(FORMULA_START)]
    shown = {cell.removeprefix("'") for cell in cells}
    placed = set(hostile_data[1].values())
    assert placed & shown, f"no hostile text reached {name}"


def _refuse_constant(name):
    raise ValueError(f"{name} is not JSON")


@pytest.mark.parametrize("name", ["facts.json", "series.json", "sources.json", "measures.json", "claims.json"])
def test_json_downloads_hold_the_same_records_and_fields(plain_site, hostile_site, name):
    def shape(value):
        if isinstance(value, dict):
            return {key: shape(item) for key, item in value.items()}
        if isinstance(value, list):
            return [shape(item) for item in value]
        return type(value).__name__

    def read(site):
        return json.loads((site / "downloads" / name).read_text(encoding="utf-8"), parse_constant=_refuse_constant)

    assert shape(read(hostile_site)) == shape(read(plain_site))
