"""The pages of the build under way as they are cited, by page URL: the page_footer hook records
each page when it cites it; the hooks that cite parts of a page (figure_citations) cite them at
the same revision, and citation files are written from it after the build."""

from __future__ import annotations

from .citation import CitedWork

cited: dict[str, CitedWork] = {}
