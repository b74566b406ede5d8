"""What the "latest month" line selects: one test per selection rule, on a small data set in memory."""

import pytest

from memory import dataset, page, series
from nkexports.views import latest_month


def _monthly(ident, *months, reporter="china-customs", **header):
    points = [{"period": month, "amount": amount, "sources": ["s1"]} for month, amount in months]
    return series(ident, *points, **{"reporter": reporter, "product": "all-goods", "partner": "china",
                                     "frequency": "monthly", **header})


def _data(*docs):
    return dataset(page("china", kind_name="partner"), *docs)


def test_the_newest_month_is_set_beside_the_same_month_a_year_earlier():
    data = _data(_monthly("m", ("2024-11", 30), ("2024-12", 40), ("2025-11", 37), ("2025-12", 50)))
    month = latest_month(data, "china")
    assert (month.newest.period.text, month.year_before.period.text) == ("2025-12", "2024-12")
    assert month.change_percent == pytest.approx(25.0)
    assert month.partner_title == "china"


def test_without_the_same_month_a_year_earlier_there_is_no_change():
    data = _data(_monthly("m", ("2025-11", 37), ("2025-12", 50)))
    month = latest_month(data, "china")
    assert (month.year_before, month.change_percent, month.same_month_label) == (None, None, "Dec 2024")


def test_a_change_from_zero_is_not_a_percentage():
    month = latest_month(_data(_monthly("m", ("2024-12", 0), ("2025-12", 50))), "china")
    assert month.year_before.amount == 0 and month.change_percent is None


def test_yearly_series_imports_and_single_products_do_not_count():
    data = _data(series("y", {"period": 2025, "amount": 1, "sources": ["s1"]}, reporter="china-customs",
                        product="all-goods", partner="china"),
                 _monthly("imports", ("2026-01", 5), indicator="imports-value"),
                 _monthly("coal", ("2026-02", 5), product="coal"),
                 _monthly("m", ("2025-12", 50)))
    assert latest_month(data, "china").series.id == "m"


def test_of_two_series_the_one_reaching_the_newer_month_wins():
    data = _data(_monthly("a", ("2025-11", 10)), _monthly("b", ("2025-12", 20), reporter="kotra"))
    assert latest_month(data, "china").series.id == "b"


def test_no_monthly_series_means_no_line():
    assert latest_month(_data(), "china") is None
