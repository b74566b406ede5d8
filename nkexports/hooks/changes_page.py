"""MkDocs hook: the changes page and its Atom feed, from the git history of the data."""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from nkexports.change_log import commit_log
from nkexports.feed import atom_feed
from nkexports.history import data_commits
from nkexports.render import Renderer
from nkexports.site import data_dir, site_data
from nkexports.urls import CHANGES, CHANGES_FEED, url_of
from nkexports.failures import one_line_failure


def _logs(config):
    repo = Path(config.config_file_path).resolve().parent
    data = data_dir(config)
    if not data.is_relative_to(repo):
        return []
    return [commit_log(c) for c in data_commits(repo, data.relative_to(repo).as_posix())]


@event_priority(40)  # after data_pages has added the pages a change can link to
@one_line_failure
def on_files(files, config):
    logs = _logs(config)
    site_paths = {f.src_uri for f in files if f.is_documentation_page()}
    page = Renderer(site_data(config)).changes_page(logs, config.repo_url or "", site_paths)
    files.append(File.generated(config, CHANGES, content=page))
    site_url = (config.site_url or "/").rstrip("/") + "/"
    feed = atom_feed(logs, config.site_name, site_url + url_of(CHANGES), site_url + CHANGES_FEED,
                     (config.repo_url or "").rstrip("/"))
    files.append(File.generated(config, CHANGES_FEED, content=feed))
    return files
