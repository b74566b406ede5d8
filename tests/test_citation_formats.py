"""Citation formats on their own: whatever a title, site name or primary source holds, a citation keeps
its shape (one BibTeX entry with the same fields, one RIS record with one line per field, head
metadata that no value can break out of), and access dates are written as each style's manual shows."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import bibtexparser
import jinja2
import pybtex.database
import rispy
from hypothesis import given, settings
from hypothesis import strategies as st

from nkexports.bibtex import misc, online
from nkexports.citation import ACCESSED, CitedWork
from nkexports.citation_formats import all_formats
from nkexports.page_metadata import head_metadata
from nkexports.ris import record

ROOT = Path(__file__).resolve().parent.parent
# Text with everything that has meaning somewhere: LaTeX specials, BibTeX's @ and braces, quotes,
# line breaks of every kind, RIS's "ER  - ", HTML and the end of a script element.
PIECES = list("&_%$#{}~^\\@\"',=()<>/ \t\n\r\x0b\x0c\x1c\x85\u2028\u2029") + [
    "ER  - ", "TY  - ", "@misc{x,", "}\n@comment{", "</script>", "<!--", "Coal"]
NASTY = st.lists(st.sampled_from(PIECES), max_size=20).map("".join)
TEXT = st.one_of(NASTY, st.text(max_size=40))


def work(title: str, site_name: str = "North Korea's exports", primary: str | None = None) -> CitedWork:
    return CitedWork(title, "https://nkexports.github.io/nkexports/categories/coal/#coal-2016", "2026-11-22",
                     site_name, "abc1234", primary)


@settings(max_examples=300, deadline=None)
@given(title=TEXT, site_name=TEXT, primary=st.one_of(st.none(), TEXT))
def test_no_title_adds_a_bibtex_entry_or_field(title, site_name, primary):
    cited = work(title, site_name, primary)
    for text, fields in ((online(cited), {"author", "title", "organization", "date", "url", "version", "langid"}
                          | ({"addendum"} if primary else set())),
                         (misc(cited), {"author", "title", "howpublished", "year", "month", "note"})):
        text = text.replace(ACCESSED, "")
        library = bibtexparser.parse_string(text)
        assert not library.failed_blocks and len(library.entries) == 1 and not library.comments
        assert {f.key for f in library.entries[0].fields} == fields
        parsed = pybtex.database.parse_string(text, "bibtex")
        (entry,) = parsed.entries.values()
        assert {k.lower() for k in entry.fields} | set(entry.persons) == fields


@settings(max_examples=300, deadline=None)
@given(title=TEXT, site_name=TEXT, primary=st.one_of(st.none(), TEXT))
def test_no_title_adds_an_ris_record_or_line(title, site_name, primary):
    text = record(work(title, site_name, primary)).replace(ACCESSED, "")
    lines = text.split("\n")
    assert [line[:6] for line in lines] == ["TY  - ", "AU  - ", "TI  - ", "T2  - ", "PY  - ", "DA  - ", "UR  - ",
                                            "LA  - ", "ET  - "] + (["N1  - "] if primary else []) + ["ER  - "]
    assert all(len(line.splitlines()) <= 1 for line in lines)
    (parsed,) = rispy.loads(text)
    assert parsed["authors"] == ["North Korea's exports contributors"]
    assert parsed["title"] == " ".join("".join(c for c in title if c.isprintable() or c.isspace()).split())


@settings(max_examples=100, deadline=None)
@given(title=TEXT)
def test_every_format_has_at_most_one_access_date(title):
    for format in all_formats(work(title)):
        assert format.text.count(ACCESSED) <= 1
        assert (ACCESSED in format.text) == (format.date_form is not None)


class HeadReader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.meta: list[dict] = []
        self.scripts: list[str] = []
        self.tags: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "meta":
            self.meta.append(dict(attrs))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)


def _partial() -> jinja2.Template:
    """The theme partial, in an environment like MkDocs' own (which does not escape by itself)."""
    source = (ROOT / "docs" / "overrides" / "partials" / "citation-meta.html").read_text()
    return jinja2.Environment().from_string(source)


@settings(max_examples=200, deadline=None)
@given(title=TEXT, description=TEXT)
def test_head_metadata_cannot_break_out_of_its_attribute_or_script(title, description):
    metadata = head_metadata(work(title), description, "https://nkexports.github.io/nkexports/", [])

    class Page:
        meta = {"citation_head": metadata}
    reader = HeadReader()
    reader.feed(_partial().render(page=Page))
    assert set(reader.tags) == {"link", "meta", "script"}
    shown = {m.get("name") or m.get("property"): m["content"] for m in reader.meta}
    assert shown["citation_title"] == title and shown["og:description"] == description
    (script,) = reader.scripts
    assert json.loads(script)[0]["name"] == title


def test_access_dates_are_written_as_each_style_manual_shows():
    import datetime

    from nkexports.citation import STYLES, date_form
    forms = {style.label: date_form(style) for style in STYLES}
    day = datetime.date(2026, 9, 4)
    assert forms["APA 7"].format(day) == "September 4, 2026"
    assert forms["MLA 9"].format(day) == "4 Sept. 2026"
    assert forms["Harvard"].format(day) == "4 September 2026"
    assert forms["Chicago (author-date)"] is None  # a dated page needs no access date in Chicago
