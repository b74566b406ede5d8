"""Each kind of bad input gets one exact message naming file, line, place, problem and fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import problems_in

ORE = "categories/test-ore.yaml"
SOURCES = "sources/example.yaml"


def edit(data: Path, name: str, old: str, new: str) -> None:
    path = data / name
    text = path.read_text()
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new, 1))


def test_fixture_data_is_valid(fixture_copy):
    assert problems_in(fixture_copy) == []


CASES = {
    "malformed YAML": (ORE, "title: Test ore\n", "title: [Test ore\n",
        ["data/categories/test-ore.yaml:4: (file): YAML syntax error: did not find expected ',' or ']'; "
         "check the indentation and quoting on this line and the one before"]),
    "duplicate key": (ORE, "title: Test ore\n", "title: Test ore\ntitle: Ore again\n",
        ["data/categories/test-ore.yaml:4: title: duplicate key 'title' (first given on line 3); "
         "keep one of the two; YAML would silently drop the first"]),
    "unknown field": (ORE, "title: Test ore\n", "title: Test ore\ntitel: typo\n",
        ["data/categories/test-ore.yaml:4: titel: unknown field 'titel'; remove it or correct its spelling; "
         "allowed here: also_known_as, facts, hs_codes, key_indicators, last_verified, slug, summary, title"]),
    "unknown nested field": (ORE, "    topic: overview\n", "    topic: overview\n    sauces: [x]\n",
        ["data/categories/test-ore.yaml:12: facts[0].sauces: unknown field 'sauces'; remove it or correct its "
         "spelling; allowed here: categories, headline, id, observations, partners, sources, statement, topic"]),
    "missing required field": (ORE, "title: Test ore\n", "",
        ["data/categories/test-ore.yaml:2: (file): missing required field 'title'; add it (see the template in CONTRIBUTING.md)"]),
    "unknown source id": (ORE, "sources: [example-2020-report]", "sources: [reuters-2099]",
        ["data/categories/test-ore.yaml:13: facts[0].sources[0]: unknown source 'reuters-2099'; "
         "use an id listed in data/sources/, or add it there"]),
    "duplicate fact id": ("categories/test-cloth.yaml", "id: test-cloth-overview", "id: test-ore-overview",
        ["data/categories/test-cloth.yaml:8: facts[0].id: fact id 'test-ore-overview' does not start with the "
         "page's slug 'test-cloth'; name it test-cloth-<what and when>, e.g. test-cloth-2024-exports",
         "data/categories/test-ore.yaml:10: facts[0].id: fact id 'test-ore-overview' is also used at "
         "data/categories/test-cloth.yaml:8; neither is published yet (at HEAD); give the one added "
         "last a new id (`git log -S` on the id shows which); never rename an id the live site shows"]),
    "file name differs from slug": ("categories/test-cloth.yaml", "slug: test-cloth", "slug: test-fabric",
        ["data/categories/test-cloth.yaml:2: slug: 'test-fabric' does not match the file name 'test-cloth.yaml'; "
         "rename the file to test-fabric.yaml or set slug: test-cloth",
         "data/categories/test-cloth.yaml:8: facts[0].id: fact id 'test-cloth-overview' does not start with the "
         "page's slug 'test-fabric'; name it test-fabric-<what and when>, e.g. test-fabric-2024-exports"]),
    "impossible date": (ORE, "last_verified: 2024-01-15", "last_verified: 2024-02-30",
        ["data/categories/test-ore.yaml:8: last_verified: '2024-02-30' is not a real calendar date; write a date that exists, as YYYY-MM-DD"]),
    "future date": (ORE, "last_verified: 2024-01-15", "last_verified: 2027-01-01",
        ["data/categories/test-ore.yaml:8: last_verified: 2027-01-01 is in the future; give the date it actually happened"]),
    "bad URL": (SOURCES, "url: https://example.org/report", "url: example.org/report",
        ["data/sources/example.yaml:9: sources[0].url: text 'example.org/report' is not in the expected form; "
         "give the full address starting with https://"]),
    "javascript URL": (SOURCES, "url: https://example.org/report", "url: javascript:alert(1)",
        ["data/sources/example.yaml:9: sources[0].url: text 'javascript:alert(1)' is not in the expected form; "
         "give the full address starting with https://"]),
    "accessed before published": (SOURCES, "accessed: 2024-01-15\n  - id: example-2021-customs", "accessed: 2019-01-15\n  - id: example-2021-customs",
        ["data/sources/example.yaml:10: sources[0].accessed: accessed 2019-01-15 is before the source was "
         "published (2020-03); give the date you read the source"]),
    "text where a number belongs": (ORE, "amount: 1500000", "amount: lots",
        ["data/categories/test-ore.yaml:19: facts[1].observations[0].amount: expected a number, found text 'lots'; "
         "write the number without quotes, in full units (167000000 for 167 million)"]),
    "number where a date belongs": (ORE, "last_verified: 2024-01-15", "last_verified: 20240115",
        ["data/categories/test-ore.yaml:8: last_verified: expected text, found the number 20240115; "
         "write the date as YYYY-MM-DD, e.g. 2026-11-22"]),
    "negative amount": (ORE, "amount: 1500000", "amount: -5",
        ["data/categories/test-ore.yaml:19: facts[1].observations[0].amount: -5 is below the minimum of 0; "
         "write the number without quotes, in full units (167000000 for 167 million)"]),
    "share above 100%": ("partners/testland.yaml", "amount: 90", "amount: 190",
        ["data/partners/testland.yaml:13: facts[0].observations[0].amount: a share of 190% is above 100%; "
         "give the percentage as a number from 0 to 100"]),
    "year before 1945": (ORE, "period: 2020", "period: 1930",
        ["data/categories/test-ore.yaml:21: facts[1].observations[0].period: year 1930 is outside 1945 to 2026; "
         "give the year the figure refers to"]),
    "year in the future": (ORE, "period: 2020", "period: 2031",
        ["data/categories/test-ore.yaml:21: facts[1].observations[0].period: year 2031 is outside 1945 to 2026; "
         "give the year the figure refers to",
         "data/categories/test-ore.yaml:28: facts[1].observations[0].sources[0]: source 'example-2021-customs' was "
         "published (2021-06-30) before the figure's period 2031 began; cite the source that states this figure, or "
         "correct the period; a cap or forecast belongs to an indicator marked stated_in_advance"]),
    "HTML in text": (ORE, "statement: Test ore is", "statement: <script>alert(1)</script> Test ore is",
        ["data/categories/test-ore.yaml:12: facts[0].statement: contains an HTML tag; remove it: text fields take plain text only",
         "data/categories/test-ore.yaml:12: facts[0].statement: the number '1' is typed into the statement; write the "
         "figure as an observation of the fact (or refer to the one that exists) and put [[its-id]] here; a number "
         "that is no figure (11 member states) is written [[plain:11]]"]),
    "template syntax in text": (ORE, "statement: Test ore is a made-up product used to exercise the page generator.", "statement: \"{{ config.site_name }} is a made-up product\"",
        ["data/categories/test-ore.yaml:12: facts[0].statement: contains template syntax ({{, {% or {#); "
         "remove the braces: text is never run as a template"]),
    "Markdown link in text": (ORE, "statement: Test ore is", "statement: See [this](https://evil.example) Test ore is",
        ["data/categories/test-ore.yaml:12: facts[0].statement: contains Markdown link or footnote syntax; "
         "remove it: links belong in a source's url field"]),
    "figure in summary": ("categories/test-cloth.yaml", "A second synthetic", "Since 2017 a second synthetic",
        ["data/categories/test-cloth.yaml:4: summary: contains a figure, but a summary cites no source; "
         "move the figure into a fact with its source and keep the summary in words"]),
    "source nobody cites": ("categories/test-cloth.yaml", "sources: [example-2020-report]", "sources: [example-2021-customs]",
        []),  # example-2020-report is still cited by test-ore: nothing to report
    "unknown partner": (ORE, "partners: [testland]", "partners: [atlantis]",
        ["data/categories/test-ore.yaml:29: facts[1].partners[0]: unknown partner 'atlantis'; use an id listed in data/partners/"]),
    "same URL twice": (SOURCES, "url: https://example.org/customs", "url: https://example.org/report/",
        ["data/sources/example.yaml:17: sources[1].url: this URL is already recorded as source 'example-2020-report' "
         "at data/sources/example.yaml:9; remove this entry and cite 'example-2020-report' instead"]),
    "fact id without the page's slug": (ORE, "id: test-ore-overview", "id: ore-overview",
        ["data/categories/test-ore.yaml:10: facts[0].id: fact id 'ore-overview' does not start with the page's slug "
         "'test-ore'; name it test-ore-<what and when>, e.g. test-ore-2024-exports"]),
    "same URL over http and https": (SOURCES, "url: https://example.org/customs", "url: http://example.org/report",
        ["data/sources/example.yaml:17: sources[1].url: this URL is already recorded as source 'example-2020-report' "
         "at data/sources/example.yaml:9; remove this entry and cite 'example-2020-report' instead"]),
    "unknown indicator": (ORE, "indicator: exports-value", "indicator: export-value",
        ["data/categories/test-ore.yaml:22: facts[1].observations[0].indicator: unknown indicator 'export-value' (did you mean 'exports-value'?); "
         "use an id listed in data/indicators.yaml, or add it there with its definition"]),
    "unknown reporter": (ORE, "reporter: example-customs", "reporter: exmaple-customs",
        ["data/categories/test-ore.yaml:23: facts[1].observations[0].reporter: unknown reporter 'exmaple-customs' (did you mean 'example-customs'?); "
         "use an id listed in data/reporters.yaml, or add it there with its method"]),
    "unit that does not fit the indicator": (ORE, "unit: USD", "unit: tonnes",
        ["data/categories/test-ore.yaml:20: facts[1].observations[0].unit: unit 'tonnes' does not fit indicator "
         "'exports-value', which is measured in money; use one of CNY, EUR, JPY, KRW, RUB, USD, or choose the "
         "indicator that fits the figure"]),
    "unknown product": (ORE, "product: test-ore", "product: test-gold",
        ["data/categories/test-ore.yaml:25: facts[1].observations[0].product: unknown category 'test-gold'; "
         "use an id listed in data/categories/ (or all-goods, or goods-group with a label)"]),
    "mistyped product": (ORE, "product: test-ore", "product: test-oer",
        ["data/categories/test-ore.yaml:25: facts[1].observations[0].product: unknown category 'test-oer' (did you "
         "mean 'test-ore'?); use an id listed in data/categories/ (or all-goods, or goods-group with a label)"]),
    "number typed into a statement": (ORE, "were [[test-ore-2020-exports-to-testland]] in 2020", "were 1.5 million dollars in 2020",
        ["data/categories/test-ore.yaml:17: facts[1].statement: the number '1.5' is typed into the statement; write the "
         "figure as an observation of the fact (or refer to the one that exists) and put [[its-id]] here; a number "
         "that is no figure (11 member states) is written [[plain:11]]",
         "data/categories/test-ore.yaml:19: facts[1].observations[0]: figure 'test-ore-2020-exports-to-testland' is "
         "given in no statement; write [[test-ore-2020-exports-to-testland]] where the statement gives it, or remove "
         "the figure"]),
    "placeholder naming no figure": (ORE, "[[test-ore-2020-exports-to-testland]] in 2020", "[[test-ore-2020-exports-to-testlnd]] in 2020",
        ["data/categories/test-ore.yaml:17: facts[1].statement: [[test-ore-2020-exports-to-testlnd]] names no figure "
         "(did you mean 'test-ore-2020-exports-to-testland'?); use the id of an observation in a fact or of a series point",
         "data/categories/test-ore.yaml:19: facts[1].observations[0]: figure 'test-ore-2020-exports-to-testland' is "
         "given in no statement; write [[test-ore-2020-exports-to-testland]] where the statement gives it, or remove "
         "the figure"]),
    "figure without its scope": (ORE, "        product: test-ore\n        coverage: whole\n", "",
        ["data/categories/test-ore.yaml:19: facts[1].observations[0]: the figure does not say how much of its period "
         "it covers; add coverage: whole, partial (with a label saying which part), cumulative or average",
         "data/categories/test-ore.yaml:19: facts[1].observations[0]: the figure does not say which goods it covers; "
         "add product: with a category slug, all-goods, or goods-group with a label naming the goods"]),
    "second copy of a figure": ("partners/testland.yaml", "        sources: [example-2021-customs]\n    categories",
                                "        sources: [example-2021-customs]\n      - id: testland-share-copy\n"
                                "        amount: 90\n        unit: percent\n        period: 2020\n"
                                "        indicator: partner-share-of-exports\n        reporter: example-customs\n"
                                "        partner: testland\n        product: all-goods\n        coverage: whole\n"
                                "        sources: [example-2021-customs]\n    categories",
        ["data/partners/testland.yaml:23: facts[0].observations[1]: figure 'testland-share-copy' is given in no statement; "
         "write [[testland-share-copy]] where the statement gives it, or remove the figure",
         "data/partners/testland.yaml:23: facts[0].observations[1]: this figure repeats 'testland-share-2020' at "
         "data/partners/testland.yaml:13; remove this copy and write [[testland-share-2020]] where the statement gives it"]),
    "source older than the figure's period": ("partners/testland.yaml", "        period: 2020\n", "        period: 2022\n",
        ["data/partners/testland.yaml:22: facts[0].observations[0].sources[0]: source 'example-2021-customs' was "
         "published (2021-06-30) before the figure's period 2022 began; cite the source that states this figure, or "
         "correct the period; a cap or forecast belongs to an indicator marked stated_in_advance"]),
    "conflicting figures": (ORE, "period: 2020\n        indicator: exports-value\n        reporter: example-customs\n"
                            "        partner: testland\n        product: test-ore",
                            "period: 2019\n        indicator: exports-value\n        reporter: example-customs\n"
                            "        partner: world\n        product: all-goods",
        ["data/series/total-exports-kotra.yaml:10: points[0].amount: US$2 million for exports-value / "
         "example-customs / 2019 disagrees with US$1.5 million at data/categories/test-ore.yaml:19 (figure "
         "'test-ore-2020-exports-to-testland'); correct the figure, or add differs_from: "
         "test-ore-2020-exports-to-testland and a "
         "reason (a revision, another compilation of the same data) to this figure; give edition: where the "
         "reporter revised it"]),
    "conflicting figures marked as differing": (ORE, "period: 2020\n        indicator: exports-value\n"
                            "        reporter: example-customs\n        partner: testland\n        product: test-ore",
                            "period: 2019\n        indicator: exports-value\n        reporter: example-customs\n"
                            "        partner: world\n        product: all-goods\n"
                            "        differs_from: total-exports-kotra-2019\n        reason: A later compilation.",
        []),
    "differs_from names an unknown figure": (ORE, "product: test-ore",
                            "product: test-ore\n        differs_from: no-such-figure\n        reason: A revision.",
        ["data/categories/test-ore.yaml:26: facts[1].observations[0].differs_from: no figure has the id "
         "'no-such-figure'; give the id of the figure this one differs from (set id: on that figure)"]),
    "a figure that differs from itself": (ORE, "product: test-ore",
                            "product: test-ore\n        differs_from: test-ore-2020-exports-to-testland\n        reason: A revision.",
        ["data/categories/test-ore.yaml:26: facts[1].observations[0].differs_from: a figure cannot differ from itself; "
         "give the id of the other figure of the same quantity, or remove differs_from"]),
    "duplicate period in a series": ("series/total-exports-kotra.yaml", "  - period: 2020", "  - period: 2019",
        ["data/series/total-exports-kotra.yaml:12: points[1].period: period 2019 is already given on line 9; "
         "keep one point per period; for a revised figure give both an edition, for a disagreeing report give "
         "the second an id, differs_from and reason"]),
    "a month in a yearly series": ("series/total-exports-kotra.yaml", "  - period: 2020", '  - period: "2020-04"',
        ["data/series/total-exports-kotra.yaml:12: points[1].period: period 2020-04 is not a year, and this series is "
         "yearly; write a year, or put the figure in a monthly series of the same quantity"]),
    "title made of URL words": (SOURCES, "title: A synthetic report used by the test suite", "title: report (words of the URL slug)",
        ["data/sources/example.yaml:7: sources[0].title: the title 'report (words of the URL slug)' is made of words "
         "from the URL, not the document's title; give the title as the page shows it; if the page shows none, "
         "describe the document and end with '(no headline shown)'"]),
    "copy on a republishing site": (SOURCES, "url: https://example.org/report", "url: https://www.menafn.com/1/report",
        ["data/sources/example.yaml:9: sources[0].url: menafn.com is a syndication site that reprints other agencies' "
         "stories, not the original publisher; cite the original instead; if it cannot be found, add "
         "'example-2020-report' with the reason to KEPT in nkexports/rules/republished_copies.py and name the "
         "original in primary_source"]),
    "staging host": (SOURCES, "url: https://example.org/report", "url: https://staging.example.org/report",
        ["data/sources/example.yaml:9: sources[0].url: staging.example.org is a staging or development host; "
         "cite the page at the publisher's public address, as you read it there"]),
    "tracking parameter": (SOURCES, "url: https://example.org/report", "url: https://example.org/report?utm_source=feed",
        ["data/sources/example.yaml:9: sources[0].url: the URL carries tracking parameters: 'utm_source' "
         "(a campaign-tracking tag); remove them and keep the rest of the address as the page gives it"]),
    "unknown enum value": (ORE, "topic: overview", "topic: overveiw",
        ["data/categories/test-ore.yaml:11: facts[0].topic: 'overveiw' is not allowed here; "
         "use one of overview, figures, partners, sanctions, uncertainty, method"]),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_bad_input_message(fixture_copy, case):
    name, old, new, expected = CASES[case]
    edit(fixture_copy, name, old, new)
    assert problems_in(fixture_copy) == expected


def test_uncited_source_is_reported(fixture_copy):
    edit(fixture_copy, "topics/methodology.yaml", "sources: [example-2021-customs]", "sources: [example-2020-report]")
    edit(fixture_copy, "categories/test-ore.yaml", "sources: [example-2021-customs, example-2020-report]", "sources: [example-2020-report]")
    edit(fixture_copy, "categories/test-ore.yaml", "sources: [example-2021-customs]", "sources: [example-2020-report]")
    edit(fixture_copy, "partners/testland.yaml", "sources: [example-2021-customs]", "sources: [example-2020-report]")
    edit(fixture_copy, "partners/testland.yaml", "sources: [example-2021-customs]", "sources: [example-2020-report]")
    edit(fixture_copy, "series/total-exports-kotra.yaml", "sources: [example-2021-customs]", "sources: [example-2020-report]")
    edit(fixture_copy, "series/total-exports-kotra.yaml", "sources: [example-2021-customs]", "sources: [example-2020-report]")
    edit(fixture_copy, "claims.yaml", "sources: [example-2021-customs]", "sources: [example-2020-report]")
    assert problems_in(fixture_copy) == [
        "data/sources/example.yaml:11: sources[1].id: source 'example-2021-customs' is not cited by any fact, "
        "series point, measure or claim; cite it where it supports a fact, or remove it"]


def test_empty_file(fixture_copy):
    (fixture_copy / ORE).write_text("# only a comment\n")
    assert problems_in(fixture_copy)[0] == (
        "data/categories/test-ore.yaml:1: (file): the file is empty; fill it in from the template in CONTRIBUTING.md, or delete it")


def test_file_that_is_not_a_mapping(fixture_copy):
    (fixture_copy / ORE).write_text("- just\n- a list\n")
    assert problems_in(fixture_copy)[0] == (
        "data/categories/test-ore.yaml:1: (file): the file holds a list, not a mapping of fields; start the file "
        "with its fields (e.g. 'slug: ...'), as in the template in CONTRIBUTING.md")


def test_tab_indentation(fixture_copy):
    edit(fixture_copy, ORE, "  - id: test-ore-overview", "\t- id: test-ore-overview")
    assert problems_in(fixture_copy)[0] == (
        "data/categories/test-ore.yaml:10: (file): a tab is used for indentation; indent with spaces only (two per level)")


def test_non_utf8_bytes(fixture_copy):
    path = fixture_copy / ORE
    path.write_bytes(path.read_bytes().replace(b"Test ore\n", b"Test \xff ore\n", 1))
    assert problems_in(fixture_copy)[0] == (
        "data/categories/test-ore.yaml:3: (file): the file is not valid UTF-8 text; save it as UTF-8 (your editor's encoding setting)")


def test_huge_file(fixture_copy):
    path = fixture_copy / ORE
    path.write_text(path.read_text() + "#" * 10_000_000 + "\n")
    size = path.stat().st_size
    assert problems_in(fixture_copy)[0] == (
        f"data/categories/test-ore.yaml:1: (file): file is {size:,} bytes, over the limit of 1,000,000; "
        "split it or remove what does not belong in a data file")


def test_stray_file(fixture_copy):
    (fixture_copy / "categories" / "notes.yml").write_text("slug: notes\n")
    assert problems_in(fixture_copy) == [
        "data/categories/notes.yml:1: (file): this file is in no known place, so it would be ignored; move it to "
        "data/categories/, data/partners/, data/topics/, data/series/ or data/sources/, with the .yaml ending"]


def test_all_problems_reported_at_once(fixture_copy):
    edit(fixture_copy, ORE, "sources: [example-2020-report]", "sources: [nope-1]")
    edit(fixture_copy, "categories/test-cloth.yaml", "title: Test cloth\n", "")
    assert len(problems_in(fixture_copy)) == 2


def test_a_syntax_error_does_not_make_its_sources_look_uncited(fixture_copy):
    edit(fixture_copy, ORE, "title: Test ore\n", "title: [Test ore\n")
    assert problems_in(fixture_copy) == [
        "data/categories/test-ore.yaml:4: (file): YAML syntax error: did not find expected ',' or ']'; "
        "check the indentation and quoting on this line and the one before"]
