from memory import docset, messages, series
from nkexports.rules import series_frequency


def test_a_yearly_series_takes_years_only():
    docs = docset(series("s", {"period": 2019, "amount": 1}, {"period": "2019-04", "amount": 1},
                         {"period": "2019/2020", "amount": 1}))
    assert messages(series_frequency, docs) == [
        "points[1].period: period 2019-04 is not a year, and this series is yearly",
        "points[2].period: period 2019/2020 is not a year, and this series is yearly"]


def test_a_monthly_series_takes_single_months_only():
    docs = docset(series("s", {"period": "2019-04", "amount": 1}, {"period": 2019, "amount": 1},
                         {"period": "2019-01/2019-02", "amount": 1}, frequency="monthly"))
    assert messages(series_frequency, docs) == [
        "points[1].period: period 2019 is not a single month, and this series is monthly",
        "points[2].period: period 2019-01/2019-02 is not a single month, and this series is monthly"]


def test_an_unknown_frequency_is_left_to_the_schema():
    docs = docset(series("s", {"period": 2019, "amount": 1}, frequency=["monthly"]))
    assert messages(series_frequency, docs) == []
