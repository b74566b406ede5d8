"""Page generation on the small fixture data: new files make new pages; bad data builds nothing."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from helpers import build_site, built_page, parse_page


def test_fixture_site_has_a_page_per_data_file(fixture_site):
    for url in ("categories/test-ore", "categories/test-cloth", "partners/testland", "partners/otherland",
                "sanctions", "claims", "sources", "figures", "methodology"):
        assert built_page(fixture_site, url).exists(), url


def test_a_new_yaml_file_is_all_a_new_page_needs(fixture_copy, tmp_path):
    text = (fixture_copy / "categories" / "test-cloth.yaml").read_text()
    copy = text.replace("slug: test-cloth", "slug: test-silk").replace("title: Test cloth", "title: Test silk")
    copy = copy.replace("id: test-cloth-overview", "id: test-silk-overview")
    (fixture_copy / "categories" / "test-silk.yaml").write_text(copy)
    site = tmp_path / "site"
    result = build_site(site, fixture_copy)
    assert result.returncode == 0, result.stderr
    page = built_page(site, "categories/test-silk")
    assert "test-silk-overview" in parse_page(page).ids
    assert 'href="../test-silk/"' in built_page(site, "categories/test-ore").read_text(), "no nav entry"
    assert "Test silk" in built_page(site, "categories").read_text(), "not on the section index"


def test_a_new_topic_file_gets_its_page_and_a_nav_entry(fixture_copy, tmp_path):
    text = (fixture_copy / "topics" / "methodology.yaml").read_text()
    copy = re.sub(r"^slug: methodology$", "slug: test-topic", text, flags=re.M)
    copy = re.sub(r"^title: .*$", "title: Test topic", copy, count=1, flags=re.M)
    copy = re.sub(r"id: methodology-", "id: test-topic-", copy)
    (fixture_copy / "topics" / "test-topic.yaml").write_text(copy)
    site = tmp_path / "site"
    result = build_site(site, fixture_copy)
    assert result.returncode == 0, result.stderr
    assert built_page(site, "test-topic").exists()
    assert 'href="test-topic/"' in built_page(site, "").read_text(), "no nav entry"


def test_cross_links_between_category_and_partner(fixture_site):
    ore = parse_page(built_page(fixture_site, "categories/test-ore"))
    assert any(link.get("href") == "../../partners/testland/" for link in ore.links)
    land = parse_page(built_page(fixture_site, "partners/testland"))
    assert any(link.get("href") == "../../categories/test-ore/" for link in land.links)


def test_sanctions_status_comes_from_the_measures(fixture_site):
    ore = built_page(fixture_site, "categories/test-ore").read_text()
    assert "Banned" in ore and "../../sanctions/#example-res-1" in ore
    cloth = built_page(fixture_site, "categories/test-cloth").read_text()
    assert "None of the measures on the" in cloth


def test_broken_data_fails_the_build_with_located_messages_and_writes_nothing(fixture_copy, tmp_path):
    ore = fixture_copy / "categories" / "test-ore.yaml"
    ore.write_text(ore.read_text().replace("sources: [example-2020-report]", "sources: [no-such-source]"))
    site = tmp_path / "site"
    result = build_site(site, fixture_copy)
    assert result.returncode != 0
    assert "test-ore.yaml:13: facts[0].sources[0]: unknown source 'no-such-source'" in result.stdout + result.stderr
    assert not site.exists()


def test_topic_cannot_take_the_address_of_a_site_page(fixture_copy, tmp_path):
    shutil.copy(fixture_copy / "topics" / "methodology.yaml", fixture_copy / "topics" / "sources.yaml")
    text = (fixture_copy / "topics" / "sources.yaml").read_text().replace("slug: methodology", "slug: sources")
    (fixture_copy / "topics" / "sources.yaml").write_text(text.replace("id: methodology-", "id: clash-"))
    result = build_site(tmp_path / "site", fixture_copy)
    assert result.returncode != 0
    assert "topics/sources.yaml:2: slug: 'sources' is the address of a page the site makes itself" in result.stdout + result.stderr


def test_a_long_section_is_split_by_initial_letter(fixture_copy, tmp_path):
    template = (fixture_copy / "categories" / "test-cloth.yaml").read_text()
    for number in range(41):
        letter = "AB"[number % 2]
        text = template.replace("slug: test-cloth", f"slug: many-{number}")
        text = text.replace("title: Test cloth", f"title: {letter} cloth {number}")
        (fixture_copy / "categories" / f"many-{number}.yaml").write_text(text.replace("id: test-cloth-overview", f"id: many-{number}-overview"))
    site = tmp_path / "site"
    result = build_site(site, fixture_copy)
    assert result.returncode == 0, result.stdout + result.stderr
    page = built_page(site, "categories/many-0").read_text()
    assert 'href="../many-2/"' in page, "the open letter group lists its pages"
    assert 'href="../many-3/"' not in page, "a closed letter group is pruned from the page"
    assert 'href="../many-3/"' in built_page(site, "categories/many-1").read_text()


def test_an_overfull_letter_is_split_into_numbered_groups():
    import importlib.util
    from types import SimpleNamespace

    from helpers import ROOT
    spec = importlib.util.spec_from_file_location("data_pages", ROOT / "nkexports" / "hooks" / "data_pages.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    pages = [SimpleNamespace(title=f"Coal {n:03}", kind="category", slug=f"coal-{n}") for n in range(90)]
    pages.append(SimpleNamespace(title="Wood", kind="category", slug="wood"))
    groups = hook._grouped(pages)
    assert [list(g) for g in groups] == [["C 1"], ["C 2"], ["C 3"], ["W"]]
    assert [len(next(iter(g.values()))) for g in groups] == [40, 40, 10, 1]


def _checkout(tmp_path) -> Path:
    """A copy of the site's sources with the fixture data, to break without touching the repository."""
    from helpers import FIXTURE_DATA, ROOT
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    for name in ("mkdocs.yml", "macros.py"):
        shutil.copy(ROOT / name, checkout / name)
    for name in ("docs", "nkexports", "schemas", "locales"):
        shutil.copytree(ROOT / name, checkout / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(FIXTURE_DATA, checkout / "data")
    (checkout / "translations").mkdir()  # the fixture data has no translations; mkdocs.yml watches the folder
    return checkout


def test_a_symlink_in_docs_stops_the_build(tmp_path):
    checkout = _checkout(tmp_path)
    (checkout / "docs" / "leak.md").symlink_to("/etc/hostname")
    site = tmp_path / "site"
    result = build_site(site, cwd=checkout)
    assert result.returncode != 0
    assert "docs/leak.md: symbolic links are not published" in result.stdout + result.stderr
    assert not site.exists()


def test_a_data_file_in_docs_stops_the_build(tmp_path):
    checkout = _checkout(tmp_path)
    shutil.copy(checkout / "data" / "partners" / "otherland.yaml", checkout / "docs" / "partners" / "otherland.yaml")
    site = tmp_path / "site"
    result = build_site(site, cwd=checkout)
    assert result.returncode != 0
    assert "docs/partners/otherland.yaml:1: a data file in docs/ would be published as a raw file" in (
        result.stdout + result.stderr)
    assert not site.exists()


def test_ids_that_start_with_a_digit_keep_their_footnotes_and_anchors(fixture_copy, tmp_path):
    for path in fixture_copy.rglob("*.yaml"):
        text = path.read_text().replace("example-2021-customs", "38north-2021-customs")
        path.write_text(text.replace("example-res-1", "2371-res"))
    site = tmp_path / "site"
    result = build_site(site, fixture_copy)
    assert result.returncode == 0, result.stdout + result.stderr
    ore = parse_page(built_page(site, "categories/test-ore"))
    assert "fn:38north-2021-customs" in ore.ids
    assert "2371-res" in parse_page(built_page(site, "sanctions")).ids
