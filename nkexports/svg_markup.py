"""Turn the SVG matplotlib writes into markup fit to sit inline in a page.

matplotlib writes a standalone document: fixed size, white background, fixed colours and fonts,
ids that repeat in every chart. Inline, the chart must scale with the column, follow the page's
colours and font, carry its own accessible name, and share no id with another chart. Every
attribute value and text is written back through `escape.svg_text`, whatever matplotlib did.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree

from .escape import svg_text

SVG = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
_FONT_FAMILY = re.compile(r"font-family:[^;]*;?\s*")
_REFERENCE = re.compile(r"url\(#([^)]+)\)")
# matplotlib writes six decimals; a hundredth of a unit is far below a pixel and a third of the bytes.
_LONG_DECIMAL = re.compile(r"(-?\d+\.\d\d)\d+")


def tidy(svg: str, *, id_prefix: str, colours: dict[str, str], marks: dict[str, dict[str, str]],
         root: dict[str, str], title: str, description: str) -> str:
    """`colours`: matplotlib's hex colour -> CSS colour; `marks`: matplotlib gid -> the attributes that
    replace it (a class, data-*); `root`: attributes of the <svg> element besides its viewBox."""
    tree = ElementTree.fromstring(svg)
    for metadata in tree.findall(f"{SVG}metadata"):
        tree.remove(metadata)
    # matplotlib's <style> sets `*{...}`: inline in a page, it would restyle the whole page.
    for parent in tree.iter():
        for style in parent.findall(f"{SVG}style"):
            parent.remove(style)
    referenced = set()
    for element in tree.iter():
        referenced.update(_REFERENCE.findall(element.get("clip-path", "")))
        if element.get(XLINK_HREF, "").startswith("#"):
            referenced.add(element.get(XLINK_HREF)[1:])
    for element in tree.iter():
        ident = element.attrib.pop("id", None)
        if ident in marks:
            element.attrib.update(marks[ident])
        elif ident in referenced:
            element.set("id", f"{id_prefix}-{ident}")
        if element.get("clip-path"):
            element.set("clip-path", _REFERENCE.sub(lambda m: f"url(#{id_prefix}-{m.group(1)})", element.get("clip-path")))
        if element.get(XLINK_HREF):
            element.set("href", "#" + id_prefix + "-" + element.attrib.pop(XLINK_HREF)[1:])
        if element.get("style"):
            element.set("style", _css(element.get("style"), colours))
        for name in ("d", "transform", "x", "y"):
            if name in element.attrib:
                element.set(name, _LONG_DECIMAL.sub(r"\1", " ".join(element.get(name).split())))
    attributes = {"viewBox": tree.get("viewBox"), **root}
    inner = "".join(_markup(child) for child in tree)
    return (f'<svg xmlns="http://www.w3.org/2000/svg"{_attributes(attributes)}>'
            f'<title id="{svg_text(id_prefix)}-title">{svg_text(title)}</title>'
            f'<desc id="{svg_text(id_prefix)}-desc">{svg_text(description)}</desc>{inner}</svg>')


def _css(style: str, colours: dict[str, str]) -> str:
    """The page's font instead of matplotlib's, and the page's colours instead of the placeholders."""
    style = _FONT_FAMILY.sub("", style)
    for placeholder, colour in colours.items():
        style = style.replace(placeholder, colour)
    return style.strip().rstrip(";")


def _attributes(attributes: dict[str, str]) -> str:
    return "".join(f' {svg_text(name)}="{svg_text(value)}"' for name, value in attributes.items())


def _markup(element: ElementTree.Element) -> str:
    tag = element.tag.removeprefix(SVG)
    text = svg_text(element.text) if element.text and element.text.strip() else ""
    children = "".join(_markup(child) for child in element)
    tail = svg_text(element.tail) if element.tail and element.tail.strip() else ""
    return f"<{tag}{_attributes(element.attrib)}>{text}{children}</{tag}>{tail}"


# What `tidy` writes from matplotlib's drawing of a line chart, and nothing else: a drawing read
# back from the cache is placed in pages only if it holds no other element or attribute, no
# reference beyond itself, and no CSS that could fetch anything.
OWN_ELEMENTS = {"svg", "title", "desc", "g", "defs", "clipPath", "path", "use", "rect", "text"}
OWN_ATTRIBUTES = {"xmlns", "viewBox", "width", "height", "role", "aria-labelledby", "aria-describedby", "class", "id",
                  "data-first-period", "data-last-period", "data-period", "clip-path", "href", "d", "transform", "x", "y",
                  "style"}
_FETCHING_CSS = re.compile(r"url\((?!#)|@import|expression\(|\\", re.I)


def own_drawing(markup: str) -> bool:
    """Whether `markup` could have been written by `tidy`: the check a cached drawing passes."""
    try:
        tree = ElementTree.fromstring(markup)
    except ElementTree.ParseError:
        return False
    for element in tree.iter():
        if not element.tag.startswith(SVG) or element.tag.removeprefix(SVG) not in OWN_ELEMENTS:
            return False
        if not set(element.attrib) <= OWN_ATTRIBUTES:
            return False
        if not element.get("href", "#").startswith("#"):
            return False
        if any(_FETCHING_CSS.search(element.get(name, "")) for name in ("style", "clip-path")):
            return False
    return True
