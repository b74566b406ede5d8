from memory import docset, messages, observation, page
from nkexports.rules import fact_id_prefix


def test_ids_start_with_the_slug():
    assert messages(fact_id_prefix, docset(page("coal", observation()))) == []


def test_an_id_without_the_slug_is_named():
    docs = docset(page("coal", observation()))
    docs.docs[-1].data["facts"][0]["id"] = "coalish-fact"
    assert messages(fact_id_prefix, docs) == ["facts[0].id: fact id 'coalish-fact' does not start with the page's slug 'coal'"]
