"""What a series says of the figures its file gives but its chart leaves out: one test per rule, in memory."""

from memory import dataset, series
from nkexports.views import uncharted_points


def _why(*points):
    data = dataset(series("s", *points, product="all-goods", partner="world"))
    return [(o.amount, why) for o, why in uncharted_points(data, data.series["s"])]


def test_a_disagreeing_report_gives_its_own_reason():
    assert _why({"period": 2020, "amount": 10, "sources": ["s1"], "id": "a"},
                {"period": 2020, "amount": 9, "sources": ["s1"], "id": "b", "differs_from": "a",
                 "reason": "Another count."}) == [(9, "Another count.")]


def test_the_charted_reports_reason_explains_the_one_it_differs_from():
    assert _why({"period": 2020, "amount": 10, "sources": ["s1"], "id": "a", "qualifier": "about"},
                {"period": 2020, "amount": 9, "sources": ["s1"], "id": "b", "differs_from": "a",
                 "reason": "Another count."}) == [(10, "Another count.")]


def test_a_newer_edition_is_named():
    assert _why({"period": 2020, "amount": 10, "sources": ["s1"], "edition": "2021"},
                {"period": 2020, "amount": 11, "sources": ["s1"], "edition": "2022"}) == [
        (10, "The chart draws the figure published in 2022 instead.")]


def test_a_figure_without_a_reason_says_how_the_chart_chooses():
    [(amount, why)] = _why({"period": 2020, "amount": 10, "sources": ["s1"]},
                           {"period": "2020", "amount": 12.5, "sources": ["s1"], "id": "c"})
    assert amount == 10 and why.startswith("Another figure for the same period.")
