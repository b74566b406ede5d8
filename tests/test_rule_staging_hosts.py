"""The staging-host rule on its own."""

from __future__ import annotations

import pytest

from helpers import TODAY, sources_docset
from nkexports.rules import staging_hosts

ENTRY = """sources:
  - id: example-2024-report
    kind: news
    publisher: Example Times
    title: A report
    published: 2024-03-01
    url: {url}
    accessed: 2026-12-01
"""


def problems(tmp_path, url):
    return [str(p) for p in staging_hosts.check(sources_docset(tmp_path, ENTRY.format(url=url)), TODAY)]


@pytest.mark.parametrize("url", [
    "https://dev-v4.freemalaysiatoday.com/category/business/2026/01/20/story",
    "http://stage.tradelawdaily.com/article/2011/04/21/story",
    "https://staging.example.org/a",
    "https://preview.example.org/a",
    "https://voa.pangea-cms.com/preview/ko-KR/a/3773487.html",
    "https://www.example.org/preview/en-US/a/1.html",
])
def test_staging_and_preview_addresses_are_reported(tmp_path, url):
    assert len(problems(tmp_path, url)) == 1


@pytest.mark.parametrize("url", [
    "https://www.freemalaysiatoday.com/category/business/2026/01/20/story",
    "https://developer.example.org/a",
    "https://www.example.org/news/preview-of-the-budget",
    "https://stagecoach.example.org/a",
])
def test_public_addresses_pass(tmp_path, url):
    assert problems(tmp_path, url) == []


def test_message(tmp_path):
    assert problems(tmp_path, "https://voa.pangea-cms.com/preview/ko-KR/a/1.html") == [
        "data/sources/example.yaml:7: sources[0].url: voa.pangea-cms.com is the content system behind the Voice "
        "of America and RFE/RL sites, not a public site; cite the page at the publisher's public address, as you "
        "read it there"]
