"""The archiving job, run against a local stand-in for the Wayback Machine: it asks for captures of
sources added since a base commit only, reports each capture as a line to add, and never fails."""

from __future__ import annotations

import shutil
import socket
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from helpers import FIXTURE_DATA, LOOPBACK, load_script

archive_sources = load_script("archive_sources")

NEW_SOURCES = """  - id: example-2024-captured
    kind: news
    publisher: Example Times
    title: A report the archive captures
    published: 2024-05-01
    url: https://example.org/news/captured
    accessed: 2024-06-01
  - id: example-2024-named
    kind: news
    publisher: Example Times
    title: A report the archive names in Content-Location
    published: 2024-05-02
    url: https://example.org/news/named
    accessed: 2024-06-01
  - id: example-2024-busy
    kind: news
    publisher: Example Times
    title: A report the archive is too busy for
    published: 2024-05-03
    url: https://example.org/news/busy
    accessed: 2024-06-01
  - id: example-2024-broken
    kind: news
    publisher: Example Times
    title: A report the archive fails on
    published: 2024-05-04
    url: https://example.org/news/broken
    accessed: 2024-06-01
  - id: example-2024-kept
    kind: news
    publisher: Example Times
    title: A report that already has its capture
    published: 2024-05-05
    url: https://example.org/news/kept
    accessed: 2024-06-01
    archived_url: https://web.archive.org/web/20240601000000/https://example.org/news/kept
"""
NEW_IDS = ["example-2024-captured", "example-2024-named", "example-2024-busy", "example-2024-broken",
           "example-2024-kept"]


class SavePageNow(BaseHTTPRequestHandler):
    """/save/<address>: a redirect to a dated capture, a Content-Location naming one, 429 or 520."""

    seen: list[tuple[str, str]] = []

    def do_GET(self):
        self.seen.append((self.path, self.headers.get("User-Agent", "")))
        address = self.path.removeprefix("/save/")
        headers = {}
        if address.endswith("/captured"):
            status, headers = 302, {"Location": f"/web/20261201093000/{address}"}
        elif address.endswith("/named"):
            status, headers = 200, {"Content-Location": f"/web/20261201093100/{address}"}
        elif address.endswith("/busy"):
            status = 429
        elif address.endswith("/broken"):
            status = 520
        else:
            status, headers = 302, {"Location": f"/web/20261201093200/{address}"}
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def archive(only_loopback):
    SavePageNow.seen = []
    httpd = ThreadingHTTPServer((LOOPBACK, 0), SavePageNow)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://{LOOPBACK}:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=True).stdout.strip()


@pytest.fixture
def repo(tmp_path) -> tuple[Path, str]:
    """A git repository holding the fixture data at a base commit, then five sources added after it."""
    root = tmp_path / "repo"
    shutil.copytree(FIXTURE_DATA, root / "data")
    git(root, "init", "-q")
    git(root, "-c", "user.name=Test", "-c", "user.email=test@example.org", "add", "data")
    git(root, "-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-q", "-m", "base")
    base = git(root, "rev-parse", "HEAD")
    sources = root / "data" / "sources" / "example.yaml"
    sources.write_text(sources.read_text() + NEW_SOURCES)
    ore = root / "data" / "categories" / "test-ore.yaml"
    text = ore.read_text()
    assert "    sources: [example-2020-report]\n" in text
    ore.write_text(text.replace("    sources: [example-2020-report]\n",
                                f"    sources: [example-2020-report, {', '.join(NEW_IDS)}]\n", 1))
    return root, base


def run(repo_dir: Path, archive_url: str, *extra: str) -> int:
    return archive_sources.main([str(repo_dir / "data"), "--repo", str(repo_dir), "--archive", archive_url,
                                 "--pause", "0", *extra])


def test_only_sources_added_since_the_base_are_sent(repo, archive, monkeypatch, capsys):
    root, base = repo
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    assert run(root, archive, "--base", base) == 0
    asked = sorted(path for path, _ in SavePageNow.seen)
    assert asked == sorted(f"/save/https://example.org/news/{name}" for name in ("captured", "named", "busy", "broken"))
    assert {agent for _, agent in SavePageNow.seen} == {archive_sources.USER_AGENT}
    out = capsys.readouterr().out
    assert "4 source addresses without an archived copy are new since" in out
    assert "2 captured, 2 not captured, 0 left for the next run." in out


def test_each_capture_is_reported_as_a_line_to_add(repo, archive, tmp_path, monkeypatch):
    root, base = repo
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert run(root, archive, "--base", base) == 0
    report = summary.read_text()
    captured, not_captured = report.split("## Captured", 1)[1].split("## Not captured")
    assert f"archived_url: {archive}/web/20261201093000/https://example.org/news/captured\n" in captured
    assert f"archived_url: {archive}/web/20261201093100/https://example.org/news/named\n" in captured
    assert "# " in captured and "source example-2024-captured" in captured
    assert "| `example-2024-busy` | <https://example.org/news/busy> | HTTP 429" in not_captured
    assert "| `example-2024-broken` | <https://example.org/news/broken> | HTTP 520" in not_captured
    assert "example-2024-kept" not in report, "a source with an archived copy needs no new capture"


def test_without_a_base_every_source_lacking_a_copy_is_new_and_the_limit_holds(repo, archive, monkeypatch, capsys):
    root, _ = repo
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    assert run(root, archive, "--limit", "3") == 0
    out = capsys.readouterr().out
    assert len(SavePageNow.seen) == 3
    assert "left for the next run" in out and "## Left for the next run" in out
    assert "no earlier run to compare with" in out


def test_an_unreachable_archive_is_reported_and_exits_0(repo, only_loopback, monkeypatch, capsys):
    root, base = repo
    with socket.socket() as probe:  # a port that was free a moment ago: nothing listens there
        probe.bind((LOOPBACK, 0))
        port = probe.getsockname()[1]
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    assert run(root, f"http://{LOOPBACK}:{port}", "--base", base) == 0
    out = capsys.readouterr().out
    assert "0 captured, 4 not captured" in out
    assert "could not reach the archive" in out


def test_an_unknown_base_requests_nothing_and_exits_0(repo, archive, monkeypatch, capsys):
    root, _ = repo
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    assert run(root, archive, "--base", "0" * 40) == 0
    assert "could not be read" in capsys.readouterr().out
    assert SavePageNow.seen == []


def test_invalid_data_requests_nothing_and_exits_0(repo, archive, monkeypatch, capsys):
    root, base = repo
    ore = root / "data" / "categories" / "test-ore.yaml"
    ore.write_text(ore.read_text().replace("title: Test ore\n", "", 1))
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    assert run(root, archive, "--base", base) == 0
    assert "problem(s), so nothing was requested" in capsys.readouterr().out
    assert SavePageNow.seen == []



def test_sources_are_read_from_a_file_whose_name_holds_spaces_and_line_breaks(repo):
    root, base = repo
    odd = "example copy\n2.yaml"
    git(root, "mv", "data/sources/example.yaml", f"data/sources/{odd}")
    git(root, "-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-q", "-am", "renamed")
    found = archive_sources.sources_at(root, "HEAD", root / "data")
    assert found == archive_sources.sources_at(root, base, root / "data") | {i: found[i] for i in NEW_IDS}
    assert found and all(url.startswith("https://") for url in found.values())
