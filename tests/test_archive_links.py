"""Every source offers a Wayback Machine lookup of its address, labelled as a lookup, and its capture when known."""

from __future__ import annotations

from pathlib import Path

from helpers import FIXTURE_DATA, PageParser, built_page, parse_page
from nkexports.load import load_dataset

ROOT = Path(__file__).resolve().parent.parent
LOOKUP_TEXT = "Look up archived copies"


def links_by_source(site: Path) -> dict[str, list[tuple[dict, str]]]:
    """The links shown in each source's entry on the sources pages, keyed by source id."""
    found: dict[str, list[tuple[dict, str]]] = {}
    for folder in sorted((site / "sources").iterdir()):
        if not folder.is_dir():
            continue
        html = (folder / "index.html").read_text(encoding="utf-8")
        for chunk in html.split('id="source-')[1:]:
            ident, _, rest = chunk.partition('"')
            entry = rest.split('<div class="source"', 1)[0]
            parser = parse_fragment(entry)
            found[ident] = list(zip(parser.links, parser.link_texts))
    return found


def parse_fragment(html: str) -> PageParser:
    parser = PageParser()
    parser.feed(html)
    return parser


def check_site(site: Path, data_dir: Path) -> None:
    dataset = load_dataset(data_dir)
    shown = links_by_source(site)
    for source in dataset.sources.values():
        links = shown[source.id]
        lookups = [attrs for attrs, text in links if text.startswith(LOOKUP_TEXT)]
        assert [a["href"] for a in lookups] == ["https://web.archive.org/web/*/" + source.url], source.id
        assert "noopener" in lookups[0]["rel"]
        captures = [attrs["href"] for attrs, text in links if text.startswith("Archived copy")]
        assert captures == ([source.archived_url] if source.archived_url else []), source.id
        assert all("/web/*/" not in href for href in captures), f"{source.id}: a lookup labelled as a capture"


def test_real_sources_show_a_lookup_of_their_address(real_site):
    check_site(real_site, ROOT / "data")


def test_a_known_capture_is_shown_beside_the_lookup(fixture_site):
    check_site(fixture_site, FIXTURE_DATA)
    assert any(s.archived_url for s in load_dataset(FIXTURE_DATA).sources.values())


def test_footnotes_carry_the_lookup_too(fixture_site):
    page = parse_page(built_page(fixture_site, "categories/test-ore"))
    lookups = [a["href"] for a, text in zip(page.links, page.link_texts) if text.startswith(LOOKUP_TEXT)]
    assert "https://web.archive.org/web/*/https://example.org/report" in lookups
