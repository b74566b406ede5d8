"""Published addresses stay alive: every URL in published_urls.txt leads to a page or a redirect page."""

from __future__ import annotations

import os
import posixpath
import re
import subprocess
import sys
from pathlib import Path

from mkdocs_redirects.plugin import write_html

from helpers import ROOT, load_script

REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)">')
MAX_HOPS = 5


published_urls = load_script("published_urls")
PUBLISHED = published_urls.read_list()


def resolve(site: Path, url: str) -> str | None:
    """None when `url` leads to a page, directly or through redirect pages; else what went wrong."""
    seen = [url]
    for _ in range(MAX_HOPS):
        page = site / url / "index.html"
        if not page.is_file():
            via = f" (redirected from {seen[0]})" if len(seen) > 1 else ""
            return f"{url} is no page{via}"
        target = REFRESH.search(page.read_text(encoding="utf-8"))
        if target is None:
            return None
        href = target.group(1).split("#", 1)[0]
        if href.startswith(("http://", "https://")):
            return None  # sent to another site on purpose
        if href.startswith("/"):
            return f"{url} redirects to {href}, a path from the server root; redirect with a relative address"
        folder = posixpath.normpath(posixpath.join(url, href))
        url = "./" if folder == "." else f"{folder}/"
        seen.append(url)
    return f"{seen[0]} redirects more than {MAX_HOPS} times: {' -> '.join(seen)}"


def test_the_list_is_sorted_unique_directory_urls():
    assert PUBLISHED, "tests/published_urls.txt is empty"
    assert PUBLISHED == sorted(set(PUBLISHED)), "keep tests/published_urls.txt sorted, each address once"
    bad = [url for url in PUBLISHED if not url.endswith("/") or url.startswith("/") or "//" in url]
    assert not bad, f"write addresses relative to site_url and ending in '/': {bad}"


def test_every_published_url_still_resolves(real_site):
    broken = [problem for url in PUBLISHED if (problem := resolve(real_site, url))]
    assert not broken, (
        "published addresses no longer lead anywhere:\n  " + "\n  ".join(broken) +
        "\nA published address must keep working: restore the page, or add a redirect from its old source "
        "file (e.g. categories/old-slug.md: categories/new-slug.md) under plugins: redirects: redirect_maps "
        "in mkdocs.yml")


def test_every_page_of_the_site_is_listed(real_site):
    # A complete list is what keeps `scripts/published_urls.py` from adding lines that have nothing to
    # do with a contributor's change: it then adds only the pages that change creates.
    missing = sorted(set(published_urls.page_urls(real_site)) - set(PUBLISHED))
    assert not missing, (f"pages missing from tests/published_urls.txt: {missing}; run: make build && "
                         "python3 scripts/published_urls.py site")


def test_a_redirect_page_counts_only_when_its_target_is_a_page(tmp_path):
    site = tmp_path / "site"
    (site / "categories" / "coal").mkdir(parents=True)
    (site / "categories" / "coal" / "index.html").write_text("<html><body>coal</body></html>")
    write_html(str(site), "categories/anthracite/index.html", "../coal/")
    write_html(str(site), "categories/lignite/index.html", "../brown-coal/")
    write_html(str(site), "old-home/index.html", "https://example.org/")
    assert resolve(site, "categories/coal/") is None
    assert resolve(site, "categories/anthracite/") is None
    assert resolve(site, "old-home/") is None
    assert resolve(site, "categories/lignite/") == "categories/brown-coal/ is no page (redirected from categories/lignite/)"
    assert resolve(site, "categories/peat/") == "categories/peat/ is no page"


def test_page_urls_lists_every_page_of_a_build(tmp_path):
    for folder in ("", "sources", "categories/coal"):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        (tmp_path / folder / "index.html").write_text("<html></html>")
    (tmp_path / "404.html").write_text("<html></html>")
    assert published_urls.page_urls(tmp_path) == ["./", "categories/coal/", "sources/"]


RENAME = """
import logging
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config

logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
config = load_config(config_file="mkdocs.yml", strict=True, site_dir=sys.argv[1])
config.plugins["redirects"].config["redirect_maps"] = {"categories/hard-coal.md": "categories/coal.md"}
build(config)
"""


def test_a_renamed_slug_can_redirect_to_its_new_page(tmp_path):
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    result = subprocess.run([sys.executable, "-c", RENAME, str(tmp_path / "site")], cwd=ROOT, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    assert resolve(tmp_path / "site", "categories/hard-coal/") is None
