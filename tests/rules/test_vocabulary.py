from memory import docset, messages, observation, page, series
from nkexports.rules import vocabulary


def test_known_ids_and_fitting_units_pass():
    assert messages(vocabulary, docset(page("coal", observation()), series("s", {"period": 2020, "amount": 1}))) == []


def test_unknown_indicator_and_reporter():
    docs = docset(page("coal", observation(indicator="export-value", reporter="kotar")))
    assert [m.split(":")[0] for m in messages(vocabulary, docs)] == [
        "facts[0].observations[0].indicator", "facts[0].observations[0].reporter"]


def test_unit_must_fit_the_indicator():
    docs = docset(page("coal", observation(unit="percent")),
                  page("china", observation(indicator="partner-share-of-trade", unit="USD"), kind_name="partner"))
    assert messages(vocabulary, docs) == [
        "facts[0].observations[0].unit: unit 'percent' does not fit indicator 'exports-value', which is measured in money",
        "facts[0].observations[0].unit: unit 'USD' does not fit indicator 'partner-share-of-trade', which is measured "
        "in share"]


def test_series_header_is_checked_too():
    docs = docset(series("s", {"period": 2020, "amount": 1}, reporter="nobody"))
    assert messages(vocabulary, docs) == ["reporter: unknown reporter 'nobody'"]


def test_a_vague_indicator_needs_a_label():
    docs = docset(page("coal", observation(indicator="other"), observation(indicator="other", label="ships", amount=2)))
    assert messages(vocabulary, docs) == [
        "facts[0].observations[0]: a figure of indicator 'other' needs a label saying what exactly it counts"]


def test_a_mistyped_indicator_or_reporter_is_told_the_id_it_is_close_to():
    docs = docset(page("coal", observation(indicator="export-value", reporter="kotar"), observation(reporter="zzz")))
    assert messages(vocabulary, docs) == [
        "facts[0].observations[0].indicator: unknown indicator 'export-value' (did you mean 'exports-value'?)",
        "facts[0].observations[0].reporter: unknown reporter 'kotar' (did you mean 'kotra'?)",
        "facts[0].observations[1].reporter: unknown reporter 'zzz'"]
