"""Every format a page or a figure of this site can be cited in: the registry of formats.

`cite_figure` takes plain values (title, address, revision date and id, primary source), so any
figure on any page, whatever data it comes from, can be cited the same way.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from dataclasses import dataclass

from . import bibtex, ris
from .citation import (ACCESSED, ACCESSED_PLACEHOLDER, STYLES, CitedWork, DateForm, csl_item, date_form, fold,
                       italic_parts, render)

CSL_ACCESSED = DateForm(',\n    "accessed": {"date-parts": [[{year}, {month}, {day}]]}', tuple(str(m) for m in range(1, 13)))


@dataclass(frozen=True)
class Format:
    label: str
    text: str  # holds ACCESSED at most once: where the access date goes
    date_form: DateForm | None  # how the access date is written there
    placeholder: str  # what stands there until the page's script writes the date
    italic: tuple[str, ...] = ()  # parts of the text the style sets in italics

    def parts(self) -> tuple[str, str]:
        """The text before and after the access date."""
        before, _, after = self.text.partition(ACCESSED)
        return before, after

    def runs(self, text: str) -> list[tuple[str, bool]]:
        """`text` (a part of this format's text) cut into runs, each marked italic or not: the first
        occurrence of each italic part. docs/assets/cite.js cuts a row's citation the same way."""
        runs = [(text, False)]
        for part in self.italic:
            for index, (run, slanted) in enumerate(runs):
                if not slanted and part and part in run:
                    head, _, tail = run.partition(part)
                    runs[index:index + 1] = [r for r in ((head, False), (part, True), (tail, False)) if r[0]]
                    break
        return runs


def _csl_file_item(work: CitedWork) -> dict:
    """The item as CSL-JSON files carry it: the site's name marked "nocase", CSL's rich-text markup
    that tells processors (pandoc, Zotero, citeproc-js) to write it as written, never recased."""
    item = csl_item(work)
    item["container-title"] = f'<span class="nocase">{html.escape(fold(work.site_name), quote=False)}</span>'
    return item


def csl_json(work: CitedWork) -> str:
    text = json.dumps([_csl_file_item(work)], indent=2, ensure_ascii=False)
    end = text.rindex("\n  }")
    return text[:end] + ACCESSED + text[end:]


def all_formats(work: CitedWork) -> list[Format]:
    formats = []
    for style in STYLES:
        text = render(work, style)
        formats.append(Format(style.label, text, date_form(style) if ACCESSED in text else None, ACCESSED_PLACEHOLDER,
                              italic_parts(work, style)))
    formats.append(Format("BibLaTeX", bibtex.online(work), bibtex.URL_DATE, ""))
    formats.append(Format("BibTeX", bibtex.misc(work), bibtex.URL_DATE, ""))
    formats.append(Format("RIS", ris.record(work), ris.ACCESS_DATE, ""))
    formats.append(Format("CSL-JSON", csl_json(work), CSL_ACCESSED, ""))
    return formats


def cite_figure(title: str, url: str, date: str, site_name: str, revision: str | None = None,
                primary_source: str | None = None, live_url: str | None = None) -> list[Format]:
    """Every format citing one figure: `title` in words ("North Korea's coal exports, 2016 (US EIA)"),
    `url` the figure's own address (its anchor), `date` and `revision` the page's cited revision,
    `primary_source` what the figure comes from, named in the citation so that readers cite it too,
    `live_url` the figure on the live page when `url` is on a release's frozen copy."""
    return all_formats(CitedWork(title, url, date, site_name, revision, primary_source, live_url))


@dataclass(frozen=True)
class CitationFile:
    """A file of citations a reference manager imports: each page has one of each beside it
    (`cite-bibtex.bib`, say), and the site one of each listing every page (`citations-bibtex.bib`)."""
    label: str
    suffix: str  # after "cite" or "citations": "-bibtex.bib"
    write: Callable[[list[CitedWork]], str]

    def page_file(self) -> str:
        return f"cite{self.suffix}"

    def site_file(self) -> str:
        return f"citations{self.suffix}"


def _bib(entry: Callable[[CitedWork], str]) -> Callable[[list[CitedWork]], str]:
    """One entry per work, and one kind of entry per file: a reference manager imports each page once."""
    return lambda works: "\n\n".join(entry(w).replace(ACCESSED, "") for w in works) + "\n"


def _csl_json_file(works: list[CitedWork]) -> str:
    return json.dumps([_csl_file_item(w) for w in works], indent=2, ensure_ascii=False) + "\n"


def _ris_file(works: list[CitedWork]) -> str:
    # RIS ends lines with CR LF.
    return "".join(ris.record(w).replace(ACCESSED, "") + "\n\n" for w in works).replace("\n", "\r\n")


# Files leave the access date out: a file cannot know the day it is read. BibLaTeX (for biber and
# the reference managers that read it) and classic BibTeX (for bibtex styles, which know no url or
# date field) are separate files, so that neither imports the same page twice.
CITATION_FILES = (
    CitationFile("BibLaTeX", ".bib", _bib(bibtex.online)),
    CitationFile("BibTeX", "-bibtex.bib", _bib(bibtex.misc)),
    CitationFile("RIS", ".ris", _ris_file),
    CitationFile("CSL-JSON", ".json", _csl_json_file),
)
