"""How a value from data/ is written into each kind of output: one function per context.

A value reaches pages, the page head, the search index, downloads, charts and terminal
logs, and each has its own syntax. Whatever a value holds, the function for the context
it lands in makes sure it is read back there as the same text, never as markup, a new
field, a formula or a command.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re

from .weburl import parse_web_address

# Characters that Markdown, its extensions or HTML could read as markup, as numeric entities:
# entities display as the character itself but are never parsed as syntax.
_MARKDOWN_ENTITIES = str.maketrans({c: f"&#{ord(c)};" for c in "\\`*_{}[]|~^#!"}
                                   | {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})
# What can open a block at the start of a line: ASCII punctuation (headings, lists, quotes,
# admonitions `!!!`, definition lists, fences, blocks) or a digit (a numbered list, even when the
# `.` that makes it one is written after the value, as in "2020." at the start of a footnote).
_BLOCK_START = re.compile(r"^[!-/:-@\[-`{-~0-9]")
_SPACE = re.compile(r"\s+")
# Spreadsheets run a cell as a formula when it starts with one of these (OWASP: CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
_LOG_ESCAPES = {"\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}
# GitHub Actions workflow commands: the runner reads one command per line and splits the
# properties at `,` and the properties from the message at `::`; these are the escapes it undoes.
_COMMAND_MESSAGE = str.maketrans({"%": "%25", "\r": "%0D", "\n": "%0A"})
_COMMAND_PROPERTY = str.maketrans({"%": "%25", "\r": "%0D", "\n": "%0A", ":": "%3A", ",": "%2C"})
_COMMAND_WORD = re.compile(r"[a-z]+")


def html_text(value) -> str:
    """Text between HTML tags; also safe inside a double-quoted attribute."""
    return html.escape(str(value), quote=True)


def html_attribute(value) -> str:
    """The value of a double-quoted HTML attribute."""
    return html.escape(str(value), quote=True)


def markdown_text(value) -> str:
    """Text in Markdown with inline HTML, folded onto one line, never opening a block."""
    text = _SPACE.sub(" ", str(value)).strip()
    if not _BLOCK_START.match(text):
        return text.translate(_MARKDOWN_ENTITIES)
    return f"&#{ord(text[0])};" + text[1:].translate(_MARKDOWN_ENTITIES)


def markdown_fragment(value, starts_line: bool = False) -> str:
    """A piece of text between other inline text (a catalog message around the values put in it):
    whitespace folded but kept at its ends, so "up " and " on" still join their neighbours; where
    the piece starts a line, a first character that could open a block is written as an entity."""
    text = _SPACE.sub(" ", str(value))
    if starts_line and _BLOCK_START.match(text):
        return f"&#{ord(text[0])};" + text[1:].translate(_MARKDOWN_ENTITIES)
    return text.translate(_MARKDOWN_ENTITIES)


def markdown_inline_text(value) -> str:
    """Text in Markdown with inline HTML where other text comes before it on its line (a table
    cell, a list item's text): folded onto one line it cannot open a block, so a leading digit
    or `#` stays itself and a reader of the raw Markdown sees "2 problems", not "&#50; problems"."""
    return _SPACE.sub(" ", str(value)).strip().translate(_MARKDOWN_ENTITIES)


def visible_text(value, longest: int | None = None) -> str:
    """Text for a reviewer, every character of which shows: line breaks of every kind folded to
    spaces, and control, direction and other invisible characters written as their code point
    (⟨U+202E⟩), so that nothing reorders or hides what is around it; cut to `longest` characters."""
    text = "".join(char if char.isprintable() else f"⟨U+{ord(char):04X}⟩" for char in _SPACE.sub(" ", str(value)))
    if longest is not None and len(text) > longest:
        return text[: longest - 1] + "…"
    return text


_IDENTIFIER = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def markdown_identifier(value) -> str:
    """An id where Markdown syntax names it (a footnote label, a heading's `{ #id }`): only
    the validated id form passes, unchanged, so that the label matches its references."""
    if not _IDENTIFIER.fullmatch(str(value)):
        raise ValueError(f"not an id: {value!r}")
    return str(value)


# Characters an address may hold that Markdown, or a table row, could read as syntax even inside an
# HTML attribute: Python-Markdown reads `code` and [text](link) before it sees the tag around them.
_HREF_REFERENCES = str.maketrans({c: f"&#{ord(c)};" for c in "`*_[]()~^{}|!#"}
                                 | {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def url_href(value) -> str:
    """A link target: only an address that a browser parses to the host we show (see weburl),
    written as a double-quoted attribute value whose markup and Markdown punctuation are character
    references, which the attribute decodes: Markdown around the tag never turns part of the
    address into code or a link."""
    return parse_web_address(str(value)).href.translate(_HREF_REFERENCES)


def markdown_link(address, text) -> str:
    """A link in Markdown, table cells included: an inline HTML `a` element whose address passes
    `url_href`, so that neither Markdown nor a table row reads anything in it."""
    return f'<a href="{url_href(address)}">{markdown_text(text)}</a>'


def url_host(value) -> str:
    """The host a link opens, taken from the same parse as its href."""
    return html_text(parse_web_address(str(value)).host)


def search_text(value) -> str:
    """A search index entry: Material inserts titles, text and tags of results as HTML."""
    return html_text(value)


def front_matter_string(value) -> str:
    """A YAML double-quoted scalar in printable ASCII: every other character is a YAML escape,
    so no line break, quote or encoding quirk can end the string early."""
    out = ['"']
    for char in str(value):
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif 0x20 <= code < 0x7F:
            out.append(char)
        elif code < 0x100:
            out.append(f"\\x{code:02x}")
        elif code < 0x10000:
            out.append(f"\\u{code:04x}")
        else:
            out.append(f"\\U{code:08x}")
    out.append('"')
    return "".join(out)


def csv_cell(value):
    """A CSV cell that no spreadsheet runs as a formula: a leading `'` marks it as text."""
    if isinstance(value, str) and value.lstrip(" ").startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_table(columns: list[str], rows: list[dict]) -> str:
    """A CSV file as RFC 4180 has it: CRLF between records, so that a line break of either kind
    inside a cell is quoted, and every text cell through `csv_cell`."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({column: csv_cell(value) for column, value in row.items()} for row in rows)
    return out.getvalue()


_XML_WHITESPACE = str.maketrans({"\t": "&#9;", "\n": "&#10;", "\r": "&#13;"})


def svg_text(value) -> str:
    """Text inside an SVG element or attribute (XML): whitespace as character references, which
    XML parsers keep, where they would fold a literal tab or line break in an attribute."""
    return html.escape(str(value), quote=True).translate(_XML_WHITESPACE)


# Characters XML 1.0 cannot hold at all, even as references: a feed with one is not a feed.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(value) -> str:
    """Text for an XML element or attribute that ElementTree writes (it escapes markup itself,
    but not the characters XML forbids, which are dropped)."""
    return _NOT_XML.sub("", str(value))


def json_text(data, **options) -> str:
    """JSON that every parser reads: NaN and infinities raise instead of writing invalid JSON."""
    return json.dumps(data, allow_nan=False, ensure_ascii=False, **options)


def log_text(value) -> str:
    """A value in a terminal or CI log, `repr`-style: no line break, escape sequence or
    invisible character survives, so a value cannot start a workflow command or recolour
    the terminal."""
    out = []
    for char in str(value):
        if char in _LOG_ESCAPES:
            out.append(_LOG_ESCAPES[char])
        elif char.isprintable():
            out.append(char)
        else:
            code = ord(char)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
    return "".join(out)


def workflow_command(command: str, properties: dict[str, object], message) -> str:
    """One GitHub Actions workflow command line, such as `::error file=data/x.yaml,line=3::text`:
    whatever the values hold, the runner reads back exactly these properties and this message,
    and no second command. The runner ignores a property with an empty value and trims the end
    of the last one, so empty values are left out and the last property should be a number."""
    for word in (command, *properties):
        if not _COMMAND_WORD.fullmatch(word):
            raise ValueError(f"not a workflow command or property name: {word!r}")
    listed = ",".join(f"{key}={str(value).translate(_COMMAND_PROPERTY)}" for key, value in properties.items()
                      if str(value))
    return f"::{command} {listed}::{str(message).translate(_COMMAND_MESSAGE)}"
