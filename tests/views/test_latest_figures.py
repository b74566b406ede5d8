"""What a page's latest-figures block selects: one test per selection rule, on a small data set in memory."""

from memory import dataset, figure, page
from nkexports.render import figure_element
from nkexports.views import latest_figures


def _shown(data, kind, slug=None):
    return [(item.observation.id, item.note) for item in latest_figures(data, kind, slug)]


def test_a_one_country_figure_never_becomes_a_categorys_headline_unlabelled():
    data = dataset(page("coal", figure("coal-world-2019", period=2019, product="coal"),
                        figure("coal-china-2020", period=2020, product="coal", partner="china")))
    assert _shown(data, "category", "coal") == [("coal-world-2019", None), ("coal-china-2020", "China only")]


def test_a_category_with_only_a_one_country_figure_shows_it_labelled():
    data = dataset(page("coal", figure("coal-china-2020", period=2020, product="coal", partner="china")))
    assert _shown(data, "category", "coal") == [("coal-china-2020", "China only")]


def test_a_single_month_never_hides_a_longer_figure_of_the_same_year():
    data = dataset(page("home", figure("year-2024", period=2024, amount=300),
                        figure("december-2024", period="2024-12", amount=30), kind_name="topic"))
    assert _shown(data, "home") == [("year-2024", None)]


def test_a_newer_part_of_a_year_shows_labelled_beside_the_last_whole_year():
    data = dataset(page("home", figure("year-2024", period=2024, amount=300),
                        figure("jan-oct-2025", period="2025-01/2025-10", amount=250),
                        figure("half-2025-china", period=2025, amount=100, partner="china", coverage="partial",
                               label="first half"), kind_name="topic"))
    assert _shown(data, "home") == [("year-2024", None), ("half-2025-china", "China only; first half")]


def test_a_component_never_stands_beside_totals():
    data = dataset(page("home", figure("exports-2024", period=2024),
                        figure("food-imports-2025", period=2025, indicator="imports-value", label="food"),
                        figure("imports-2019", period=2019, indicator="imports-value"), kind_name="topic"))
    assert ("food-imports-2025", None) not in _shown(data, "home")


def test_exports_imports_and_trade_come_from_one_reporter_and_year_where_the_data_allow():
    data = dataset(page("home", figure("exports-kotra-2024", period=2024),
                        figure("imports-kotra-2024", period=2024, indicator="imports-value"),
                        figure("imports-china-2025", period=2025, indicator="imports-value", reporter="china-customs"),
                        figure("trade-china-2025", period=2025, indicator="trade-value", reporter="china-customs"),
                        kind_name="topic"))
    shown = _shown(data, "home")
    assert shown[:2] == [("exports-kotra-2024", None), ("imports-kotra-2024", None)]
    assert shown[-1] == ("trade-china-2025", "newest figure; KOTRA gives none for 2024")


def test_a_range_shows_both_ends():
    ranged = {k: v for k, v in figure("range-2024", period=2024).items() if k != "amount"}
    data = dataset(page("home", {**ranged, "low": 1_700_000_000, "high": 5_500_000_000}, kind_name="topic"))
    [item] = latest_figures(data, "home")
    element = figure_element(item.observation)
    assert 'value="1700000000/5500000000"' in element and ">US$1.7–5.5 billion<" in element


def test_without_a_figure_of_the_whole_scope_the_newest_narrower_one_shows_labelled():
    data = dataset(page("coal", figure("coal-china-2019", period=2019, product="coal", partner="china"),
                        figure("coal-china-2020-part", period=2020, product="coal", partner="china",
                               coverage="partial", label="January to June")))
    assert _shown(data, "category", "coal") == [("coal-china-2020-part", "China only; January to June")]


def test_a_newer_figure_of_another_reporter_shows_beside_the_blocks_reporter_and_year_labelled():
    data = dataset(page("home", figure("exports-kotra-2024", period=2024),
                        figure("trade-kotra-2024", period=2024, indicator="trade-value"),
                        figure("trade-china-2025", period=2025, indicator="trade-value", reporter="china-customs"),
                        kind_name="topic"))
    assert _shown(data, "home")[1:] == [("trade-kotra-2024", None), ("trade-china-2025", "newer, from China customs")]
