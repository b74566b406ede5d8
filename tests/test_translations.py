"""Translations of the data: a current one is shown, an out-of-date one is named by `check` (never a
failure) and replaced by its English, and a translation that changes a number or drops a
placeholder stops the check at its line. On a copy of the fixture data, through the real command."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import given, strategies as st

from helpers import build_site

from nkexports.load import check_data, load_dataset
from nkexports.numbers import format_amount, format_figure
from nkexports.translated_numbers import changed_numbers, korean_numbers
from nkexports.translations import english_hash, texts

STATEMENT_KEY = "test-ore-2020-exports"
KOREAN_TITLE = "시험 광석"
KOREAN_STATEMENT = "테스트랜드로 간 시험 광석의 2020년 수출은 [[test-ore-2020-exports-to-testland]]였다."


def _english(data: Path, key: str, field: str):
    docs, problems = check_data(data)
    assert problems == []
    return next(t for t in texts(docs) if t.address == (key, field))


def _translate(data: Path, entries: str) -> Path:
    target = data.parent / "translations" / "ko" / "categories" / "test-ore.yaml"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(entries, encoding="utf-8")
    return target


def _current(data: Path, statement: str = KOREAN_STATEMENT) -> Path:
    title = _english(data, "test-ore", "title")
    fact = _english(data, STATEMENT_KEY, "statement")
    return _translate(data, f'test-ore:\n  title:\n    translates: "{title.english_hash}"\n    text: {KOREAN_TITLE}\n'
                            f'{STATEMENT_KEY}:\n  statement:\n    translates: "{fact.english_hash}"\n    text: {statement}\n')


def _check(data: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "nkexports", "check", str(data)], capture_output=True, text=True)


def test_a_current_translation_replaces_its_english_in_that_edition_only(fixture_copy):
    _current(fixture_copy)
    korean = load_dataset(fixture_copy, language="ko")
    english = load_dataset(fixture_copy)
    page = korean.pages[("category", "test-ore")]
    assert page.title == KOREAN_TITLE
    assert next(f for f in page.facts if f.id == STATEMENT_KEY).statement == KOREAN_STATEMENT
    assert (STATEMENT_KEY, "statement") not in korean.in_english
    assert ("test-ore-overview", "statement") in korean.in_english
    assert english.pages[("category", "test-ore")].title == "Test ore" and english.in_english == frozenset()


def test_an_edited_english_text_leaves_its_translation_out_of_date_named_but_not_failing(fixture_copy):
    translation = _current(fixture_copy)
    data_file = fixture_copy / "categories" / "test-ore.yaml"
    data_file.write_text(data_file.read_text().replace("Synthetic exports of test ore", "Made-up exports of test ore"))
    result = _check(fixture_copy)
    assert result.returncode == 0, result.stdout + result.stderr
    # The entry's first line: its `translates`, two lines below the key.
    line = next(n for n, text in enumerate(translation.read_text().splitlines(), 1) if text.startswith(STATEMENT_KEY))
    assert (f"warning: translations/ko/categories/test-ore.yaml:{line + 2}: {STATEMENT_KEY} statement: the English in "
            in result.stdout)
    assert "1 translation(s) out of date" in result.stdout
    korean = load_dataset(fixture_copy, language="ko")
    assert (STATEMENT_KEY, "statement") in korean.in_english
    fact = next(f for f in korean.pages[("category", "test-ore")].facts if f.id == STATEMENT_KEY)
    assert fact.statement.startswith("Made-up exports")


@pytest.mark.parametrize("statement, message", [
    ("테스트랜드로 간 2021년 수출은 [[test-ore-2020-exports-to-testland]]였다.",
     "statement: changes a number of the English (leaves out 2020; adds 2021)"),
    ("테스트랜드로 간 시험 광석의 2020년 수출은 150만 달러였다.",
     "statement: its [[...]] placeholders differ from the English's"),
    ("<b>2020년</b> [[test-ore-2020-exports-to-testland]]", "statement text: contains an HTML tag"),
])
def test_a_translation_that_changes_a_number_or_a_placeholder_stops_the_check_at_its_line(fixture_copy, statement,
                                                                                         message):
    translation = _current(fixture_copy, statement)
    result = _check(fixture_copy)
    assert result.returncode == 1
    line = len(translation.read_text().splitlines())
    assert f"translations/ko/categories/test-ore.yaml:{line}: {STATEMENT_KEY} {message}" in result.stdout


def test_a_translation_of_a_removed_text_is_named_without_failing(fixture_copy):
    _translate(fixture_copy, 'no-such-fact:\n  statement:\n    translates: "0123456789ab"\n    text: 없는 사실\n')
    result = _check(fixture_copy)
    assert result.returncode == 0
    assert ("warning: translations/ko/categories/test-ore.yaml:3: no-such-fact statement: no English text of this "
            "data file has this key and field") in result.stdout


def test_a_misshapen_translation_is_refused_at_its_line(fixture_copy):
    _translate(fixture_copy, "test-ore:\n  title:\n    text: 시험 광석\n")
    result = _check(fixture_copy)
    assert result.returncode == 1
    assert "translations/ko/categories/test-ore.yaml:3: test-ore title: a translation needs exactly two fields" in result.stdout


def test_the_texts_to_translate_are_printed_with_their_hashes(fixture_copy):
    result = subprocess.run([sys.executable, "-m", "nkexports", "translations", "ko", str(fixture_copy)],
                            capture_output=True, text=True)
    assert result.returncode == 0
    title = _english(fixture_copy, "test-ore", "title")
    assert f'test-ore":\n  title:\n    translates: "{title.english_hash}"\n    # English: Test ore\n' in result.stdout


def test_a_hash_changes_with_any_edit_of_the_english():
    assert english_hash("Coal") != english_hash("Coal ") != english_hash(["Coal"])


@given(st.integers(min_value=0, max_value=10**15), st.sampled_from(["USD", "CNY", "tonnes", "count"]))
def test_the_korean_amount_states_exactly_the_records_number(amount, unit):
    assert korean_numbers(format_amount(amount, unit, language="ko")) == {Decimal(amount)}


@given(st.integers(min_value=1, max_value=10**13).map(lambda n: n * 10**4 if n % 3 else n),
       st.sampled_from([None, "about", "over", "almost", "at-least"]))
def test_the_english_and_korean_figures_state_the_same_number(amount, qualifier):
    english = format_figure(amount, "USD", qualifier)
    korean = format_figure(amount, "USD", qualifier, language="ko")
    assert changed_numbers(english, korean) == ([], []), (english, korean)


@pytest.mark.parametrize("english, korean", [
    ("US$752 million in 2016", "2016년 7억 5,200만 달러"),
    ("on 15 August 2017 under resolution 2371", "2017년 8월 15일 결의 제2371호에 따라"),
    ("the fifth nuclear test, a fifteenth of it", "5차 핵실험, 그 15분의 1"),
    ("96.7 percent", "96.7%"),
])
def test_a_faithful_translation_keeps_every_number(english, korean):
    assert changed_numbers(english, korean) == ([], [])


@pytest.mark.parametrize("english, korean, changed", [
    ("US$752 million", "7억 5,000만 달러", ([Decimal(752000000)], [Decimal(750000000)])),
    ("in 2016", "2016년 3천만 달러", ([], [Decimal(30000000)])),
    ("US$1.98 billion", "19억8천만 달러", ([], [])),
    ("the May measures", "5·24 조치", ([], [Decimal(24)])),
])
def test_a_changed_number_is_found(english, korean, changed):
    assert changed_numbers(english, korean) == changed


def test_the_korean_page_shows_an_out_of_date_statement_in_english_with_a_note(fixture_copy, tmp_path):
    """The whole way through the real build: after an English edit, the Korean page keeps the current
    translations and shows the edited statement in English, marked as English and as out of date."""
    _current(fixture_copy)
    data_file = fixture_copy / "categories" / "test-ore.yaml"
    data_file.write_text(data_file.read_text().replace("Synthetic exports of test ore", "Made-up exports of test ore"))
    result = build_site(tmp_path / "site", fixture_copy, config="mkdocs.ko.yml")
    assert result.returncode == 0, result.stderr[-2000:]
    page = BeautifulSoup((tmp_path / "site" / "categories" / "test-ore" / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    assert page.html["lang"] == "ko"
    assert page.select_one("article h1").get_text(strip=True).startswith(KOREAN_TITLE)
    fact = page.find(id=STATEMENT_KEY)
    assert fact["lang"] == "en"
    assert "Made-up exports of test ore" in fact.get_text()
    note = fact.select_one(".translation-note")
    assert note["lang"] == "ko" and note.get_text(strip=True)


def test_a_language_that_is_not_a_code_is_refused_in_one_line(fixture_copy):
    result = subprocess.run([sys.executable, "-m", "nkexports", "translations", "../ko", str(fixture_copy)],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "translations: ../ko is not a language code; write one such as ko or zh-Hans"]
