"""What a malicious or careless pull request can put in data/ is refused with a located message,
and never costs the validator more than the file's size: one test per way in."""

from __future__ import annotations

import os
from html.parser import HTMLParser
from pathlib import Path

import pytest

from helpers import problems_in
from nkexports.__main__ import check
from nkexports.cite import source_entry
from nkexports.dataset import Source
from nkexports.weburl import UnsafeAddress
from test_validator_messages import ORE, SOURCES, edit

SERIES = "series/total-exports-kotra.yaml"


def only(data: Path) -> str:
    found = problems_in(data)
    assert len(found) == 1, found
    return found[0]


# --- the reader: files that cost more than their size ------------------------------------------

def test_alias_bomb_is_refused_before_it_expands(fixture_copy):
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    levels += [f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 10) + "]" for n in range(1, 9)]
    (fixture_copy / "categories" / "bomb.yaml").write_text("\n".join(levels) + "\n")
    assert only(fixture_copy) == ("data/categories/bomb.yaml:1: (file): uses a YAML anchor or alias (& or *); "
                                  "write the value out in full: data files do not share values")


def test_a_single_alias_is_refused(fixture_copy):
    edit(fixture_copy, ORE, "title: Test ore\n", "title: &t Test ore\nsummary_again: *t\n")
    assert only(fixture_copy).startswith("data/categories/test-ore.yaml:3: (file): uses a YAML anchor or alias")


# Deep enough to exhaust Python's or libyaml's stack if either recursed, small enough to be read.
@pytest.mark.parametrize("opening, closing, depth", [("[", "]", 400_000), ("{a: ", "}", 150_000)])
def test_deep_nesting_is_refused_without_recursion(fixture_copy, opening, closing, depth):
    (fixture_copy / ORE).write_text("slug: " + opening * depth + closing * depth + "\n")
    assert only(fixture_copy) == ("data/categories/test-ore.yaml:1: (file): values are nested more than 20 levels "
                                  "deep; flatten the structure as in the template in CONTRIBUTING.md")


def test_a_symlink_to_an_endless_device_is_not_read(fixture_copy):
    os.symlink("/dev/zero", fixture_copy / "categories" / "zero.yaml")
    assert only(fixture_copy) == (
        "data/categories/zero.yaml:1: (file): the file is a symbolic link; replace the link with the file itself: "
        "data files are read only from inside the repository")


def test_a_symlink_to_a_file_outside_the_repository_is_not_read(fixture_copy, tmp_path):
    outside = tmp_path / "outside.yaml"
    outside.write_text((fixture_copy / ORE).read_text())
    (fixture_copy / ORE).unlink()
    os.symlink(outside, fixture_copy / ORE)
    assert "data/categories/test-ore.yaml:1: (file): the file is a symbolic link" in problems_in(fixture_copy)[0]


def test_a_symlinked_folder_is_not_read(fixture_copy, tmp_path):
    shutil_target = tmp_path / "elsewhere"
    (fixture_copy / "partners").rename(shutil_target)
    os.symlink(shutil_target, fixture_copy / "partners")
    found = problems_in(fixture_copy)
    assert "data/partners/otherland.yaml:1: (file): partners/ is a symbolic link; replace the link with the file " \
           "itself: data files are read only from inside the repository" in found


def test_a_dangling_symlink_is_a_message_not_a_traceback(fixture_copy):
    os.symlink(fixture_copy / "nowhere.yaml", fixture_copy / "categories" / "gone.yaml")
    assert only(fixture_copy).startswith("data/categories/gone.yaml:1: (file): the file is a symbolic link")


def test_a_folder_named_like_a_data_file_is_a_message_not_a_traceback(fixture_copy):
    (fixture_copy / "categories" / "folder.yaml").mkdir()
    assert only(fixture_copy) == ("data/categories/folder.yaml:1: (file): this is a folder, not a file; "
                                  "rename the folder so that its name does not end in .yaml")


def test_a_yaml_tag_is_refused(fixture_copy):
    edit(fixture_copy, ORE, "also_known_as: [synthetic rock]", "also_known_as: !!set {synthetic rock}")
    assert only(fixture_copy) == ("data/categories/test-ore.yaml:4: (file): uses the YAML tag "
                                  "'tag:yaml.org,2002:set'; remove the tag: data files need none")


# --- numbers -------------------------------------------------------------------------------------

@pytest.mark.parametrize("written", [".nan", ".NaN", ".inf", "-.inf"])
def test_a_number_that_is_not_finite_is_refused(fixture_copy, written):
    edit(fixture_copy, ORE, "amount: 1500000", f"amount: {written}")
    found = problems_in(fixture_copy)
    assert (f"data/categories/test-ore.yaml:19: facts[1].observations[0].amount: '{written}' is not a finite number; "
            "write the figure in digits; leave the value out if the source gives no figure") in found
    assert len(found) == 1, found  # one message per value: not also "below the minimum of 0" for -inf


def test_a_subnormal_amount_is_refused(fixture_copy):
    edit(fixture_copy, SERIES, "amount: 1500000", "amount: 4.9e-324")
    assert only(fixture_copy) == ("data/series/total-exports-kotra.yaml:13: points[1].amount: 5e-324 is implausibly "
                                  "small; check the decimal point: amounts are in full units")


def test_a_negative_integer_period_is_refused(fixture_copy):
    edit(fixture_copy, SERIES, "period: 2019", "period: -2019")
    assert only(fixture_copy) == ("data/series/total-exports-kotra.yaml:9: points[0].period: -2019 is below the "
                                  "minimum of 1000; write a year such as 2023, a month such as \"2023-04\", or a "
                                  "range such as \"2016/2017\"")


def test_two_points_for_one_period_are_refused(fixture_copy):
    edit(fixture_copy, SERIES, "period: 2019", "period: 2020")
    assert only(fixture_copy) == ("data/series/total-exports-kotra.yaml:12: points[1].period: period 2020 is already "
                                  "given on line 9; keep one point per period; for a revised figure give both an edition, "
                                  "for a disagreeing report give the second an id, differs_from and reason")


def test_the_same_period_as_text_and_as_a_number_is_one_period(fixture_copy):
    edit(fixture_copy, SERIES, "period: 2019", 'period: "2020"')
    assert "period 2020 is already given on line 9" in only(fixture_copy)


# --- patterns mean what they say ------------------------------------------------------------------

@pytest.mark.parametrize("field, old, new, where", [
    ("date", "last_verified: 2024-01-15", 'last_verified: "2024-02-30\\n"', "8: last_verified"),
    ("future date", "last_verified: 2024-01-15", 'last_verified: "2099-01-01\\n"', "8: last_verified"),
    ("id", "id: test-ore-overview", 'id: "test-ore-overview\\n"', "10: facts[0].id"),
    ("slug", "slug: test-ore", 'slug: "test-ore\\n"', "2: slug"),
])
def test_a_trailing_line_break_does_not_pass_a_pattern(fixture_copy, field, old, new, where):
    edit(fixture_copy, ORE, old, new)
    found = problems_in(fixture_copy)
    assert any(p.startswith(f"data/categories/test-ore.yaml:{where}: ") and "is not in the expected form" in p
               for p in found), found


def test_a_url_with_a_trailing_line_break_is_refused(fixture_copy):
    edit(fixture_copy, SOURCES, "url: https://example.org/report", 'url: "https://example.org/report\\n"')
    assert only(fixture_copy).startswith("data/sources/example.yaml:9: sources[0].url: text ")


# --- invisible characters -------------------------------------------------------------------------

@pytest.mark.parametrize("character, name", [
    ("\u202e", "right-to-left override"), ("\u2066", "left-to-right isolate"), ("\u200b", "zero width space"),
    ("\u00ad", "soft hyphen"), ("\u2028", "line separator"), ("\x85", "a control character"),
    ("\t", "a control character"), ("\r", "a control character"),
])
def test_invisible_characters_in_text_are_refused(fixture_copy, character, name):
    escaped = character.encode("unicode_escape").decode("ascii")
    edit(fixture_copy, ORE, "statement: Test ore is a made-up product used to exercise the page generator.",
         f'statement: "Exports fell by {escaped}a third in the year"')
    assert only(fixture_copy) == (f"data/categories/test-ore.yaml:12: facts[0].statement: contains an invisible "
                                  f"character, U+{ord(character):04X} ({name}); delete it: text fields take visible "
                                  "characters only")


def test_blank_text_is_refused(fixture_copy):
    edit(fixture_copy, "categories/test-cloth.yaml", "summary: >-\n  A second synthetic category, with no sanctions measure naming it.",
         'summary: "  "')
    assert only(fixture_copy) == ("data/categories/test-cloth.yaml:4: summary: the text is blank; write the text, "
                                  "or leave the field out if it is optional")


# --- links that lie -------------------------------------------------------------------------------

@pytest.mark.parametrize("url, what", [
    ("https://evil.example\\\\@www.un.org/report", "contains a backslash, which browsers read as a slash"),
    ("https://www.un.org@evil.example/report", "has a user name or password before '@'"),
    ("https://user:secret@www.un.org/report", "has a user name or password before '@'"),
    ("https://www.un.org:evil.example/report", "has an invalid port"),
    ("https://xn--n-0gb.org/report", None),
    ("https://www.\u0443n.org/report", "has characters outside ASCII in its host name"),
    ("https://ex%2eample.org/report", "does not have a plain domain name"),
    ("https://0x7f.1/report", "does not have a plain domain name"),
    ("https://127.1/report", "does not have a plain domain name"),
    ("https://127.0.0.010/report", "does not have a plain domain name"),
    ("https://127.0.0.1:8000/report", None),
])
def test_an_address_that_opens_another_host_than_it_shows_is_refused(fixture_copy, url, what):
    edit(fixture_copy, SOURCES, "url: https://example.org/report", f'url: "{url}"')
    found = problems_in(fixture_copy)
    if what is None:
        assert found == []
    else:
        assert len(found) == 1 and found[0].startswith(f"data/sources/example.yaml:9: sources[0].url: the address {what}"), found


def test_a_source_link_shows_the_host_it_opens():
    source = Source(id="x", kind="news", publisher="P", title="T", published="2020", accessed="2024-01-15",
                    url="https://WWW.UN.ORG./press/en?q=1#@evil.example")
    links = parse_fragment(source_entry(source))
    # Each link's whole text: what a reader sees, then the source's name, which only screen readers read.
    assert links == [("https://WWW.UN.ORG./press/en?q=1#@evil.example", "www.un.org. for P, T (2020)"),
                     ("https://web.archive.org/web/*/https://WWW.UN.ORG./press/en?q=1#@evil.example",
                      "Look up archived copies of P, T (2020)")]


def test_a_lying_address_is_never_written_as_a_link():
    source = Source(id="x", kind="news", publisher="P", title="T", published="2020", accessed="2024-01-15",
                    url="https://evil.example\\@www.un.org/report")
    with pytest.raises(UnsafeAddress):
        source_entry(source)


def parse_fragment(html: str) -> list[tuple[str, str]]:
    """(href, text) of each link in an HTML fragment."""
    links: list[list[str]] = []
    inside = []

    class Links(HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag == "a":
                links.append([dict(attrs)["href"], ""])
                inside.append(tag)

        def handle_endtag(self, tag):
            if tag == "a":
                inside.pop()

        def handle_data(self, data):
            if inside:
                links[-1][1] += data

    Links(convert_charrefs=True).feed(html)
    return [(href, text) for href, text in links]


# --- logs -----------------------------------------------------------------------------------------

def test_messages_cannot_print_workflow_commands_or_terminal_escapes(fixture_copy, capsys):
    edit(fixture_copy, ORE, "title: Test ore\n",
         'title: Test ore\n"\\n::error file=x::forged\\n\\x1b[2J::stop-commands::end": 1\n')
    edit(fixture_copy, ORE, "topic: overview", 'topic: "overview\\n::warning::forged"')
    assert check(fixture_copy) == 1
    printed = capsys.readouterr().out
    lines = printed.splitlines()
    assert len(lines) == 2, lines
    assert all(line.startswith(str(fixture_copy)) for line in lines), lines
    assert "\x1b" not in printed and "\\x1b[2J" in printed
    assert "\\n::error file=x::forged" in printed
