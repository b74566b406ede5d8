"""Small helpers the tests share: reading built pages and running the validator."""

from __future__ import annotations

import datetime
import importlib.util
import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

from nkexports.docset import Doc, DocSet
from nkexports.kinds import KINDS
from nkexports.load import check_data
from nkexports.yamlfile import read_yaml

TODAY = datetime.date(2026, 11, 22)
LOOPBACK = "127.0.0.1"  # the only address tests may connect to
ROOT = Path(__file__).resolve().parent.parent
FIXTURE_DATA = ROOT / "tests" / "fixtures" / "data"
MKDOCS = [sys.executable, "-m", "mkdocs"]


def build_site(site_dir: Path, data_dir: Path | None = None, cwd: Path = ROOT,
               config: str = "mkdocs.yml") -> subprocess.CompletedProcess:
    """Run the real `mkdocs build --strict`, as `make build` does, optionally on other data or another
    checkout, or for another edition (config="mkdocs.ko.yml")."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    if data_dir is not None:
        env["NKEXPORTS_DATA_DIR"] = str(data_dir)
    return subprocess.run([*MKDOCS, "build", "--strict", "--config-file", config, "--site-dir", str(site_dir)],
                          cwd=cwd, env=env, capture_output=True, text=True)



def load_script(name: str):
    """Import scripts/<name>.py, which is not part of the package, as a module."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


def sources_docset(tmp_path: Path, text: str) -> DocSet:
    """A DocSet holding one sources file with `text`, read as the validator reads it."""
    path = tmp_path / "sources.yaml"
    path.write_text(text)
    parsed, problems = read_yaml(path, "data/sources/example.yaml")
    assert problems == [], problems
    return DocSet([Doc(next(k for k in KINDS if k.name == "sources"), path, parsed)])


def problems_in(data_dir: Path, today: datetime.date = TODAY) -> list[str]:
    """The validator's messages, with paths shown relative to the data directory."""
    _, problems = check_data(data_dir, today)
    return [str(p).replace(str(data_dir) + "/", "data/") for p in sorted(problems)]


VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
CITATION_BLOCKS = {"cite-page", "cite-figure"}


class PageParser(HTMLParser):
    """Collects ids, links (with the text each shows) and the text of a built page's article; the
    text of its citation blocks (BibTeX is all braces, on purpose) apart, in citation_text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[dict] = []
        self.link_texts: list[str] = []
        self.article_text: list[str] = []
        self.citation_text: list[str] = []
        self.visible_text: list[str] = []  # the whole body's text but code, whose syntax is meant (BibTeX braces)
        self.title = ""
        self._in_article = 0
        self._in_body = 0
        self._in_title = False
        self._code = 0
        self._in_link = False
        self._skip = 0
        self._open: list[bool] = []  # per open element: does it start a citation block?

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a":
            self.links.append(attrs)
            self.link_texts.append("")
            self._in_link = True
        if tag == "article":
            self._in_article += 1
        if tag in ("script", "style"):
            self._skip += 1
        if tag == "body":
            self._in_body += 1
        if tag == "title" and not self._in_body:  # the page's, not a chart's <title>
            self._in_title = True
        if tag in ("pre", "code"):
            self._code += 1
        if tag not in VOID_ELEMENTS:
            self._open.append(bool(set((attrs.get("class") or "").split()) & CITATION_BLOCKS))

    def handle_endtag(self, tag):
        if tag == "a":
            self._in_link = False
        if tag == "article":
            self._in_article -= 1
        if tag in ("script", "style"):
            self._skip -= 1
        if tag == "body":
            self._in_body -= 1
        if tag == "title":
            self._in_title = False
        if tag in ("pre", "code"):
            self._code -= 1
        if tag not in VOID_ELEMENTS and self._open:
            self._open.pop()

    def handle_data(self, data):
        if self._in_link:
            self.link_texts[-1] += data
        if self._in_article and not self._skip:
            (self.citation_text if any(self._open) else self.article_text).append(data)
        if self._in_body and not self._skip and not self._code:
            self.visible_text.append(data)
        if self._in_title:
            self.title += data


def parse_page(path: Path) -> PageParser:
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def built_page(site: Path, url: str) -> Path:
    return site / url / "index.html" if url else site / "index.html"
