""""What the bans did": which products a measure banned, and the figures before and after, on data in memory."""

from memory import dataset, figure, page
from nkexports.views import ban_effects


def _measure(category, hs_codes=None, date="2017-12-22", effect="ban"):
    entry = {"category": category, "effect": effect, "detail": "d"}
    if hs_codes:
        entry["hs_codes"] = hs_codes
    return {"id": f"m-{category}", "title": "Resolution 2397", "kind": "un-resolution", "imposed_by": "UN",
            "date": date, "summary": "s", "sources": ["s1"], "effects": [entry]}


def _rows(data):
    return {row.product: (row.effect_kind, row.covered) for row in ban_effects(data)}


def test_a_product_outside_a_measures_hs_codes_is_never_called_banned():
    data = dataset(measures=[_measure("food", ["07", "08", "12"]), _measure("wood", ["44"]), _measure("ores", ["25"])],
                   hs_codes={"food": ["03", "07"], "wood": ["4403", "4407"], "ores": ["26"]})
    assert _rows(data) == {"food": ("partial-ban", ["07"]), "wood": ("ban", [])}


def test_before_is_the_last_whole_year_before_and_after_the_latest_whole_year_from_one_reporter():
    data = dataset(page("wood", figure("wood-2016-kotra", period=2016, product="wood"),
                        figure("wood-2016-china", period=2016, product="wood", reporter="china-customs"),
                        figure("wood-2015-china", period=2015, product="wood", reporter="china-customs"),
                        figure("wood-2017-kotra", period=2017, product="wood"),
                        figure("wood-2019-china", period=2019, product="wood", reporter="china-customs"),
                        figure("wood-2020-part", period=2020, product="wood", reporter="china-customs",
                               coverage="partial", label="January to June"),
                        figure("wood-2021-to-china", period=2021, product="wood", reporter="china-customs",
                               partner="china")),
                   measures=[_measure("wood", ["44"])], hs_codes={"wood": ["44"]})
    [row] = ban_effects(data)
    assert (row.before.id, row.after.id) == ("wood-2016-china", "wood-2019-china")
