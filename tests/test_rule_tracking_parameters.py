"""The tracking-parameter rule on its own."""

from __future__ import annotations

import pytest

from helpers import TODAY, sources_docset
from nkexports.rules import tracking_parameters

ENTRY = """sources:
  - id: example-2024-report
    kind: news
    publisher: Example Times
    title: A report
    published: 2024-03-01
    url: "{url}"
    accessed: 2026-12-01
"""


def problems(tmp_path, url):
    return [str(p) for p in tracking_parameters.check(sources_docset(tmp_path, ENTRY.format(url=url)), TODAY)]


@pytest.mark.parametrize("url", [
    "https://example.org/a?utm_source=feedburner&utm_medium=feed",
    "https://example.org/a?fbclid=IwAR0abc",
    "https://example.org/a?id=7&mc_cid=18ce6cbbce&mc_eid=1f9d28130a",
    "https://example.org/a?feedType=RSS&feedName=businessNews",
    "https://example.org/newsView/20250728514870?OutUrl=naver",
    "https://example.org/view.php?idxno=1778418&trc=m_view_joinnews",
    "https://example.org/a/?shared=email&msg=fail",
])
def test_tracking_parameters_are_reported(tmp_path, url):
    assert len(problems(tmp_path, url)) == 1


@pytest.mark.parametrize("url", [
    "https://example.org/view.php?ud=20161225000150",
    "https://example.org/news/articleView.html?idxno=110938",
    "https://example.org/service/news_view.htm?lang=e&Seq_Code=179256",
    "https://example.org/a?utm=1&track=2",
])
def test_addresses_without_tracking_pass(tmp_path, url):
    assert problems(tmp_path, url) == []


def test_message_lists_each_parameter(tmp_path):
    assert problems(tmp_path, "https://example.org/a?id=3&utm_source=rss&fbclid=x") == [
        "data/sources/example.yaml:7: sources[0].url: the URL carries tracking parameters: 'utm_source' "
        "(a campaign-tracking tag), 'fbclid' (a Facebook click id); remove them and keep the rest of the "
        "address as the page gives it"]
