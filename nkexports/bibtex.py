"""BibTeX entries for a cited work: biblatex's @online, and @misc for classic BibTeX styles.

Every value is plain text made safe for LaTeX: each special character becomes a command that
prints it, and braces become \\textbraceleft{} and \\textbraceright{}, so the only braces in an
entry are the ones written here and a value can never close its field or its entry.
"""

from __future__ import annotations

import datetime

from .citation import ACCESSED, AUTHOR, CitedWork, DateForm, fold

_LATEX = str.maketrans({
    "\\": r"\textbackslash{}", "{": r"\textbraceleft{}", "}": r"\textbraceright{}",
    "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
    "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
})
# Inside \url{...} in an argument, as in howpublished, hyperref wants % and # escaped; the rest
# of a URL is written as is, and characters a URL cannot hold are percent-encoded.
_URL_SAFE = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~:/?[]@!$'()*+,;=%#&")
URL_DATE = DateForm("  urldate = {{year}-{month}-{day2}},\n", tuple(f"{m:02d}" for m in range(1, 13)))


def latex(text: str) -> str:
    return fold(text).translate(_LATEX)


def _url(url: str) -> str:
    return "".join(c if c in _URL_SAFE else "".join(f"%{b:02X}" for b in c.encode()) for c in url)


def _in_url_command(url: str) -> str:
    r"""An address inside \url{} in a field that bibtex copies as it is: % and # escaped for TeX."""
    return _url(url).replace("%", r"\%").replace("#", r"\#")


def _notes(work: CitedWork) -> str:
    r"""The primary source and the live page, as TeX: the source's name escaped, the address in \url{}."""
    notes = [latex(f"Primary source: {work.primary_source}")] if work.primary_source else []
    if work.live_url:
        notes.append(rf"Live page: \url{{{_in_url_command(work.live_url)}}}")
    return ". ".join(notes)


def _field(name: str, value: str) -> str:
    return f"  {name} = {{{value}}},\n"


def online(work: CitedWork) -> str:
    """biblatex @online, with the access date where ACCESSED stands."""
    fields = [_field("author", f"{{{latex(AUTHOR)}}}"),  # double braces: an organisation, not a person
              _field("title", f"{{{latex(work.title)}}}"),  # kept as written: bibliography styles recase titles
              _field("organization", latex(work.site_name)),
              _field("date", work.date),
              _field("url", _url(work.url))]
    if work.revision:
        fields.append(_field("version", latex(work.revision)))
    addendum = _notes(work)
    if addendum:
        fields.append(_field("addendum", addendum))
    fields.append(_field("langid", "english"))
    return f"@online{{{work.key},\n{''.join(fields)}{ACCESSED}}}"


def misc(work: CitedWork) -> str:
    """Classic BibTeX @misc, which has no url or date fields: the address goes in howpublished."""
    day = datetime.date.fromisoformat(work.date)
    note = latex(f"{work.site_name}" + (f", revision {work.revision}" if work.revision else ""))
    if _notes(work):
        note += ". " + _notes(work)
    url = _in_url_command(work.url)
    fields = [_field("author", f"{{{latex(AUTHOR)}}}"),
              _field("title", f"{{{latex(work.title)}}}"),
              _field("howpublished", rf"\url{{{url}}}"),
              _field("year", str(day.year)),
              _field("month", day.strftime("%B")),
              _field("note", note)]
    return f"@misc{{{work.key}-misc,\n{''.join(fields)}{ACCESSED}}}"
