"""What a page's <head> tells reference managers, search engines and link previews about it.

Zotero reads Highwire `citation_*` tags and Dublin Core, not JSON-LD; Google's dataset search
and link previews read JSON-LD and OpenGraph. All say the same: title, the site's contributors
as author, the cited revision's date, the stable address. The values are plain data here; the
theme partial `docs/overrides/partials/citation-meta.html` writes them, escaped.
"""

from __future__ import annotations

from dataclasses import dataclass

from .citation import AUTHOR, LANGUAGE, CitedWork

LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
ENCODINGS = {"csv": "text/csv", "json": "application/json"}


@dataclass(frozen=True)
class Download:
    name: str
    url: str
    description: str


def head_metadata(work: CitedWork, description: str, site_url: str, dataset: list[Download] | None = None) -> dict:
    """`dataset`: the files of the dataset, on the page that offers them for download."""
    date = work.date
    organisation = {"@type": "Organization", "name": AUTHOR}
    page = {
        "@context": "https://schema.org",
        "@type": "WebPage",
        "@id": work.url,
        "url": work.url,
        "name": work.title,
        "headline": work.title,
        "description": description,
        "inLanguage": LANGUAGE,
        "author": organisation,
        "dateModified": date,
        "license": LICENCE_URL,
        "isPartOf": {"@type": "WebSite", "name": work.site_name, "url": site_url},
    }
    if work.revision:
        page["version"] = work.revision
    json_ld = [page]
    if dataset is not None:
        json_ld.append({
            "@context": "https://schema.org",
            "@type": "Dataset",
            "@id": f"{work.url}#dataset",
            "name": f"{work.site_name}: data",
            "description": description,
            "url": work.url,
            "creator": organisation,
            "license": LICENCE_URL,
            "inLanguage": LANGUAGE,
            "dateModified": date,
            **({"version": work.revision} if work.revision else {}),
            "isAccessibleForFree": True,
            "distribution": [{"@type": "DataDownload", "name": d.name, "description": d.description,
                              "contentUrl": d.url, "encodingFormat": ENCODINGS[d.name.rsplit(".", 1)[-1]]}
                             for d in dataset],
        })
    slashed = date.replace("-", "/")
    names = [
        ("citation_title", work.title),
        ("citation_author", AUTHOR),
        ("citation_publication_date", slashed),
        ("citation_date", slashed),
        ("citation_public_url", work.url),
        ("citation_language", LANGUAGE),
        ("DC.title", work.title),
        ("DC.creator", AUTHOR),
        ("DC.date", date),
        ("DC.type", "Dataset" if dataset is not None else "Text"),  # DCMI Type: a web page is Text
        ("DC.identifier", work.url),
        ("DC.language", LANGUAGE),
        ("DC.publisher", work.site_name),
        ("DC.description", description),
        ("DC.rights", LICENCE_URL),
    ]
    properties = [
        ("og:title", work.title),
        ("og:type", "article"),
        ("og:url", work.url),
        ("og:site_name", work.site_name),
        ("og:description", description),
        ("og:locale", "en_US"),
        ("article:modified_time", date),
    ]
    return {"names": names, "properties": properties, "json_ld": json_ld}
