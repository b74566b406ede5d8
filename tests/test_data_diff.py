"""`python -m nkexports diff`: a fixture repository with a base and a head commit, diffed by the
real command; its Markdown is read back through a CommonMark parser with tables, its JSON by json."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup
from markdown_it import MarkdownIt

from data_history import edit, git
from helpers import ROOT

def run_diff(repo: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "nkexports", "diff", *args], cwd=repo, capture_output=True, text=True)


def read_summary(markdown: str) -> dict[str, list[dict]]:
    """Each table of the summary, under the heading before it, as rows of {column: cell}."""
    html = MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown)
    soup = BeautifulSoup(html, "html.parser")
    tables = {}
    for table in soup.find_all("table"):
        heading = table.find_previous("h3").get_text()
        columns = [th.get_text() for th in table.find_all("th")]
        tables[heading] = [dict(zip(columns, tr.find_all("td"))) for tr in table.find("tbody").find_all("tr")]
    return tables


def test_the_diff_lists_each_change_with_its_pages(repo):
    result = run_diff(repo, "base", "head", "--json", "diff.json")
    assert result.returncode == 0, result.stderr
    tables = read_summary(result.stdout)
    assert set(tables) == {"Observations", "Facts", "Sources"}

    observations = {row["Id"].get_text(): row for row in tables["Observations"]}
    assert set(observations) == {"total-exports-kotra-2019", "testland-share-2021"}
    changed = observations["total-exports-kotra-2019"]
    assert changed["Change"].get_text() == "changed"
    assert changed["Value"].get_text() == "amount: 2000000 → 2100000"
    assert (changed["Reporter"].get_text(), changed["Period"].get_text()) == ("example-customs", "2019")
    assert [a["href"] for a in changed["Sources"].find_all("a")] == ["https://example.org/customs"]
    assert changed["Pages"].get_text() == "figures/"
    added = observations["testland-share-2021"]
    assert added["Change"].get_text() == "added"
    assert [(a.get_text(), a["href"]) for a in added["Sources"].find_all("a")] == [
        ("example-2022-news", "https://example.org/news?id=1|2")]
    assert added["Pages"].get_text() == "partners/testland/"

    [source] = tables["Sources"]
    assert (source["Change"].get_text(), source["Id"].get_text()) == ("added", "example-2022-news")
    assert source["What"].get_text() == "Synthetic news of a second year"
    assert set(source["Pages"].get_text().split(", ")) == {"sources/news-2/", "partners/testland/"}  # Example Daily: E–L
    facts = {row["Id"].get_text(): row for row in tables["Facts"]}
    assert {ident: row["Change"].get_text() for ident, row in facts.items()} == {
        "test-ore-overview": "removed", "testland-share": "changed"}
    assert facts["test-ore-overview"]["Pages"].get_text() == "categories/test-ore/"

    soup = BeautifulSoup(MarkdownIt("commonmark").render(result.stdout), "html.parser")
    pages_line = next(p for p in soup.find_all("p") if p.get_text().startswith("Pages this changes:"))
    shown = set(pages_line.get_text().removeprefix("Pages this changes:").strip().split(", "))
    assert shown == {"figures/", "partners/testland/", "sources/news-2/", "categories/test-ore/"}

    report = json.loads((repo / "diff.json").read_text())
    assert report["verdict"] == {"ok": True, "problems": []}
    assert {(c["kind"], c["id"], c["change"]) for c in report["changes"]} == {
        ("observation", "total-exports-kotra-2019", "changed"), ("observation", "testland-share-2021", "added"),
        ("source", "example-2022-news", "added"), ("fact", "test-ore-overview", "removed"),
        ("fact", "testland-share", "changed")}
    value = next(c for c in report["changes"] if c["change"] == "changed")
    assert value["fields"] == [{"field": "amount", "old": 2000000, "new": 2100000}]
    assert value["file"] == "data/series/total-exports-kotra.yaml"
    assert report["pages"] == sorted({"figures/", "partners/testland/", "sources/news-2/", "categories/test-ore/"})


def test_the_checklist_names_every_new_figure_and_asks_why_a_figure_changed(repo):
    soup = BeautifulSoup(MarkdownIt("commonmark", {"html": True}).render(run_diff(repo, "base", "head").stdout),
                         "html.parser")
    checklist = soup.find("h3", string="Reviewer's checklist").find_next("ul")
    new_figures, replaced = checklist.find_all("li", recursive=False)
    assert {li.get_text().split(":")[0] for li in new_figures.find_all("li")} == {
        "total-exports-kotra-2019", "testland-share-2021"}
    assert [li.get_text().split(":")[0] for li in replaced.find_all("li")] == ["total-exports-kotra-2019"]


def _checklist(markdown: str) -> list[str]:
    """The items of the list after the heading "Reviewer's checklist", without what follows a colon."""
    soup = BeautifulSoup(MarkdownIt("commonmark", {"html": True}).render(markdown), "html.parser")
    items = soup.find("h2", string="Reviewer's checklist") or soup.find("h3", string="Reviewer's checklist")
    return [li.find(string=True).split(":")[0].removeprefix("[ ] ").strip()
            for li in items.find_next("ul").find_all("li", recursive=False)]


def test_the_summary_and_the_pull_request_template_ask_the_same(repo):
    template = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert _checklist(run_diff(repo, "base", "head").stdout) == _checklist(template)
    assert len(_checklist(template)) == 2


def test_the_working_tree_is_the_head_when_none_is_named_and_stays_untouched(repo):
    edit(repo / "data" / "partners" / "otherland.yaml", "Otherland is a made-up partner.",
          '"Otherland is a made-up partner | with a pipe <img src=x> **and** [a](javascript:x)."')
    before = git(repo, "status", "--porcelain")
    result = run_diff(repo, "head")
    assert result.returncode == 1, result.stderr  # the rules refuse the markup; the summary shows it as text
    [fact] = read_summary(result.stdout)["Facts"]
    assert fact["Id"].get_text() == "otherland-overview"
    assert fact["What"].get_text() == ("statement: Otherland is a made-up partner. → "
                                       "Otherland is a made-up partner | with a pipe <img src=x> **and** "
                                       "[a](javascript:x).")
    assert fact["What"].find() is None  # the text made no element
    assert git(repo, "status", "--porcelain") == before
    assert git(repo, "rev-parse", "HEAD") == git(repo, "rev-parse", "head")


def test_the_verdict_lists_the_heads_problems_with_their_place(repo):
    partner = repo / "data" / "partners" / "otherland.yaml"
    edit(partner, "sources: [example-2020-report]", "sources: [no-such-source]")
    line = partner.read_text().splitlines().index("    sources: [no-such-source]") + 1
    soup = BeautifulSoup(MarkdownIt("commonmark").render(run_diff(repo, "head").stdout), "html.parser")
    [problem] = soup.find("ul").find_all("li")
    assert problem.get_text().startswith(f"data/partners/otherland.yaml:{line}: facts[0].sources[0]:")
    assert "no-such-source" in problem.get_text()


def test_a_ref_is_never_read_as_an_option(repo):
    result = run_diff(repo, "--", "--output=written")
    assert result.returncode == 2
    assert result.stderr.startswith("diff: '--output=written' names no commit")
    assert not (repo / "written").exists()


def test_a_number_json_cannot_hold_is_written_as_the_text_written(repo):
    series = repo / "data" / "series" / "total-exports-kotra.yaml"
    edit(series, "amount: 2100000", "amount: .inf")
    result = run_diff(repo, "base", "--json", "diff.json")
    assert result.returncode == 1, result.stderr  # the head has a problem
    report = json.loads((repo / "diff.json").read_text())
    [change] = [c for c in report["changes"] if c["id"] == "total-exports-kotra-2019"]
    assert change["fields"] == [{"field": "amount", "old": 2000000, "new": ".inf"}]
    assert not report["verdict"]["ok"]
