"""Frozen copies of the site, one per release, published for good under releases/<date>/ beside the
live site, so that a citation opens the page as it was cited.

A release is a git tag `release-YYYY-MM-DD` a maintainer pushes, or a monthly one: on the first day
of each month from FIRST_MONTHLY_RELEASE, the site as the main branch stood at the start of that day.
Both are read from git alone, so no workflow needs to write to the repository. A release's copy is
built from its commit with RELEASE_VARIABLE set to its date, which moves the copy to its own address,
shows a banner linking each page to its live version, and writes MANIFEST: the commit, and each page
of the copy with the revision it was built at. The live build reads the manifests of the copies
built so far (RELEASES_DIR_VARIABLE) and cites each page at the newest release holding it at the
same revision, the live page beside it; a page changed since then is cited at its live address.
"""

from __future__ import annotations

import datetime
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

RELEASE_VARIABLE = "NKEXPORTS_RELEASE"  # set only for a frozen copy's build: its release date
COMMIT_VARIABLE = "NKEXPORTS_RELEASE_COMMIT"  # and the commit it is built from, for its manifest
RELEASES_DIR_VARIABLE = "NKEXPORTS_RELEASES_DIR"  # for the live build: the folder of built copies
RELEASES_PATH = "releases/"  # where the copies live, under the site's address
MANIFEST = "pages.json"  # in each copy: {"release": date, "commit": id, "pages": {page URL: revision or null}}
# The first month whose start makes a release: the first after frozen copies could be built.
FIRST_MONTHLY_RELEASE = datetime.date(2027, 1, 1)
TAG_PREFIX = "release-"
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# A page URL as MkDocs writes it: lowercase path segments, each ending in a slash ('' is the home page).
_PAGE_URL = re.compile(r"(?:[a-z0-9][a-z0-9_-]*/)*")
_REVISION = re.compile(r"[0-9a-f]{7,40}")


def release_date(text: str) -> str | None:
    """The date a release tag or folder names, or None: `release-2026-12-01` or `2026-12-01`, a real day."""
    date = text.removeprefix(TAG_PREFIX)
    if not _DATE.fullmatch(date):
        return None
    try:
        datetime.date.fromisoformat(date)
    except ValueError:
        return None
    return date


def release_address(live_site_url: str, date: str) -> str:
    """The copy's own site URL: the live site's, then releases/<date>/."""
    return f"{live_site_url.rstrip('/')}/{RELEASES_PATH}{date}/"


def frozen_release() -> str | None:
    """The release this build is a frozen copy of; None for the live site. A malformed value stops the build."""
    value = os.environ.get(RELEASE_VARIABLE)
    if value is None:
        return None
    date = release_date(value)
    if date is None or value != date:
        raise ValueError(f"{RELEASE_VARIABLE}={value!r} is not a release date; write YYYY-MM-DD, e.g. 2026-12-01")
    return date


def live_site_url(site_url: str) -> str:
    """The live site's address, also inside a frozen copy (whose own address ends releases/<date>/)."""
    date = frozen_release()
    own = site_url.rstrip("/") + "/"
    suffix = f"{RELEASES_PATH}{date}/"
    return own.removesuffix(suffix) if date and own.endswith(suffix) else own


@dataclass(frozen=True, order=True)
class Release:
    date: str  # YYYY-MM-DD
    commit: str  # the full commit id the copy is built from


def monthly_release_dates(today: datetime.date, first: datetime.date = FIRST_MONTHLY_RELEASE) -> list[str]:
    """The first day of each month from `first` to `today`."""
    dates, day = [], first
    while day <= today:
        dates.append(day.isoformat())
        day = datetime.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return dates


def manifest_text(date: str, commit: str | None, pages: dict[str, str | None]) -> str:
    return json.dumps({"release": date, "commit": commit, "pages": dict(sorted(pages.items()))}, indent=1) + "\n"


def built_commit(copy: Path) -> str | None:
    """The commit a copy in the folder of copies was built from, or None when it has no readable manifest."""
    try:
        content = json.loads((copy / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    commit = content.get("commit") if isinstance(content, dict) else None
    return commit if isinstance(commit, str) and _REVISION.fullmatch(commit) else None


def read_releases(folder: Path) -> dict[str, dict[str, str | None]]:
    """Release date -> {page URL: revision} for every copy in `folder` whose manifest is well formed.
    The folder is built by the release workflow, but a copy is read as untrusted all the same: a folder
    whose name is no release date, or a manifest of another shape, is left out."""
    found: dict[str, dict[str, str | None]] = {}
    if not folder.is_dir():
        return found
    for copy in sorted(folder.iterdir()):
        date = release_date(copy.name)
        if date != copy.name or copy.is_symlink() or not copy.is_dir():
            continue
        manifest = copy / MANIFEST
        try:
            if manifest.is_symlink():
                continue
            content = json.loads(manifest.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError):
            continue
        pages = content.get("pages") if isinstance(content, dict) else None
        if content.get("release") != date if isinstance(content, dict) else True:
            continue
        if isinstance(pages, dict) and all(
                isinstance(url, str) and _PAGE_URL.fullmatch(url)
                and (revision is None or (isinstance(revision, str) and _REVISION.fullmatch(revision)))
                for url, revision in pages.items()):
            found[date] = pages
    return found


def releases_dir() -> Path | None:
    chosen = os.environ.get(RELEASES_DIR_VARIABLE)
    return Path(chosen) if chosen else None


def newest_release_holding(releases: dict[str, dict[str, str | None]], page_url: str,
                           revision: str | None) -> str | None:
    """The newest release whose copy of the page was built at `revision`: the same page, frozen."""
    if revision is None:
        return None
    holding = [date for date, pages in releases.items() if pages.get(page_url) == revision]
    return max(holding, default=None)
