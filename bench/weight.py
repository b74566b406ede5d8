"""What a first visit to a built page transfers, computed from the built files.

A first visit fetches the page's HTML, the style sheets, scripts, icons and images it links,
the fonts and images those style sheets link, Material's search worker (named in the page's
__config) and search/search_index.json, which the worker fetches on every page load, unless the
page holds the index back until search is opened (a script marked data-search-index="on-demand").
Text files (HTML, CSS, JS, JSON, SVG, XML) are counted raw and gzipped (level 6, as a web
server sends them); images and fonts are already compressed and count the same in both.
"""

from __future__ import annotations

import gzip
import json
import posixpath
import re
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

TEXT_SUFFIXES = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".csv", ".map"}
FONT_SUFFIXES = {".woff2", ".woff", ".ttf", ".otf", ".eot"}
KINDS = ("html", "css", "js", "fonts", "images", "search index")
CSS_URL = re.compile(r"url\(\s*(['\"]?)([^'\")]+)\1\s*\)")


class _Links(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.refs: list[tuple[str, str]] = []  # (kind, url)
        self.config_json: str | None = None
        self._in_config = False
        self.index_on_demand = False

    def handle_starttag(self, tag, attrs):
        a = {k: v for k, v in attrs if v is not None}
        rel = set(a.get("rel", "").lower().split())
        if tag == "link" and "href" in a:
            if "stylesheet" in rel:
                self.refs.append(("css", a["href"]))
            elif rel & {"icon", "shortcut", "apple-touch-icon"}:
                self.refs.append(("images", a["href"]))
            elif rel & {"preload", "modulepreload"}:
                self.refs.append((_kind_of(a["href"]), a["href"]))
        elif tag == "script":
            if a.get("data-search-index") == "on-demand":
                self.index_on_demand = True
            if "src" in a:
                self.refs.append(("js", a["src"]))
            elif a.get("id") == "__config":
                self._in_config = True
                self.config_json = ""
        elif tag in ("img", "source", "input", "video", "image", "use", "object", "embed", "iframe"):
            for key in ("src", "data", "poster", "href", "xlink:href"):
                if key in a and not a[key].startswith("#"):
                    self.refs.append((_kind_of(a[key]), a[key]))
            for key in ("srcset",):
                if key in a:  # the browser takes one candidate; count the first
                    self.refs.append(("images", a[key].split(",")[0].strip().split(" ")[0]))

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_config = False

    def handle_data(self, data):
        if self._in_config:
            self.config_json += data


def _kind_of(url: str) -> str:
    suffix = posixpath.splitext(urlsplit(url).path)[1].lower()
    if suffix == ".css":
        return "css"
    if suffix in (".js", ".mjs"):
        return "js"
    if suffix in FONT_SUFFIXES:
        return "fonts"
    if suffix in (".html", ""):
        return "html"
    return "images"


@lru_cache(maxsize=None)
def _sizes(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    if path.suffix.lower() in TEXT_SUFFIXES:
        return len(data), len(gzip.compress(data, 6, mtime=0))
    return len(data), len(data)


@dataclass
class Visit:
    page: str
    files: dict[str, str] = field(default_factory=dict)  # site path -> kind
    external: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    def totals(self, site: Path) -> dict:
        by_kind = {k: [0, 0] for k in KINDS}
        for path, kind in self.files.items():
            raw, gz = _sizes(site / path)
            by_kind[kind][0] += raw
            by_kind[kind][1] += gz
        return {
            "page": self.page,
            "raw": sum(v[0] for v in by_kind.values()),
            "gzip": sum(v[1] for v in by_kind.values()),
            "by_kind": {k: {"raw": v[0], "gzip": v[1]} for k, v in by_kind.items()},
            "requests": len(self.files),
            "external": sorted(set(self.external)),
            "missing": sorted(set(self.missing)),
        }


def _resolve(site: Path, base: str, url: str) -> str | None:
    """A site-relative path for a local URL, or None for an external one."""
    parts = urlsplit(url)
    if parts.scheme or url.startswith("//"):
        return None
    path = unquote(parts.path)
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(base), path)) if not path.startswith("/") else path.lstrip("/")
    if (site / joined).is_dir() or path.endswith("/"):
        joined = posixpath.join(joined, "index.html")
    return joined


def first_visit(site: Path, page: str) -> Visit:
    """`page` is a path under `site`, e.g. categories/coal/index.html."""
    visit = Visit(page, {page: "html"})
    parser = _Links()
    parser.feed((site / page).read_text(encoding="utf-8"))
    queue = list(parser.refs)
    if parser.config_json:
        config = json.loads(parser.config_json)
        base = config.get("base", ".")
        if config.get("search"):
            queue.append(("js", config["search"]))
            if not parser.index_on_demand:
                queue.append(("search index", posixpath.join(base, "search/search_index.json")))
    for kind, url in queue:
        if url.startswith("data:"):
            continue
        local = _resolve(site, page, url)
        if local is None:
            visit.external.append(url)
            continue
        if not (site / local).is_file():
            visit.missing.append(url)
            continue
        if local in visit.files:
            continue
        visit.files[local] = kind
        if kind == "css":
            _css_assets(site, local, visit)
    return visit


def _css_assets(site: Path, css_path: str, visit: Visit) -> None:
    """Fonts and images a style sheet links (an approximation: all of them, used or not)."""
    text = (site / css_path).read_text(encoding="utf-8", errors="replace")
    for _, url in CSS_URL.findall(text):
        url = url.strip()
        if url.startswith(("data:", "#")):
            continue
        local = _resolve(site, css_path, url)
        if local is None:
            visit.external.append(url)
        elif (site / local).is_file() and local not in visit.files:
            suffix = Path(local).suffix.lower()
            visit.files[local] = "fonts" if suffix in FONT_SUFFIXES else ("css" if suffix == ".css" else "images")


def site_size(site: Path) -> dict:
    files = [p for p in site.rglob("*") if p.is_file()]
    index = site / "search" / "search_index.json"
    raw, gz = _sizes(index) if index.is_file() else (0, 0)
    return {
        "bytes": sum(p.stat().st_size for p in files),
        "files": len(files),
        "html_pages": sum(1 for p in files if p.suffix == ".html"),
        "search_index": {"raw": raw, "gzip": gz},
    }


TEMPLATES = {
    "home": ["index.html"],
    "category": "categories/*/index.html",
    "partner": "partners/*/index.html",
    "sanctions": ["sanctions/index.html"],
    "sources": ["sources/index.html"],
    "claims": ["claims/index.html"],
    "figures": ["figures/index.html"],
}


def template_pages(site: Path) -> dict[str, list[str]]:
    found = {}
    for name, spec in TEMPLATES.items():
        if isinstance(spec, str):
            found[name] = sorted(str(p.relative_to(site)) for p in site.glob(spec))
        else:
            found[name] = [p for p in spec if (site / p).is_file()]
    return found


def heaviest_per_template(site: Path) -> dict[str, dict]:
    """For each page template, the first-visit totals of its heaviest page (gzipped)."""
    out = {}
    for name, pages in template_pages(site).items():
        if not pages:
            out[name] = None
            continue
        totals = [first_visit(site, p).totals(site) for p in pages]
        heaviest = max(totals, key=lambda t: t["gzip"])
        heaviest["pages_of_template"] = len(pages)
        out[name] = heaviest
    return out


def heaviest_page(site: Path) -> dict:
    """The heaviest first visit of any HTML page of the site (404 page excluded)."""
    best = None
    for path in site.rglob("*.html"):
        rel = str(path.relative_to(site))
        if rel == "404.html" or rel.startswith("overrides/"):
            continue
        totals = first_visit(site, rel).totals(site)
        if best is None or totals["gzip"] > best["gzip"]:
            best = totals
    return best
