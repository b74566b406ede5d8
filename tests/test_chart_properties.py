"""Property-based test of the charts: whatever a series title, a reporter's or a resolution's name holds, the SVG
read back by an XML parser has only the elements and attributes the chart draws, and the text reads
back as given."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

from hypothesis import given
from hypothesis import strategies as st

from nkexports import charts
from nkexports.chart_data import Chart, Line, Marker
from nkexports.rules.plain_text import invisible_character

SVG = "{http://www.w3.org/2000/svg}"
ELEMENTS = {"svg", "title", "desc", "g", "path", "defs", "use", "text", "clipPath", "rect"}
ATTRIBUTES = {"viewBox", "class", "role", "aria-labelledby", "aria-describedby", "data-first-period", "data-last-period",
              "data-period", "id", "d", "style", "x", "y", "href", "transform", "clip-path", "width", "height"}
# XML and SVG syntax, over-represented so that it meets itself; and text the validator lets through.
syntax = st.text(alphabet="<>&\"'=/ \n\t\r!?-[]$;:#0123456789aAzZ\u00a0\u0430", max_size=40)
# Within the Basic Multilingual Plane: a name of astral characters (mathematical letters, rare CJK)
# that DejaVu Sans lacks can collapse matplotlib's layout, and the build then stops with a message.
visible_text = st.text(st.characters(max_codepoint=0xFFFF), max_size=60).filter(lambda text: invisible_character(text) is None
                                           and not any(ord(c) in (0xFFFE, 0xFFFF) for c in text))


# A name is never empty (the schema); matplotlib leaves a label starting with "_" out of the legend.
names = st.one_of(syntax, visible_text.map(lambda t: t[:40])).filter(lambda t: t.strip() and not t.startswith("_"))


@given(title=st.one_of(visible_text, syntax), reporter=names, other=names, resolution=names)
def test_hostile_titles_and_reporters_create_no_element_or_attribute(title, reporter, other, resolution):
    chart = Chart(id="hostile", title=title, measured="Exports (value)", unit="USD", frequency="yearly",
                  lines=(Line(reporter, ((2015, 2e9), (2017, 1e9)), ("US$2 billion", "US$1 billion")),
                         Line(other, ((2016, 1.5e9),), ("US$1.5 billion",))),
                  markers=(Marker(2016, "2016", (resolution[:24],), (resolution,)),))
    root = ElementTree.fromstring(f'<charts xmlns="http://www.w3.org/2000/svg">{charts.chart_markup(chart)}</charts>')
    for svg in root:
        for element in svg.iter():
            assert element.tag.removeprefix(SVG) in ELEMENTS, element.tag
            assert set(element.attrib) <= ATTRIBUTES, element.attrib
        assert (svg.find(f"{SVG}title").text or "") == title
        assert reporter in svg.find(f"{SVG}desc").text and resolution in svg.find(f"{SVG}desc").text
