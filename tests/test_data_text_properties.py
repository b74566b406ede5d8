"""For every text field of every kind of data file, an arbitrary string is either refused with a
located one-line message, or it goes through the whole pipeline (front matter, Markdown, HTML,
CSV, JSON) as inert text: no new element, attribute, link target, record, field or formula.

The pages are rendered as the build renders them (the site's templates, then MkDocs' front
matter reader and Python-Markdown with the site's extensions) but without a full MkDocs build
per example; tests/test_hostile_site.py builds the real site once with hostile text everywhere.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path

import markdown
from hypothesis import given
from hypothesis import strategies as st
from mkdocs.utils import meta

from helpers import FIXTURE_DATA, TODAY
from hostile_data import PAYLOADS, set_value, text_places
from nkexports.downloads import download_files
from nkexports.load import check_data
from nkexports.dataset import Dataset
from nkexports.render import Renderer
from test_escaping_properties import syntax
from test_hostile_site import FORMULA_START, structure

EXTENSIONS = ["footnotes", "attr_list", "md_in_html", "tables", "admonition", "toc"]
PLACES = text_places(FIXTURE_DATA)
values = st.one_of(st.text(), syntax, st.sampled_from(PAYLOADS),
                   st.lists(st.sampled_from(PAYLOADS + [" ", "\n"]), max_size=4).map("".join))


def rendered(data: Dataset) -> dict[str, tuple]:
    """Each generated page as (front matter, elements, link targets), and each download."""
    out = {}
    for path, page in Renderer(data).generated_pages().items():
        body, front = meta.get_data(page)
        html = markdown.markdown(body, extensions=EXTENSIONS, extension_configs={"toc": {"permalink": True}})
        shape = structure(html)
        out[path] = (front, shape.elements, shape.targets)
    return out


def download_shapes(data: Dataset) -> dict[str, object]:
    shapes = {}
    for name, content in download_files(data, "1.0.0").items():
        if name.endswith(".csv"):
            rows = list(csv.reader(io.StringIO(content, newline="")))
            formulas = [cell for row in rows for cell in row if cell.lstrip(" ").startswith(FORMULA_START)]
            assert not formulas, f"{name}: {formulas}"
            shapes[name] = [len(row) for row in rows]
        elif name.endswith(".json"):
            shapes[name] = _shape(json.loads(content, parse_constant=_refuse))
    return shapes


def _refuse(name):
    raise ValueError(f"{name} is not JSON")


def _shape(value):
    if isinstance(value, dict):
        return {key: _shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_shape(item) for item in value]
    return type(value).__name__


@lru_cache(maxsize=1)
def baseline():
    docs, problems = check_data(FIXTURE_DATA, TODAY)
    assert not problems
    data = Dataset.from_docs(docs)
    return rendered(data), download_shapes(data)


@given(place=st.sampled_from(PLACES), value=values)
def test_any_text_is_refused_or_inert_everywhere(place, value):
    file, where = place
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder) / "data"
        shutil.copytree(FIXTURE_DATA, data_dir)
        set_value(data_dir / file.relative_to(FIXTURE_DATA), where, value)
        docs, problems = check_data(data_dir, TODAY)
        if problems:
            for problem in problems:
                line = str(problem)
                assert line.startswith(str(data_dir) + "/") and line.isprintable(), line
            return
        data = Dataset.from_docs(docs)
        pages, downloads = rendered(data), download_shapes(data)
    plain_pages, plain_downloads = baseline()
    assert pages.keys() == plain_pages.keys()
    for path, (front, elements, targets) in pages.items():
        plain_front, plain_elements, plain_targets = plain_pages[path]
        assert front.keys() == plain_front.keys(), path
        assert elements == plain_elements, f"{path}: {elements - plain_elements} {plain_elements - elements}"
        assert targets == plain_targets, path
    for page in data.pages.values():
        front = pages[f"{page.url.rstrip('/')}.md"][0]
        assert (front["title"], front["description"]) == (page.title, page.summary)
        assert front.get("tags", []) == page.also_known_as
    assert downloads == plain_downloads
