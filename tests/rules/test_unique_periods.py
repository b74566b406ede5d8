from memory import docset, messages, series
from nkexports.rules import unique_periods


def test_each_period_once_per_series():
    docs = docset(series("s", {"period": 2019, "amount": 1}, {"period": "2019", "amount": 1}, {"period": 2020, "amount": 1}))
    assert messages(unique_periods, docs) == ["points[1].period: period 2019 is already given on line 1"]


def test_two_editions_of_one_period_are_allowed():
    docs = docset(series("s", {"period": 2019, "amount": 1, "edition": "2020"}, {"period": 2019, "amount": 2, "edition": "2021"}))
    assert messages(unique_periods, docs) == []


def test_a_disagreeing_report_of_one_period_is_allowed_when_it_says_so():
    docs = docset(series("s", {"period": 2019, "amount": 1, "id": "a"},
                         {"period": 2019, "amount": 2, "id": "b", "differs_from": "a", "reason": "r"}))
    assert messages(unique_periods, docs) == []
