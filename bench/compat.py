"""`make compat`: build the site with ProperDocs and check it matches the MkDocs build.

ProperDocs (PyPI) is a maintained continuation of MkDocs 1.x. This builds the site twice,
with `mkdocs build --strict` from .venv and `properdocs build --strict` from .venv-compat
(requirements-compat.txt), then compares the two: the same set of HTML files, and for each
page the same article text once whitespace is normalised. Differences are printed; the exit
status is 0 when there are none, 1 when there are, 2 when a build fails.

    python bench/compat.py [--data DATA_DIR] [--properdocs PATH] [--keep]
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PROPERDOCS = ROOT / ".venv-compat" / "bin" / "properdocs"
SPACE = re.compile(r"\s+")


class _Article(HTMLParser):
    """The text of a page's <article>, without scripts and styles."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._depth = 0
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self._depth += 1
        elif tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag == "article":
            self._depth -= 1
        elif tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data):
        if self._depth > 0 and not self._skip:
            self.parts.append(data)


def article_text(path: Path) -> str:
    parser = _Article()
    parser.feed(path.read_text(encoding="utf-8"))
    return SPACE.sub(" ", " ".join(parser.parts)).strip()


def html_files(site: Path) -> set[str]:
    return {str(p.relative_to(site)) for p in site.rglob("*.html")}


def build(cmd: list[str], data_dir: Path | None) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    env.pop("NKEXPORTS_DATA_DIR", None)
    if data_dir is not None:
        env["NKEXPORTS_DATA_DIR"] = str(data_dir.resolve())
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)


def word_diff(a: str, b: str, limit: int = 3) -> list[str]:
    """The first few places where two texts differ, word by word, with a little context."""
    wa, wb = a.split(" "), b.split(" ")
    out = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, wa, wb, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        before = " ".join(wa[max(0, i1 - 6):i1])
        out.append(f"    ...{before} [mkdocs: {' '.join(wa[i1:i2])[:200]!r}] [properdocs: {' '.join(wb[j1:j2])[:200]!r}]")
        if len(out) == limit:
            break
    return out


def compare(mkdocs_site: Path, properdocs_site: Path) -> list[str]:
    problems = []
    ours, theirs = html_files(mkdocs_site), html_files(properdocs_site)
    for path in sorted(ours - theirs):
        problems.append(f"only in the MkDocs build: {path}")
    for path in sorted(theirs - ours):
        problems.append(f"only in the ProperDocs build: {path}")
    for path in sorted(ours & theirs):
        a, b = article_text(mkdocs_site / path), article_text(properdocs_site / path)
        if a != b:
            problems.append(f"article text differs: {path}")
            problems.extend(word_diff(a, b))
    return problems


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, help="data directory (default: data/)")
    parser.add_argument("--properdocs", type=Path, default=DEFAULT_PROPERDOCS)
    parser.add_argument("--keep", action="store_true", help="keep both built sites and print where")
    args = parser.parse_args(argv)
    if not args.properdocs.exists():
        print(f"{args.properdocs} not found: run `make compat` (it sets up .venv-compat)", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="nkexports-compat-"))
    try:
        sites = {"mkdocs": work / "mkdocs", "properdocs": work / "properdocs"}
        commands = {
            "mkdocs": [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(sites["mkdocs"])],
            "properdocs": [str(args.properdocs), "build", "--strict", "-f", "mkdocs.yml", "--site-dir", str(sites["properdocs"])],
        }
        for name, cmd in commands.items():
            done = build(cmd, args.data)
            if done.returncode != 0:
                print(f"`{' '.join(cmd[-6:])}` failed (exit {done.returncode}):\n{done.stdout}{done.stderr}", file=sys.stderr)
                return 2
            warnings = [line for line in done.stderr.splitlines() if line.startswith("WARNING")]
            print(f"{name}: built {len(html_files(sites[name]))} HTML files" + (f", {len(warnings)} warning(s)" if warnings else ""))
        problems = compare(sites["mkdocs"], sites["properdocs"])
        if problems:
            print("\n".join(problems))
            print(f"\nThe ProperDocs build differs from the MkDocs build ({sum(not p.startswith(' ') for p in problems)} difference(s)).")
            return 1
        print(f"Same {len(html_files(sites['mkdocs']))} HTML files with the same article text in both builds.")
        return 0
    finally:
        if args.keep:
            print(f"kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
