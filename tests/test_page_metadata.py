"""Every page tells reference managers, search engines and link previews what it is, read the way
they read it: extruct for JSON-LD, OpenGraph and Dublin Core, an HTML parser for Highwire tags."""

from __future__ import annotations

import extruct
import lxml.html
import pytest

from citation_blocks import read_page
from helpers import built_page
from test_citations import CONTENT_PAGES, ORGANISATION, SITE, page_url, shown_date


def metadata(site, url: str) -> tuple[dict, dict[str, list[str]]]:
    path = built_page(site, url)
    found = extruct.extract(path.read_text(encoding="utf-8"), base_url=page_url(url),
                            syntaxes=["json-ld", "opengraph", "dublincore"], uniform=True)
    highwire: dict[str, list[str]] = {}
    for tag in read_page(path).meta:
        if (tag.get("name") or "").startswith("citation_"):
            highwire.setdefault(tag["name"], []).append(tag["content"])
    return found, highwire


@pytest.mark.parametrize("url", CONTENT_PAGES)
def test_every_page_carries_highwire_dublin_core_opengraph_and_json_ld(real_site, url):
    found, highwire = metadata(real_site, url)
    day = shown_date(built_page(real_site, url))
    (title,) = highwire["citation_title"]
    head_title = lxml.html.parse(str(built_page(real_site, url))).find(".//head/title").text
    assert head_title in (title, f"{title} - North Korea's exports"), "the cited title is not the page's title"
    assert highwire["citation_author"] == [ORGANISATION]
    assert highwire["citation_publication_date"] == highwire["citation_date"] == [day.strftime("%Y/%m/%d")]
    assert highwire["citation_public_url"] == [page_url(url)]
    assert highwire["citation_language"] == ["en"]

    (dublin_core,) = found["dublincore"]
    elements = {e["name"]: e["content"] for e in dublin_core["elements"]}
    assert elements["DC.title"] == title and elements["DC.creator"] == ORGANISATION
    assert elements["DC.date"] == day.isoformat() and elements["DC.identifier"] == page_url(url)
    assert dublin_core["@type"] == ("Dataset" if url == "data" else "Text")  # extruct reads DC.type as the type

    (opengraph,) = found["opengraph"]
    assert opengraph["og:title"] == title and opengraph["og:url"] == page_url(url)
    assert opengraph["og:site_name"] == "North Korea's exports"

    (webpage,) = [item for item in found["json-ld"] if item["@type"] == "WebPage"]
    assert webpage["name"] == title and webpage["url"] == page_url(url)
    assert webpage["dateModified"] == day.isoformat()
    assert webpage["author"] == {"@type": "Organization", "name": ORGANISATION}


def test_data_page_describes_the_dataset_and_its_downloads(real_site):
    found, _ = metadata(real_site, "data")
    (dataset,) = [item for item in found["json-ld"] if item["@type"] == "Dataset"]
    assert dataset["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert dataset["creator"]["name"] == ORGANISATION and dataset["dateModified"]
    downloads = dataset["distribution"]
    assert {d["@type"] for d in downloads} == {"DataDownload"} and len(downloads) >= 4
    for download in downloads:
        assert download["contentUrl"].startswith(SITE)
        assert (real_site / download["contentUrl"][len(SITE):]).is_file(), download["contentUrl"]
        assert download["encodingFormat"] in ("text/csv", "application/json")
