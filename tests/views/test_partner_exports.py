"""What "who buys" on the partners index selects: one test per selection rule, on a small data set in memory."""

from memory import dataset, figure, page
from nkexports.views import partner_exports


def _rows(data):
    return [(row.page.slug, row.exports and row.exports.observation.id, row.share and row.share.id)
            for row in partner_exports(data)]


def test_each_partner_shows_its_own_pages_headline_exports_figure():
    data = dataset(page("china", figure("china-2023", period=2023, partner="china", amount=300),
                        figure("china-2024", period=2024, partner="china", amount=340),
                        figure("china-coal-2025", period=2025, partner="china", product="coal", amount=5),
                        kind_name="partner"))
    assert _rows(data) == [("china", "china-2024", None)]


def test_a_share_comes_from_the_same_reporter_and_period_and_prefers_exports_to_trade():
    data = dataset(page("china", figure("china-2024", period=2024, partner="china", amount=340),
                        figure("trade-share-2024", period=2024, partner="china", unit="percent", amount=98,
                               indicator="partner-share-of-trade"),
                        figure("exports-share-2024", period=2024, partner="china", unit="percent", amount=95,
                               indicator="partner-share-of-exports"),
                        figure("exports-share-2023", period=2023, partner="china", unit="percent", amount=96,
                               indicator="partner-share-of-exports"),
                        figure("customs-share-2024", period=2024, partner="china", unit="percent", amount=90,
                               indicator="partner-share-of-exports", reporter="china-customs"),
                        kind_name="partner"))
    assert _rows(data) == [("china", "china-2024", "exports-share-2024")]


def test_no_share_is_shown_when_the_reporter_gives_none_for_that_period():
    data = dataset(page("china", figure("china-2024", period=2024, partner="china", amount=340),
                        figure("trade-share-2023", period=2023, partner="china", unit="percent", amount=98,
                               indicator="partner-share-of-trade"), kind_name="partner"))
    assert _rows(data) == [("china", "china-2024", None)]


def test_the_newest_period_comes_first_then_the_larger_figure_then_partners_without_one():
    data = dataset(page("india", figure("india-2015", period=2015, partner="india", amount=90), kind_name="partner"),
                   page("russia", figure("russia-2021", period=2021, partner="russia", amount=4), kind_name="partner"),
                   page("china", figure("china-2021", period=2021, partner="china", amount=300), kind_name="partner"),
                   page("vietnam", kind_name="partner"))
    assert [slug for slug, _, _ in _rows(data)] == ["china", "russia", "india", "vietnam"]
