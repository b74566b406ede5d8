"""What a pull request can plant beyond the data's values: a commit subject or a file name holding any
character, a link in an old commit, an unreadable amount beside another figure, a change too big for
a job summary, a cache entry. Git's output is read as data, every command fails as one located line,
the summary fits, and no cache the build did not write reaches a page."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

import memory
from data_history import GIT, edit, git
from helpers import FIXTURE_DATA, ROOT, problems_in
from nkexports import charts
from nkexports.caches import cache_dir
from nkexports.change_log import LONGEST_SUBJECT, commit_log
from nkexports.chart_data import Chart, Line, Marker
from nkexports.datadiff import Change, DataDiff
from nkexports.diff_summary import LONGEST_VALUE, SUMMARY_BYTES, Summary
from nkexports.escape import markdown_link, visible_text
from nkexports.history import CACHE_KIND, DataCommit, data_commits
from nkexports.load import load_dataset
from nkexports.render import Renderer
from nkexports.revisions import file_revisions
from nkexports.weburl import UnsafeAddress, parse_web_address

ORE = Path("data/categories/test-ore.yaml")
ORE_FIGURE = """      - amount: 1500000
        unit: USD
        period: 2020
        indicator: exports-value
        reporter: example-customs
        partner: testland
        product: test-ore
        coverage: whole
        id: test-ore-2020-exports-to-testland
        sources: [example-2021-customs]
"""
# The line breaks and separators that tools other than git split text at, over-represented.
BREAKS = "\r\u2028\u2029\u0085\x0b\x0c\x1c\x1d\x1e\x1f\u202e\u2066\x1b"
# Direction and other invisible characters that must never reach a reviewer's page raw.
INVISIBLE = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\x00-\x1f\x7f-\x9f\u2028\u2029]")


def run(repo: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "nkexports", *args], cwd=repo, capture_output=True, text=True,
                          env={**os.environ, "NKEXPORTS_PUBLISHED_REF": "base"})


def commit_all(repo: Path, message: str) -> None:
    (repo.parent / "message").write_text(message, encoding="utf-8")
    subprocess.run([*GIT, "commit", "-q", "--allow-empty", "--cleanup=verbatim", "-a", "-F", str(repo.parent / "message")],
                   cwd=repo, check=True, capture_output=True)


# --- a data commit's subject and a file's name, read as data -------------------------------------

# What git keeps of a one-line subject as written: every character but NUL and the line feed that
# ends the line, and no ASCII white space at the end (git trims it).
subjects = st.text(st.one_of(st.sampled_from(BREAKS), st.characters(blacklist_characters="\x00\n",
                                                                     blacklist_categories=("Cs",))),
                   min_size=1, max_size=120).filter(lambda s: s.rstrip(" \t\r\x0b\x0c") == s)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(subject=subjects)
def test_any_subject_is_read_whole_and_shown_visible_on_the_changes_page(repo, subject):
    """The head commit is amended to each subject: its data tree, and so its comparison, stay the same."""
    subprocess.run([*GIT, "commit", "-q", "--amend", "--cleanup=verbatim", "-m", subject], cwd=repo, check=True)
    newest, _ = data_commits(repo)
    assert newest.subject == subject
    assert [c["id"] for c in newest.changes]  # the head's four changes, read from the data
    page = Renderer(load_dataset(FIXTURE_DATA)).changes_page([commit_log(newest)], "https://example.org/repo", [])
    html = markdown.markdown(page.split("---\n", 2)[2], extensions=["attr_list", "md_in_html", "tables"])
    meta = BeautifulSoup(html, "html.parser").find("p", class_="page-meta")
    shown = visible_text(subject, LONGEST_SUBJECT).strip()
    assert meta.get_text().strip() == f"{shown} · the site's files at this revision ({newest.short})".strip()
    assert not INVISIBLE.search(meta.get_text())
    assert [e.name for e in meta.find_all(True)] == ["a", "span"]  # the revision link alone: the subject made none


def test_a_subject_with_every_kind_of_line_break_leaves_each_commit_whole(repo):
    edit(repo / "data" / "series" / "total-exports-kotra.yaml", "amount: 2100000", "amount: 2200000")
    commit_all(repo, f"one{BREAKS}two")
    newest, head, _ = data_commits(repo)
    assert newest.subject == f"one{BREAKS}two" and head.subject == "head"
    assert [f["new"] for c in newest.changes for f in c["fields"]] == [2200000]


# Any file name git can hold: no NUL, no slash (a folder), not . or .. or .git.
file_names = st.one_of(
    st.text(st.one_of(st.sampled_from(BREAKS + "\n"), st.characters(blacklist_characters="\x00/",
                                                                      blacklist_categories=("Cs",))),
            min_size=1, max_size=40),
    st.builds(lambda sha: f"commit {sha} 2001-01-01", st.text("0123456789abcdef", min_size=40, max_size=40)),
).filter(lambda name: name.lower() not in (".", "..", ".git") and len(name.encode()) <= 255)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=file_names)
def test_any_file_name_gets_its_own_revision_and_fakes_none(tmp_path_factory, name):
    repo = tmp_path_factory.mktemp("names")
    git(repo, "init", "-q")
    (repo / "page.md").write_text("page")
    git(repo, "add", "page.md")
    git(repo, "commit", "-q", "-m", "first")
    first = git(repo, "rev-parse", "HEAD")
    (repo / name).write_text("named")
    git(repo, "--literal-pathspecs", "add", "--", name)  # a name such as ":0" is not pathspec magic
    git(repo, "commit", "-q", "-m", "second")
    second = git(repo, "rev-parse", "HEAD")
    found = file_revisions(repo, second)
    assert found == {"page.md": found["page.md"], name: found[name]}
    assert (found["page.md"].commit, found[name].commit) == (first, second)


# --- a link anywhere in the recent history ---------------------------------------------------------

def test_a_link_added_then_removed_in_the_history_is_reported_not_followed(repo):
    (repo / "data" / "categories" / "passwords.yaml").symlink_to("/etc/passwd")
    (repo / "data" / "partners" / "outside.yaml").symlink_to("../../../outside.yaml")
    git(repo, "add", "data")
    commit_all(repo, "links")
    git(repo, "rm", "-q", "data/categories/passwords.yaml", "data/partners/outside.yaml")
    commit_all(repo, "no links")
    assert [c.subject for c in data_commits(repo)] == ["no links", "links", "head", "base"]
    result = run(repo, "diff", "head", "HEAD~1")
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    for path in ("data/categories/passwords.yaml", "data/partners/outside.yaml"):
        assert f"- {path}:1: (file): the file is a symbolic link;" in result.stdout
    assert not (repo.parent / "outside.yaml").exists()


# --- an unreadable amount beside another figure of the same quantity ------------------------------

@pytest.mark.parametrize("amount", [".inf", "-.inf", ".nan", "1" + "0" * 400, "'1.2 billion'", "190:20:30", "true"])
def test_an_unreadable_amount_beside_its_twin_is_one_located_message_among_the_others(repo, amount):
    ore = repo / ORE
    twin = ORE_FIGURE.replace("1500000", amount).replace("id: test-ore-2020-exports-to-testland",
                                                         "id: test-ore-2020-exports-to-testland-twin")
    edit(ore, ORE_FIGURE, ORE_FIGURE + twin)
    line = ore.read_text().splitlines().index(f"      - amount: {amount}") + 1
    edit(repo / "data" / "partners" / "otherland.yaml", "sources: [example-2020-report]", "sources: [no-such-source]")
    checked = run(repo, "check", "--github", "data")
    assert checked.returncode == 1 and "Traceback" not in checked.stderr, checked.stderr
    annotated = {(m["file"], m["line"]) for m in map(_properties, checked.stdout.splitlines())}
    assert (str(ORE), str(line)) in annotated
    assert "data/partners/otherland.yaml" in {file for file, _ in annotated}  # the other problem too
    diffed = run(repo, "diff", "head", "--json", "diff.json")
    assert diffed.returncode == 1 and "Traceback" not in diffed.stderr, diffed.stderr
    [twin_change] = [c for c in json.loads((repo / "diff.json").read_text())["changes"] if c["id"].endswith("-twin")]
    assert twin_change["change"] == "added"
    assert "test-ore-2020-exports-to-testland-twin" in diffed.stdout


def _properties(annotation: str) -> dict[str, str]:
    listed = annotation.split("::")[1].removeprefix("error ")
    return dict(item.split("=", 1) for item in listed.split(","))


# --- a summary that fits --------------------------------------------------------------------------

def _added_figure(number: int) -> Change:
    values = {"amount": 1000 + number, "unit": "USD", "reporter": "example-customs", "period": "2020",
              "sources": ["example-2021-customs"], "note": "x" * 2000}
    return Change("observation", f"figure-{number:05d}", "added", "data/categories/test-ore.yaml", 10, (), values,
                  tuple(f"categories/page-{n}/" for n in range(40)))


@pytest.mark.parametrize("count", [10, 5000])
def test_the_summary_fits_githubs_limit_and_says_what_it_left_out(count):
    diff = DataDiff("base", "head", [_added_figure(n) for n in range(count)], [], pages_known=True,
                    sources={"example-2021-customs": {"url": "https://example.org/customs"}})
    text = Summary(diff, "diff.json").markdown()
    assert len(text.encode("utf-8")) <= SUMMARY_BYTES
    soup = BeautifulSoup(MarkdownIt("commonmark", {"html": True}).enable("table").render(text), "html.parser")
    rows = soup.find("table").find("tbody").find_all("tr")
    left_out = re.search(r"(\d+) of (\d+) changes are left out here", text)
    if count == 10:
        assert left_out is None and len(rows) == count
    else:
        assert left_out and int(left_out.group(1)) + len(rows) == count == int(left_out.group(2))
        assert "every change is in diff.json" in soup.get_text()
    # One line per figure, its digits as digits.
    assert "| added | figure-00000 | example-customs | 2020 | 1000 USD |" in text


@given(value=st.text(st.one_of(st.sampled_from(BREAKS), st.characters(blacklist_categories=("Cs",))), max_size=400))
def test_any_value_in_the_summary_stays_in_its_cell_visible_and_cut(value):
    change = Change("fact", "test-ore-overview", "added", "data/categories/test-ore.yaml", 10, (),
                    {"statement": value, "sources": []}, ())
    text = Summary(DataDiff("base", "head", [change], [], pages_known=True)).markdown()
    soup = BeautifulSoup(MarkdownIt("commonmark", {"html": True}).enable("table").render(text), "html.parser")
    [row] = soup.find("table").find("tbody").find_all("tr")
    cells = row.find_all("td")
    assert len(cells) == 5 and not cells[2].find_all(True)
    assert cells[2].get_text() == visible_text(value, LONGEST_VALUE).strip()
    assert not INVISIBLE.search(soup.get_text().replace("\n", ""))


# --- caches ---------------------------------------------------------------------------------------

POISON = ('<svg xmlns="http://www.w3.org/2000/svg"><image href="https://images.example.org/who-reads.png"/>'
          '<a href="https://example.org/"><text>Click</text></a></svg>')


def test_a_planted_drawing_is_drawn_again_not_placed_in_the_page():
    chart = Chart(id="planted", title="Planted", measured="Exports (value)", unit="USD", frequency="yearly",
                  lines=(Line("Example customs", ((2015, 2e9), (2016, 1e9)), ("US$2 billion", "US$1 billion")),),
                  markers=(Marker(2016, "2016", ("UNSCR 2270",), ("Resolution 2270",)),))
    drawn = charts.chart_markup(chart)
    planted = list(cache_dir(charts.CACHE_KIND).glob("*.svg"))
    assert planted, "the drawings were not kept in the cache folder"
    for entry in planted:
        entry.write_text(POISON, encoding="utf-8")
    charts._drawing.cache_clear()
    assert charts.chart_markup(chart) == drawn
    assert "example.org" not in drawn


def test_a_comparison_committed_into_the_checkout_is_not_read(repo):
    real = [c["id"] for c in data_commits(repo)[0].changes]
    committed = repo / ".cache" / "data-history"
    committed.mkdir(parents=True)
    for entry in cache_dir(CACHE_KIND).glob("*.json"):
        (committed / entry.name).write_text('[{"kind": "claim", "id": "forged", "change": "removed", "file": "x", '
                                            '"line": 1, "fields": [], "values": {}, "pages": []}]')
        entry.unlink()
    assert [c["id"] for c in data_commits(repo)[0].changes] == real


@pytest.mark.parametrize("entry", ['["not a change"]', '{"kind": "claim"}', "[{}]", "not json",
                                   '[{"kind": "claim", "id": 1, "change": "removed", "file": "x", "line": 1, '
                                   '"fields": [], "values": {}, "pages": []}]'])
def test_a_malformed_comparison_in_the_cache_is_made_again(repo, entry):
    real = [c["id"] for c in data_commits(repo)[0].changes]
    base, head = (git(repo, "rev-parse", f"{ref}:data") for ref in ("base", "head"))
    [kept] = cache_dir(CACHE_KIND).glob(f"*-{base}-{head}.json")
    kept.write_text(entry)
    assert [c["id"] for c in data_commits(repo)[0].changes] == real
    assert json.loads(kept.read_text())[0]["id"] == real[0]  # and the entry is written again


def test_lint_refuses_a_committed_cache(tmp_path):
    script = tmp_path / "scripts" / "no-committed-caches.sh"
    script.parent.mkdir()
    script.write_bytes((ROOT / "scripts" / "no-committed-caches.sh").read_bytes())
    script.chmod(0o755)
    (tmp_path / ".cache" / "charts").mkdir(parents=True)
    (tmp_path / ".cache" / "charts" / "planted.svg").write_text(POISON)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-f", ".cache")
    result = subprocess.run([str(script)], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 1 and ".cache/charts/planted.svg" in result.stderr
    assert subprocess.run([str(ROOT / "scripts" / "no-committed-caches.sh")], capture_output=True).returncode == 0


# --- commands that cannot run say so in one line ---------------------------------------------------

def test_diff_with_a_data_folder_outside_the_repository_says_so(repo, tmp_path):
    result = run(repo, "diff", "--data", str(tmp_path), "base")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("diff: ") and "outside the repository" in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_check_without_a_data_folder_could_not_run(tmp_path):
    result = run(tmp_path, "check", "no-such-folder")
    assert result.returncode == 2 and len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith("check: no-such-folder is not a folder")



# --- the smaller holes -----------------------------------------------------------------------------

def test_a_subject_of_any_length_is_cut_on_the_changes_page():
    log = commit_log(DataCommit("a" * 40, "2026-01-01T00:00:00+00:00", "x" * 100_000, ()))
    assert log.subject == "x" * (LONGEST_SUBJECT - 1) + "…"


@given(path=st.text(alphabet="`*_[]()~^{}|!#<>&\"'=:abc", max_size=30))
def test_no_part_of_an_address_becomes_markup_on_a_page(path):
    address = f"https://example.org/{path}"
    try:
        link = markdown_link(address, "the source")
    except UnsafeAddress:
        return
    html = markdown.markdown(f"See {link} and `code`.", extensions=["footnotes", "attr_list", "md_in_html", "tables"])
    paragraph = BeautifulSoup(html, "html.parser").p
    [anchor, code] = paragraph.find_all(True)
    assert anchor.name == "a" and anchor["href"] == parse_web_address(address).href and anchor.get_text() == "the source"
    assert code.name == "code" and code.get_text() == "code"


def test_publishers_are_filed_under_their_first_letter_and_other_scripts_apart():
    publishers = {"rocket": "🚀 Rocket Daily", "hangul": "연합뉴스", "accent": "Östra Nyheter",
                  "quoted": "“Quoted” Times", "digit": "38 North", "plain": "Bell Weekly"}
    sources = [{"id": ident, "kind": "news", "publisher": name, "title": f"A report by {ident}", "published": "2025-01-01",
                "url": f"https://example.org/{ident}", "accessed": "2026-01-01"} for ident, name in publishers.items()]
    data = memory.dataset(memory.doc("sources", "sources/more.yaml", {"sources": sources}))
    renderer = Renderer(data)
    labels = dict((path, label) for label, path in renderer.source_kind_paths())
    filed = {ident: labels[renderer.source_page_paths()[ident]] for ident in publishers}
    assert filed == {"rocket": "News reporting (R–S)", "hangul": "News reporting (other scripts)",
                     "accent": "News reporting (M–Q)", "quoted": "News reporting (M–Q)",
                     "digit": "News reporting (A–D)", "plain": "News reporting (A–D)"}


@pytest.mark.parametrize("folder", ["partners", "categories"])
def test_a_page_cannot_take_its_sections_index_as_its_slug(fixture_copy, folder):
    page = next((fixture_copy / folder).glob("*.yaml"))
    text = page.read_text()
    slug = re.search(r"^slug: (.+)$", text, flags=re.M).group(1)
    (fixture_copy / folder / "index.yaml").write_text(text.replace(f"slug: {slug}\n", "slug: index\n"))
    page.unlink()
    found = problems_in(fixture_copy)
    assert (f"data/{folder}/index.yaml:2: slug: 'index' is the address of a page the site makes itself; "
            "choose another slug (taken: index) and rename the file to match") in found
