"""MkDocs hook: a generated page's edit button opens the YAML file it comes from, not Markdown."""

from __future__ import annotations


def on_page_context(context, page, config, nav):
    data_file = page.meta.get("data_file")
    if data_file and config.repo_url:
        branch_path = config.edit_uri.split("/docs/")[0] if config.edit_uri else "edit/main"
        page.edit_url = f"{config.repo_url.rstrip('/')}/{branch_path.strip('/')}/{data_file}"
    return context
