"""The placeholder-title rule on its own: what it flags and, as much, what it lets through."""

from __future__ import annotations

import pytest

from helpers import TODAY, sources_docset
from nkexports.rules import placeholder_titles

ENTRY = """sources:
  - id: example-2024-report
    kind: news
    publisher: Example Times
    title: {title}
    published: 2024-03-01
    url: {url}
    accessed: 2026-12-01
"""


def problems(tmp_path, title, url):
    docs = sources_docset(tmp_path, ENTRY.format(title=title, url=url))
    return [str(p) for p in placeholder_titles.check(docs, TODAY)]


@pytest.mark.parametrize("title, url", [
    ('"China coal North Korea (words of the URL slug)"', "https://example.org/article/china-coal-north-korea"),
    ('"Export story (headline not shown; URL slug)"', "https://example.org/a/1"),
    ("workers", "https://example.org/english/news/korea/workers-03212024162926.html"),
    ("dprk trade web", "https://example.org/korea/korea-economy/dprk-trade-web"),
    ("kuk200905180041", "http://img.example.org/article/view/kuk200905180041"),
    ("NewsView 1HMC4PADM5", "https://example.org/NewsView/1HMC4PADM5"),
    ("articleView idxno 89634", "http://example.org/news/articleView.html?idxno=89634"),
    ("news 57253", "https://example.org/news/57253"),
])
def test_placeholder_titles_are_reported(tmp_path, title, url):
    assert len(problems(tmp_path, title, url)) == 1


@pytest.mark.parametrize("title, url", [
    ("Japan renews sanctions after rocket launch", "https://example.org/2009/04/11/japan-renews-sanctions-after-rocket-launch/"),
    ("Inter Korean trade falls in 2009", "https://example.org/2009/06/09/inter-korean-trade-falls-in-2009/"),
    ('"2019 북한 대외무역 동향"', "https://example.org/post/2019"),
    ("Progressing", "https://example.org/rimjin-gang/2025/09/photo/progressing"),
    ('"NK News report of January 2015 on coal exports (no headline shown)"', "https://example.org/2015/01/coal"),
    ("S/RES/2270 (2016)", "https://example.org/s/res/2270-%282016%29"),
])
def test_real_and_described_titles_pass(tmp_path, title, url):
    assert problems(tmp_path, title, url) == []


def test_message_names_the_title_and_the_fix(tmp_path):
    assert problems(tmp_path, "workers", "https://example.org/news/workers-1.html") == [
        "data/sources/example.yaml:5: sources[0].title: the title 'workers' repeats words or codes from the URL, "
        "not the document's title; give the title as the page shows it; if the page shows none, describe the "
        "document and end with '(no headline shown)'"]
