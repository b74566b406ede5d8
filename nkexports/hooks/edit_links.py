"""MkDocs hook: a generated page's edit button opens the YAML file it comes from, not Markdown.

A page made from a whole folder (the figures, data and sources pages) has no one file to
edit, and GitHub cannot edit a folder: such a page shows no edit button.
"""

from __future__ import annotations
from nkexports.failures import one_line_failure


@one_line_failure
def on_page_context(context, page, config, nav):
    data_file = page.meta.get("data_file")
    if data_file and config.repo_url:
        if data_file.endswith("/"):
            page.edit_url = None
            return context
        branch_path = config.edit_uri.split("/docs/")[0] if config.edit_uri else "edit/main"
        page.edit_url = f"{config.repo_url.rstrip('/')}/{branch_path.strip('/')}/{data_file}"
    return context
