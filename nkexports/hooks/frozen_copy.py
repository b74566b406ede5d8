"""MkDocs hook: a build with releases.RELEASE_VARIABLE set is a release's frozen copy. The copy takes
its own address under releases/<date>/, each of its pages opens with a banner linking to the live
page, and the copy lists its pages and the revision each was built at (releases.MANIFEST), which the
live site reads to cite a page at the release that froze it."""

from __future__ import annotations

import datetime
import os
from pathlib import Path

from nkexports import cited_pages
from nkexports.catalog import html_templates, long_date
from nkexports.failures import one_line_failure
from nkexports.site import edition_language
from nkexports.releases import (COMMIT_VARIABLE, MANIFEST, frozen_release, live_site_url, manifest_text,
                                release_address)

@one_line_failure
def on_config(config):
    date = frozen_release()
    if date is not None:
        config.site_url = release_address(config.site_url, date)
    return config


@one_line_failure
def on_page_content(html, page, config, files):
    date = frozen_release()
    if date is None:
        return html
    day = datetime.date.fromisoformat(date)
    language = edition_language(config)
    banner = html_templates(language).get_template("release_banner.html.j2").render(
        date=date, day=long_date(language, day), live_url=live_site_url(config.site_url) + page.url)
    return banner + html


@one_line_failure
def on_post_build(config):
    date = frozen_release()
    if date is None:
        return
    pages = {url: work.revision for url, work in cited_pages.cited.items()}
    (Path(config.site_dir) / MANIFEST).write_text(manifest_text(date, os.environ.get(COMMIT_VARIABLE), pages),
                                                  encoding="utf-8")
