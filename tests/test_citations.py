"""Every content page can be cited: seven formats, a revision link, dates; every fact citable alone."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import bibtexparser
import pytest

from helpers import built_page
from test_site import REAL

FORMATS = ["APA 7", "MLA 9", "Chicago (author-date)", "Harvard", "BibTeX", "RIS", "CSL-JSON"]
CONTENT_PAGES = ["", "categories", "partners", "sanctions", "claims", "sources", "figures"] + [
    p.url.rstrip("/") for p in REAL.pages.values()]


def citation_texts(html: str) -> dict[str, str]:
    found = re.findall(r'<details class="cite-format"[^>]*data-format="([^"]+)">\s*<summary>[^<]*</summary>\s*'
                       r"<pre><code>(.*?)</code></pre>", html, flags=re.S)
    return {unescape(label): unescape(text) for label, text in found}


@pytest.mark.parametrize("url", CONTENT_PAGES)
def test_page_has_all_citation_formats_and_a_revision_link(real_site, url):
    html = built_page(real_site, url).read_text()
    texts = citation_texts(html)
    assert list(texts) == FORMATS
    page_url = "https://nkexports.github.io/nkexports/" + (url + "/" if url else "")
    assert all(page_url in text for label, text in texts.items()), "a format lacks the page's stable URL"
    assert re.search(r'class="revision-link"', html) and "/commit/" in html
    bibtex = bibtexparser.parse_string(texts["BibTeX"])
    assert len(bibtex.entries) == 1 and not bibtex.failed_blocks
    assert bibtex.entries[0]["url"] == page_url
    csl = json.loads(texts["CSL-JSON"])
    assert csl[0]["URL"] == page_url
    assert texts["RIS"].startswith("TY  - ELEC") and texts["RIS"].rstrip().endswith("ER  -")


def test_revision_date_matches_git_history(real_site):
    from nkexports.revisions import revisions
    history = revisions(Path(__file__).resolve().parent.parent)
    coal = built_page(real_site, "categories/coal").read_text()
    revision = history["data/categories/coal.yaml"]
    assert f'<time datetime="{revision.date}">' in coal
    assert f"/commit/{revision.commit}" in coal


def test_last_verified_comes_from_the_data(real_site):
    for page in REAL.pages.values():
        html = built_page(real_site, page.url.rstrip("/")).read_text()
        assert f'Facts last checked against their sources on <time datetime="{page.last_verified}">' in html


@pytest.mark.parametrize("page", REAL.pages.values(), ids=lambda p: p.url)
def test_every_fact_can_be_linked_and_cited_alone(real_site, page):
    html = built_page(real_site, page.url.rstrip("/")).read_text()
    for fact in page.facts:
        block = html.split(f'<div class="fact" id="{fact.id}">', 1)[1].split("</div>", 1)[0]
        assert f'href="#{fact.id}"' in block
        assert f"https://nkexports.github.io/nkexports/{page.url}#{fact.id}" in unescape(block)


def test_primary_source_shown_for_un_documents(real_site):
    with_symbol = {s.id for s in REAL.sources.values() if s.document_symbol}
    fact = next(f for f in REAL.facts() if with_symbol & set(f.sources))
    html = built_page(real_site, fact.page.url.rstrip("/")).read_text()
    block = html.split(f'id="{fact.id}"', 1)[1].split("</div>", 1)[0]
    assert "Primary source: UN document" in block


def test_a_shallow_clone_fails_the_strict_build(tmp_path):
    import subprocess

    from helpers import ROOT, build_site
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{ROOT}", str(clone)], check=True)
    result = build_site(tmp_path / "site", cwd=clone)
    assert result.returncode != 0
    assert "shallow git clone" in result.stdout + result.stderr
