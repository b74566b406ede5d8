#!/usr/bin/env python3
"""Ask the Wayback Machine to capture source addresses added since a base commit:
`python scripts/archive_sources.py [DATA_DIR] --base REV`.

A source counts as new when its `url` is not in data/sources/ at REV (every source, when no
REV is given) and it has no `archived_url` yet. Each new address is sent to the Wayback
Machine's Save Page Now service, one at a time with a pause between requests. The report, in
Markdown in $GITHUB_STEP_SUMMARY when it is set, else on stdout, lists each capture with the
`archived_url` line to add in a pull request, and each address that could not be captured.

The exit status is always 0: an archive that is busy or refuses a page is work for an editor,
never a reason to fail a run. The workflow is read-only, so a person opens the pull request.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

import requests
import yaml

from nkexports.dataset import Source
from nkexports.load import load_dataset
from nkexports.problems import DataError

ARCHIVE = "https://web.archive.org"
USER_AGENT = "nkexports-archive/1.0 (+https://github.com/nkexports/nkexports; captures of newly cited sources)"
TIMEOUT = (10, 120)  # seconds to connect, then to wait: a capture can take a minute
PAUSE = 10  # seconds between requests, to stay within the service's rate limit
LIMIT = 40  # captures requested in one run; the rest are listed for the next
CAPTURE = re.compile(r"/web/(\d{14})/")


@dataclass(frozen=True)
class Outcome:
    source: Source
    capture: str | None  # the dated capture's address, when the archive named one
    detail: str


def sources_at(repo: Path, revision: str, data_dir: Path) -> dict[str, str]:
    """Source id -> url in data/sources/ at `revision` of the git repository `repo`."""
    folder = (data_dir / "sources").resolve().relative_to(repo.resolve()).as_posix()
    names = subprocess.run(["git", "-C", str(repo), "ls-tree", "-r", "-z", "--name-only", revision, "--", folder],
                           capture_output=True, text=True, check=True).stdout.split("\0")  # names hold any character but NUL
    found: dict[str, str] = {}
    for name in names:
        if not name.endswith(".yaml"):
            continue
        text = subprocess.run(["git", "-C", str(repo), "show", f"{revision}:{name}"],
                              capture_output=True, text=True, check=True).stdout
        entries = (yaml.safe_load(text) or {}).get("sources") or []
        found.update({e["id"]: e["url"] for e in entries if isinstance(e, dict) and "id" in e and "url" in e})
    return found


def new_sources(data_dir: Path, base_urls: set[str] | None) -> list[Source]:
    """Sources whose address is not among `base_urls` (all, when None) and that have no archived copy."""
    dataset = load_dataset(data_dir)
    return [s for s in sorted(dataset.sources.values(), key=lambda s: s.id)
            if not s.archived_url and (base_urls is None or s.url not in base_urls)]


def request_capture(session: requests.Session, archive: str, url: str) -> tuple[str | None, str]:
    """Ask for a capture of `url`; the capture's address if the archive names one, and what happened."""
    try:
        response = session.get(f"{archive}/save/{url}", allow_redirects=False, timeout=TIMEOUT)
    except requests.Timeout:
        return None, f"no answer within {TIMEOUT[1]} s"
    except requests.RequestException as error:
        return None, f"could not reach the archive ({type(error).__name__})"
    for header in ("Location", "Content-Location"):
        named = response.headers.get(header, "")
        if CAPTURE.search(named):
            return urljoin(archive + "/", named), f"HTTP {response.status_code}"
    if response.status_code == 429:
        return None, "HTTP 429: the archive asks to slow down; the next run tries again"
    return None, f"HTTP {response.status_code}: no capture named"


def capture_all(found: list[Source], archive: str, pause: float) -> list[Outcome]:
    outcomes = []
    with requests.Session() as session:
        session.headers["User-Agent"] = USER_AGENT
        for index, source in enumerate(found):
            if index:
                time.sleep(pause)
            capture, detail = request_capture(session, archive, source.url)
            outcomes.append(Outcome(source, capture, detail))
    return outcomes


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def report(outcomes: list[Outcome], later: list[Source], base: str | None) -> str:
    since = f"since `{base[:12]}`" if base else "in the data (no earlier run to compare with)"
    captured = [o for o in outcomes if o.capture]
    failed = [o for o in outcomes if not o.capture]
    lines = ["# Archive new source addresses", "",
             f"{len(outcomes) + len(later)} source addresses without an archived copy are new {since}: "
             f"{len(captured)} captured, {len(failed)} not captured, {len(later)} left for the next run."]
    if captured:
        lines += ["", "## Captured", "", "Add each `archived_url` to its source in a pull request.", "",
                  "| Source | File | Address | Capture |", "| --- | --- | --- | --- |"]
        lines += [f"| `{o.source.id}` | `{o.source.file}` | <{_cell(o.source.url)}> | <{_cell(o.capture)}> |"
                  for o in captured]
        lines += ["", "```yaml"]
        for o in captured:
            lines += [f"# {o.source.file}, source {o.source.id}", f"archived_url: {o.capture}"]
        lines += ["```"]
    if failed:
        lines += ["", "## Not captured", "", "Try these by hand at https://web.archive.org/save, or wait for the "
                  "next run.", "", "| Source | Address | Outcome |", "| --- | --- | --- |"]
        lines += [f"| `{o.source.id}` | <{_cell(o.source.url)}> | {_cell(o.detail)} |" for o in failed]
    if later:
        lines += ["", "## Left for the next run", ""]
        lines += [f"- `{s.id}` <{s.url}>" for s in later]
    if not outcomes and not later:
        lines += ["", "Nothing to capture."]
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
    parser.add_argument("--base", default="", help="git revision of the last run; empty: every source is new")
    parser.add_argument("--repo", default=".", type=Path, help="the git repository holding the data")
    parser.add_argument("--archive", default=ARCHIVE, help="the archive's address (a local server in tests)")
    parser.add_argument("--pause", default=PAUSE, type=float, help="seconds between capture requests")
    parser.add_argument("--limit", default=LIMIT, type=int, help="capture requests in one run")
    args = parser.parse_args(argv)
    try:
        base_urls = set(sources_at(args.repo, args.base, args.data_dir).values()) if args.base else None
        found = new_sources(args.data_dir, base_urls)
    except DataError as error:
        write(f"# Archive new source addresses\n\nThe data has {len(error.problems)} problem(s), so nothing was "
              f"requested; `make check` lists them.\n")
        return 0
    except subprocess.CalledProcessError as error:
        write(f"# Archive new source addresses\n\nThe base revision `{args.base}` could not be read "
              f"({error.stderr.strip() or 'git failed'}), so nothing was requested.\n")
        return 0
    try:
        now, later = found[:args.limit], found[args.limit:]
        text = report(capture_all(now, args.archive.rstrip("/"), args.pause), later, args.base or None)
    except Exception:  # a bug here must show in the report, not fail the run
        traceback.print_exc()
        text = "# Archive new source addresses\n\nThe archiving script itself failed; the job log has the traceback.\n"
    write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
