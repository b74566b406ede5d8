#!/usr/bin/env python3
"""Add the pages of a built site to tests/published_urls.txt: `python scripts/published_urls.py [SITE_DIR]`.

The list only grows: an address once published stays in it, and a test then fails if the
address stops leading to a page or to a redirect page.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

LIST = Path(__file__).resolve().parent.parent / "tests" / "published_urls.txt"
HEADER = """\
# Every page address the site has published, relative to site_url ("./" is the home page).
# tests/test_published_urls.py fails when one of them no longer leads to a page or to a redirect
# page: to rename or remove a page, add a redirect (see "Renaming or removing a page" in CONTRIBUTING.md).
# Never delete a line. After adding pages: make build && python3 scripts/published_urls.py site
"""


def page_urls(site: Path) -> list[str]:
    """The directory URL of every page in a built site, redirect pages included."""
    urls = []
    for page in site.rglob("index.html"):
        folder = page.parent.relative_to(site).as_posix()
        urls.append("./" if folder == "." else f"{folder}/")
    return sorted(urls)


def read_list(path: Path = LIST) -> list[str]:
    if not path.exists():
        return []
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", nargs="?", default="site", type=Path)
    args = parser.parse_args(argv)
    if not (args.site_dir / "index.html").exists():
        print(f"{args.site_dir}/ holds no built site; run `make build` first", file=sys.stderr)
        return 1
    known = read_list()
    urls = sorted(set(known) | set(page_urls(args.site_dir)))
    LIST.write_text(HEADER + "".join(f"{url}\n" for url in urls), encoding="utf-8")
    print(f"{LIST.name}: {len(urls) - len(known)} address(es) added, {len(urls)} in all")
    return 0


if __name__ == "__main__":
    sys.exit(main())
