"""Which series a page draws: one test per selection rule, on a small data set in memory."""

from memory import dataset, page, series

POINT = {"period": 2020, "amount": 1_000_000, "sources": ["s1"]}


def _data():
    return dataset(page("coal"), page("china", kind_name="partner"),
                   series("exports", POINT, product="all-goods", partner="china"),
                   series("coal-exports", POINT, product="coal", partner="china"),
                   series("ore-exports", POINT, product="no-such-page", partner="china"),
                   series("coal-world", POINT, product="coal", partner="world"))


def test_a_partner_page_draws_its_trade_in_all_goods_and_products_that_have_no_page():
    assert sorted(s.id for s in _data().series_for("partner", "china")) == ["exports", "ore-exports"]


def test_a_partners_series_of_a_product_with_a_page_is_drawn_there_and_named_on_the_partner_page():
    data = _data()
    assert [s.id for s in data.product_series_of("china")] == ["coal-exports"]
    assert sorted(s.id for s in data.series_for("category", "coal")) == ["coal-exports", "coal-world"]
