"""Which record a series shows for a year: one test per selection rule, on a small data set in memory."""

from memory import dataset, figure, page, series
from nkexports.dataset import preference


def _points(data, ident="total"):
    return {o.period.text: (o.id, o.amount) for o in data.series_points(data.series[ident])}


TOTAL = dict(product="all-goods", partner="world")


def test_a_labelled_sub_total_never_enters_a_total_series():
    data = dataset(
        page("coal", figure("coal-minerals-2011", period=2011, amount=1_650_000_000, product="goods-group",
                            label="all minerals"),
             figure("coal-minerals-2001", period=2001, amount=50_000_000, product="goods-group", label="all minerals"),
             figure("coal-anthracite-2011", period=2011, amount=1_170_000_000, product="coal", label="anthracite")),
        series("total", {"period": 2011, "amount": 2_790_000_000, "sources": ["s1"]}, **TOTAL))
    assert _points(data) == {"2011": ("total-2011", 2_790_000_000)}


def test_a_series_files_own_point_wins_over_any_other_record_of_its_key():
    data = dataset(page("china", figure("china-rounded", period=2011, amount=2_800_000_000), kind_name="partner"),
                   series("total", {"period": 2011, "amount": 2_790_000_000, "sources": ["s1"], "edition": "2012"},
                          **TOTAL))
    assert _points(data) == {"2011": ("total-2011-2012", 2_790_000_000)}


def test_a_figure_written_elsewhere_fills_a_year_the_series_file_lacks():
    data = dataset(page("china", figure("china-2015", period=2015, amount=2_700_000_000), kind_name="partner"),
                   series("total", {"period": 2011, "amount": 2_790_000_000, "sources": ["s1"]}, **TOTAL))
    assert _points(data) == {"2011": ("total-2011", 2_790_000_000), "2015": ("china-2015", 2_700_000_000)}


def test_part_of_a_year_or_a_range_never_becomes_a_series_point():
    data = dataset(page("china", figure("china-part", period=2015, amount=1, coverage="partial", label="January to June"),
                        {**{k: v for k, v in figure("china-range", period=2016).items() if k != "amount"},
                         "low": 1, "high": 2}, kind_name="partner"),
                   series("total", {"period": 2011, "amount": 5, "sources": ["s1"]}, **TOTAL))
    assert _points(data) == {"2011": ("total-2011", 5)}


def test_preference_edition_then_own_publication_then_precision_then_plain():
    data = dataset(page("china",
                        figure("newer-edition", period=2015, amount=2_000_000_000, edition="2017"),
                        figure("older-edition", period=2015, amount=2_100_000_000, edition="2016"),
                        figure("no-edition", period=2015, amount=2_200_000_000),
                        figure("press", period=2014, amount=2_500_000_000),
                        figure("own-report", period=2014, amount=2_500_000_000, sources=["report"]),
                        figure("rounded", period=2013, amount=2_000_000_000, sources=["report"]),
                        figure("precise", period=2013, amount=2_012_340_000, sources=["report"]),
                        figure("hedged", period=2012, amount=2_000_000_000, qualifier="about"),
                        figure("plain", period=2012, amount=2_000_000_000), kind_name="partner"))
    def best(year):
        candidates = [o for o in data.observations if o.period.text == year]
        return min(candidates, key=lambda o: preference(o, "total", data.sources)).id
    assert [best(year) for year in ("2015", "2014", "2013", "2012")] == ["newer-edition", "own-report", "precise",
                                                                         "plain"]


def test_a_series_files_point_that_a_newer_edition_replaces_is_listed_as_an_earlier_edition():
    data = dataset(series("total", {"period": 2011, "amount": 2_790_000_000, "sources": ["s1"], "edition": "2012"},
                          {"period": 2011, "amount": 2_800_000_000, "sources": ["s1"], "edition": "2013"},
                          {"period": 2012, "amount": 3_000_000_000, "sources": ["s1"]}, **TOTAL),
                   page("china", figure("china-2011", period=2011, amount=2_700_000_000, edition="2011"),
                        kind_name="partner"))
    assert _points(data)["2011"] == ("total-2011-2013", 2_800_000_000)
    # Only the series' own file's points: a figure written on a page is never the series' earlier edition.
    assert [o.id for o in data.earlier_editions(data.series["total"])] == ["total-2011-2012"]
