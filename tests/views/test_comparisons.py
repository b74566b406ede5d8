""""Who says what": which figures a comparison sets side by side, on data in memory."""

from memory import dataset, figure, page
from nkexports.views import comparisons


def test_a_total_and_a_partners_figure_for_one_year_are_two_comparisons_in_order():
    data = dataset(page("why", figure("total-kotra", period=2010, amount=4_000_000_000),
                        figure("total-customs", period=2010, amount=8_000_000_000, reporter="china-customs"),
                        figure("china-kotra", period=2010, amount=3_000_000_000, partner="china"),
                        figure("china-customs", period=2010, amount=2_000_000_000, partner="china",
                               reporter="china-customs"), kind_name="topic"))
    found = comparisons(data, data.observations)
    assert [sorted(o.id for o in c.observations) for c in found] == [["total-customs", "total-kotra"],
                                                                     ["china-customs", "china-kotra"]]


def test_figures_of_other_coverage_are_not_set_side_by_side():
    data = dataset(page("why", figure("year", period=2010, amount=4_000_000_000),
                        figure("half", period=2010, amount=2_000_000_000, reporter="china-customs",
                               coverage="partial", label="first half"), kind_name="topic"))
    assert comparisons(data, data.observations) == []
