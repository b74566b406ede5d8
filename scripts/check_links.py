#!/usr/bin/env python3
"""Report source links that no longer answer: `python scripts/check_links.py [DATA_DIR]`.

Every `url` and `archived_url` in data/sources/ is requested once (HEAD, then GET when HEAD is
refused or fails), with a timeout, a few requests at a time and never two at once to the same
host. Dead links are listed in Markdown in $GITHUB_STEP_SUMMARY when it is set, else on stdout.

The exit status is always 0: a site that goes away is news for an editor, never a reason to
fail someone's pull request.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import requests

from nkexports.load import load_dataset
from nkexports.problems import DataError

USER_AGENT = "nkexports-link-check/1.0 (+https://github.com/nkexports/nkexports; weekly check of cited sources)"
TIMEOUT = (10, 20)  # seconds to connect, then to wait for the answer
WORKERS = 8  # hosts checked at once; each host's links are checked one after another
GONE = {404, 410}  # the server says the page does not exist; other 4xx answers (403, 429...) often
                   # only turn robots away, so they are listed apart for a person to open


@dataclass(frozen=True)
class Link:
    source_id: str
    field: str  # url or archived_url
    url: str
    file: str


@dataclass(frozen=True)
class Result:
    link: Link
    status: int | None  # the final HTTP status, or None when there was no answer
    error: str = ""

    @property
    def dead(self) -> bool:
        return self.status is None or self.status in GONE or self.status >= 500

    @property
    def refused(self) -> bool:
        return not self.dead and self.status >= 400

    @property
    def outcome(self) -> str:
        return f"HTTP {self.status}" if self.status is not None else self.error


def links(data_dir: Path) -> list[Link]:
    dataset = load_dataset(data_dir)
    found = []
    for source in sorted(dataset.sources.values(), key=lambda s: s.id):
        for field in ("url", "archived_url"):
            url = getattr(source, field)
            if url:
                found.append(Link(source.id, field, url, source.file))
    return found


def request(session: requests.Session, url: str) -> tuple[int | None, str]:
    """The status of `url`: HEAD first, GET when HEAD is refused or fails (many servers mishandle HEAD)."""
    head_error = ""
    try:
        response = session.head(url, allow_redirects=True, timeout=TIMEOUT)
        if response.status_code < 400:
            return response.status_code, ""
    except (requests.ConnectTimeout, requests.exceptions.SSLError) as error:
        return None, _reason(error)  # a GET would only wait at the same wall
    except requests.RequestException as error:  # some servers drop HEAD requests: try GET
        head_error = _reason(error)
    try:
        with session.get(url, allow_redirects=True, timeout=TIMEOUT, stream=True) as response:
            return response.status_code, ""
    except requests.RequestException as error:
        return None, _reason(error) or head_error


def _reason(error: requests.RequestException) -> str:
    if isinstance(error, requests.ConnectTimeout):
        return f"could not connect within {TIMEOUT[0]} s"
    if isinstance(error, requests.Timeout):
        return f"no answer within {TIMEOUT[1]} s"
    if isinstance(error, requests.TooManyRedirects):
        return "too many redirects"
    if isinstance(error, requests.exceptions.SSLError):
        return "TLS certificate problem"
    if isinstance(error, requests.ConnectionError):
        return "could not connect"
    return type(error).__name__


def _check_host(urls: list[str]) -> dict[str, tuple[int | None, str]]:
    with requests.Session() as session:
        session.headers["User-Agent"] = USER_AGENT
        return {url: request(session, url) for url in urls}


def check(found: list[Link], workers: int = WORKERS) -> list[Result]:
    by_host: dict[str, list[str]] = defaultdict(list)
    for url in dict.fromkeys(link.url for link in found):
        by_host[urlsplit(url).netloc.lower()].append(url)
    answers: dict[str, tuple[int | None, str]] = {}
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for answered in pool.map(_check_host, by_host.values()):
            answers.update(answered)
    return [Result(link, *answers[link.url]) for link in found]


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _table(results: list[Result]) -> list[str]:
    lines = ["| Source | Field | Link | Outcome | File |", "| --- | --- | --- | --- | --- |"]
    for result in results:
        link = result.link
        lines.append(f"| `{link.source_id}` | {link.field} | <{_cell(link.url)}> | {_cell(result.outcome)} | "
                     f"`{link.file}` |")
    return lines


def report(results: list[Result]) -> str:
    dead = [r for r in results if r.dead]
    refused = [r for r in results if r.refused]
    lines = ["# Source link check", "",
             f"{len(results)} links checked: {len(dead)} dead, {len(refused)} refused to answer a robot."]
    if dead:
        lines += ["", "## Dead links", "",
                  "The page is gone or the server did not answer. Find the page's new address, or set "
                  "`archived_url` to a dated archived copy; if neither exists, find another source for the facts "
                  "that cite it.", ""]
        lines += _table(dead)
    if refused:
        lines += ["", "## Refused", "", "These servers turned the checker away (often they refuse robots, "
                  "not readers); open the links in a browser to check them.", ""]
        lines += _table(refused)
    if not dead and not refused:
        lines += ["", "Every link answered."]
    return "\n".join(lines) + "\n"


def write(text: str) -> None:
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as out:
            out.write(text)
    else:
        sys.stdout.write(text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", default="data", type=Path)
    args = parser.parse_args(argv)
    try:
        found = links(args.data_dir)
    except DataError as error:
        write(f"# Source link check\n\nThe data has {len(error.problems)} problem(s), so no link was checked; "
              f"`make check` lists them.\n")
        return 0
    try:
        text = report(check(found))
    except Exception:  # a bug here must show in the report, not fail anyone's workflow
        traceback.print_exc()
        text = "# Source link check\n\nThe link check itself failed; the job log has the traceback.\n"
    write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
