"""The real site, built from the real data: every data file has its page and every figure its footnote."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpers import built_page, parse_page
from nkexports.load import load_dataset

ROOT = Path(__file__).resolve().parent.parent
REAL = load_dataset(ROOT / "data")


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


@pytest.mark.parametrize("page", REAL.pages.values(), ids=lambda p: p.url)
def test_every_data_file_has_a_page_with_its_fact_anchors(real_site, page):
    path = built_page(real_site, page.url.rstrip("/"))
    assert path.exists(), f"{page.file} gave no page at {page.url}"
    ids = parse_page(path).ids
    missing = [f.id for f in page.facts if f.id not in ids]
    assert not missing, f"{page.url} lacks anchors for facts {missing}"


def test_every_page_is_in_the_nav(real_site):
    home = (real_site / "index.html").read_text()
    for page in REAL.pages.values():
        if page.kind in ("category", "partner"):
            assert f'href="{page.url}"' in home, f"{page.url} is not in the navigation"


def test_footnote_references_and_definitions_match(real_site):
    for path in html_pages(real_site):
        html = path.read_text()
        refs = set(re.findall(r'class="footnote-ref" href="#fn:([^"]+)"', html))
        defs = set(re.findall(r'<li id="fn:([^"]+)"', html))
        assert refs == defs, f"{path}: referenced without definition {refs - defs}, defined unreferenced {defs - refs}"


def test_no_unrendered_template_syntax(real_site):
    for path in html_pages(real_site):
        text = " ".join(parse_page(path).article_text)
        assert "{{" not in text and "{%" not in text, f"unrendered template syntax in {path}"


def test_measures_and_claims_have_anchors(real_site):
    sanctions = parse_page(built_page(real_site, "sanctions")).ids
    assert {m.id for m in REAL.measures} <= sanctions
    claims = parse_page(built_page(real_site, "claims")).ids
    assert {c.id for c in REAL.claims} <= claims


def test_sanctions_page_links_to_the_monitoring_page(real_site):
    """The sanctions page points to who monitors the measures; that page cites Panel reports by symbol and the MSMT."""
    links = {link.get("href") for link in parse_page(built_page(real_site, "sanctions")).links}
    assert "../sanctions-monitoring/" in links
    monitoring = " ".join(parse_page(built_page(real_site, "sanctions-monitoring")).article_text)
    assert "S/2017/150" in monitoring and "Multilateral Sanctions Monitoring Team" in monitoring


def source_pages(site: Path) -> dict[str, object]:
    """The bibliography pages (one or more per kind of source), by folder name: news, news-2, ..."""
    return {folder.name: parse_page(folder / "index.html") for folder in sorted((site / "sources").iterdir())
            if folder.is_dir()}


def test_every_source_is_listed_on_its_kind_page_with_its_link(real_site):
    pages = source_pages(real_site)
    overview = {link.get("href") for link in parse_page(built_page(real_site, "sources")).links}
    for name in pages:
        assert f"{name}/" in overview, f"the sources overview does not link the {name} page"
    for source in REAL.sources.values():
        page = next((p for name, p in pages.items() if name.split("-")[0] == source.kind.split("-")[0]
                     and f"source-{source.id}" in p.ids), None)
        assert page is not None, f"{source.id} is on no {source.kind} page"
        assert source.url in {link.get("href") for link in page.links}, f"{source.id} has no link to {source.url}"


def test_source_links_are_external_and_noopener(real_site):
    external = [link for page in source_pages(real_site).values() for link in page.links if link.get("class") == "external"]
    assert len(external) >= len(REAL.sources)
    assert all("noopener" in link.get("rel", "") for link in external)


def test_sources_page_back_links_resolve(real_site):
    back_links = [link["href"] for page in source_pages(real_site).values() for link in page.links
                  if link.get("href", "").startswith("../../") and "#" in link["href"]]
    assert len(back_links) >= len(REAL.sources)
    targets: dict[str, set[str]] = {}
    for href in back_links:
        path, anchor = href.split("#", 1)
        url = path.removeprefix("../../").rstrip("/")
        if url not in targets:
            targets[url] = parse_page(built_page(real_site, url)).ids
        assert anchor in targets[url], f"a sources page links to missing {href}"


def test_no_page_shows_markup_meant_for_the_machine(real_site):
    """Markdown and template syntax never reach the reader's screen: no footnote marker, link
    syntax or unrendered template anywhere on any page, its header, navigation and citation
    blocks included (the citations' own code, whose braces are BibTeX, apart)."""
    leaks = {}
    for path in html_pages(real_site):
        text = " ".join(parse_page(path).visible_text)
        found = [marker for marker in ("///", "](", "{{", "{%") if marker in text]
        if found:
            leaks[str(path.relative_to(real_site))] = found
    assert not leaks


def test_a_page_title_names_the_site_once(real_site):
    """The home page is titled by the site's name alone; every other page by its own title, then the site's."""
    site_name = "North Korea's exports"
    assert parse_page(real_site / "index.html").title.strip() == site_name
    for path in html_pages(real_site):
        title = parse_page(path).title.strip()
        assert title.count(site_name) == 1, f"{path.relative_to(real_site)}: <title> is {title!r}"


EDIT_PREFIX = "https://github.com/nkexports/nkexports/edit/main/"


def test_every_edit_button_opens_a_file_of_the_repository(real_site):
    """GitHub edits files, not folders: a page made from a whole folder has no edit button."""
    checked = 0
    for path in html_pages(real_site):
        edits = [link["href"] for link in parse_page(path).links if link.get("rel") == "edit"]
        for href in edits:
            assert href.startswith(EDIT_PREFIX), href
            assert (ROOT / href.removeprefix(EDIT_PREFIX)).is_file(), f"{path.relative_to(real_site)}: edits {href}"
            checked += 1
    assert checked >= len(REAL.pages)
    for url in ("figures", "data", "sources", "sources/news"):
        assert not [link for link in parse_page(built_page(real_site, url)).links if link.get("rel") == "edit"], url


def test_cite_this_page_is_in_the_table_of_contents(real_site):
    for page in REAL.pages.values():
        soup = BeautifulSoup(built_page(real_site, page.url.rstrip("/")).read_text(encoding="utf-8"), "html.parser")
        entries = soup.select('[data-md-component="toc"] a[href="#cite-this-page"]')
        # Material writes the table of contents twice: in the sidebar and in the phone's drawer.
        assert entries and {e.get_text(strip=True) for e in entries} == {"Cite this page"}, f"{page.url}: not in the contents"
        assert soup.select_one("h2#cite-this-page + section.cite-page") is not None, page.url
