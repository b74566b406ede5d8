from memory import doc, docset, messages
from nkexports.rules import unique_urls
from nkexports.rules.unique_urls import same_page


def test_http_https_and_a_trailing_slash_are_one_page():
    assert same_page("http://example.org/a/") == same_page("https://example.org/a")
    assert same_page("https://example.org/a") != same_page("https://example.org/b")


def _sources(*urls):
    return doc("sources", "sources/s.yaml", {"sources": [{"id": f"s{n}", "url": url} for n, url in enumerate(urls)]})


def test_a_second_record_of_one_page_is_named():
    docs = docset(_sources("https://example.org/a", "http://example.org/a/", "https://example.org/b"))
    assert messages(unique_urls, docs) == [
        "sources[1].url: this URL is already recorded as source 's0' at data/sources/s.yaml:1"]
