from memory import docset, messages, observation, page, series
from nkexports.rules import unique_observation_ids


def test_derived_ids_are_unique():
    assert messages(unique_observation_ids, docset(page("coal", observation(), observation(amount=2)))) == []


def test_an_explicit_id_may_not_repeat_another():
    docs = docset(page("coal", observation(), observation(id="coal-fact-1", amount=2)))
    assert messages(unique_observation_ids, docs) == [
        "facts[0].observations[1].id: figure id 'coal-fact-1' is already used at data/category/coal.yaml:1"]


def test_a_repeated_series_period_is_left_to_unique_periods():
    docs = docset(series("s", {"period": 2019, "amount": 1}, {"period": 2019, "amount": 1}))
    assert messages(unique_observation_ids, docs) == []
