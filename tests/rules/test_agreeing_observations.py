from hypothesis import given, strategies as st

from memory import docset, messages, observation, page, series
from nkexports.rules import agreeing_observations
from nkexports.rules.agreeing_observations import agree


def test_rounded_figures_agree_and_different_ones_do_not():
    assert agree(22_480_000, 22_500_000)
    assert agree(1_180_000_000, 1_200_000_000)
    assert not agree(1_180_000_000, 2_000_000_000)
    assert not agree(1_500_000, 2_000_000)
    assert not agree(0, 1)


@given(st.floats(min_value=1e-3, max_value=1e12, allow_nan=False))
def test_a_figure_agrees_with_itself(amount):
    assert agree(amount, amount)


def test_same_quantity_two_values_is_a_conflict():
    docs = docset(page("coal", observation(amount=100)), series("s", {"period": 2020, "amount": 300, "sources": ["s1"]}))
    assert messages(agreeing_observations, docs) == [
        "points[0].amount: US$300 for exports-value / kotra / 2020 disagrees with US$100 at "
        "data/category/coal.yaml:1 (figure 'coal-fact-1')"]


def test_other_partner_product_or_edition_is_another_quantity():
    docs = docset(page("coal", observation(amount=100), observation(amount=300, partner="china"),
                       observation(amount=400, product="coal"), observation(amount=500, edition="2021")))
    assert messages(agreeing_observations, docs) == []


def test_a_range_is_one_figure_and_disagrees_with_a_figure_outside_it():
    ranged = {k: v for k, v in observation(low=100, high=300).items() if k != "amount"}
    assert messages(agreeing_observations, docset(page("coal", ranged))) == []
    assert messages(agreeing_observations, docset(page("coal", ranged, observation(amount=900)))) == [
        "facts[0].observations[1].amount: US$900 for exports-value / kotra / 2020 disagrees with US$100–300 at "
        "data/category/coal.yaml:1 (figure 'coal-fact-1')"]


def test_a_marked_difference_is_accepted_but_must_name_the_same_quantity():
    marked = docset(page("coal", observation(amount=100, id="first"),
                         observation(amount=300, differs_from="first", reason="A revision.")))
    assert messages(agreeing_observations, marked) == []
    elsewhere = docset(page("coal", observation(amount=100, id="first", partner="china"),
                            observation(amount=300, differs_from="first", reason="A revision.")))
    assert messages(agreeing_observations, elsewhere) == [
        "facts[0].observations[1].differs_from: 'first' measures something else (exports-value / kotra / 2020 / china)"]


def test_a_differs_from_that_is_no_id_is_left_to_the_schema():
    docs = docset(page("coal", observation(amount=100, id="a"), observation(amount=300, id="b", differs_from=["a"])))
    assert messages(agreeing_observations, docs) == [
        "facts[0].observations[1].amount: US$300 for exports-value / kotra / 2020 disagrees with US$100 at "
        "data/category/coal.yaml:1 (figure 'a')"]
