"""The weekly link check, run against a local web server: it names dead links and never fails."""

from __future__ import annotations

import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from helpers import LOOPBACK, ROOT, load_script

check_links = load_script("check_links")


class Handler(BaseHTTPRequestHandler):
    """/alive answers 200, /gone 404, /forbidden 403, /no-head refuses HEAD (405) but answers GET."""

    seen: list[tuple[str, str, str]] = []

    def _answer(self, with_body: bool) -> None:
        self.seen.append((self.command, self.path, self.headers.get("User-Agent", "")))
        if self.path == "/no-head" and self.command == "HEAD":
            status = 405
        elif self.path in ("/alive", "/no-head"):
            status = 200
        elif self.path == "/forbidden":
            status = 403
        else:
            status = 404
        body = b"ok" if status == 200 else b"not here"
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if with_body:
            self.wfile.write(body)

    def do_HEAD(self):
        self._answer(with_body=False)

    def do_GET(self):
        self._answer(with_body=True)

    def log_message(self, *args):
        pass


@pytest.fixture
def server(only_loopback):
    Handler.seen = []
    httpd = ThreadingHTTPServer((LOOPBACK, 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://{LOOPBACK}:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def local_data(fixture_copy, server):
    """The fixture data with every source address moved onto the local server."""
    path = fixture_copy / "sources" / "example.yaml"
    text = path.read_text()
    for old, new in (("https://example.org/report", "/alive"), ("https://example.org/customs", "/gone"),
                     ("https://example.org/archive/customs", "/no-head"),
                     ("https://example.org/resolution", "/forbidden")):
        assert old in text
        text = text.replace(old, server + new)
    assert "https://example.org" not in text
    path.write_text(text)
    return fixture_copy


def test_the_report_names_the_dead_link_only(local_data, server, tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert check_links.main([str(local_data)]) == 0
    report = summary.read_text()
    assert "4 links checked: 1 dead, 1 refused to answer a robot." in report
    dead, refused = report.split("## Dead links", 1)[1].split("## Refused")
    assert f"| `example-2021-customs` | url | <{server}/gone> | HTTP 404 | `" in dead
    assert "/alive" not in dead and "/no-head" not in dead and "/forbidden" not in dead
    assert f"| `example-2017-resolution` | url | <{server}/forbidden> | HTTP 403 | `" in refused


def test_head_is_tried_first_then_get_and_every_request_says_who_asks(local_data, server, monkeypatch):
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    check_links.main([str(local_data)])
    requests = [(method, path) for method, path, _ in Handler.seen]
    assert requests.count(("HEAD", "/no-head")) == 1 and requests.count(("GET", "/no-head")) == 1
    assert ("GET", "/alive") not in requests, "a link that answers HEAD needs no GET"
    assert {agent for _, _, agent in Handler.seen} == {check_links.USER_AGENT}


def test_without_a_step_summary_the_report_goes_to_stdout(local_data, monkeypatch, capsys):
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    assert check_links.main([str(local_data)]) == 0
    assert "## Dead links" in capsys.readouterr().out


def test_a_server_that_does_not_answer_is_dead_and_still_exits_0(fixture_copy, only_loopback, monkeypatch, capsys):
    with socket.socket() as probe:  # a port that was free a moment ago: nothing listens there
        probe.bind((LOOPBACK, 0))
        port = probe.getsockname()[1]
    path = fixture_copy / "sources" / "example.yaml"
    path.write_text(path.read_text().replace("https://example.org/", f"http://{LOOPBACK}:{port}/"))
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    assert check_links.main([str(fixture_copy)]) == 0
    out = capsys.readouterr().out
    assert "4 links checked: 4 dead" in out and "could not connect" in out


def test_invalid_data_is_reported_and_still_exits_0(fixture_copy, only_loopback, monkeypatch, capsys):
    (fixture_copy / "categories" / "test-ore.yaml").write_text("- not a mapping\n")
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    assert check_links.main([str(fixture_copy)]) == 0
    assert "so no link was checked" in capsys.readouterr().out


def test_the_workflow_pins_each_action_as_the_other_workflows_do():
    pins: dict[str, set[str]] = {}
    for path in (ROOT / ".github" / "workflows").glob("*.yml"):
        for line in path.read_text().splitlines():
            if line.strip().lstrip("- ").startswith("uses:"):
                action, _, pin = line.split("uses:", 1)[1].strip().partition("@")
                pins.setdefault(action, set()).add(pin)
    assert pins and all(len(versions) == 1 for versions in pins.values()), pins
