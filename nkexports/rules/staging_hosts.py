"""A source's address is the public page, not a publisher's staging site or an editor's preview."""

from __future__ import annotations

import re

from ..addresses import matching_domain, split
from ..problems import Problem, dotted

STAGING_LABEL = re.compile(r"(dev|devel|develop|stage|staging|preview|preprod|test|uat|qa)(-?v?\d+)?")
CMS_BACKENDS = {
    "pangea-cms.com": "the content system behind the Voice of America and RFE/RL sites",
}
PREVIEW_PATH = re.compile(r"^/(preview|draft)s?/", re.I)
FIX = "cite the page at the publisher's public address, as you read it there"


def staging_reason(url: str) -> str | None:
    """Why `url` is not a public page, or None if nothing shows it is not."""
    parts = split(url)
    if parts is None:
        return None
    host = parts.hostname
    backend = matching_domain(host, CMS_BACKENDS)
    if backend:
        return f"{host} is {CMS_BACKENDS[backend]}, not a public site"
    if STAGING_LABEL.fullmatch(host.split(".")[0]):
        return f"{host} is a staging or development host"
    if PREVIEW_PATH.match(parts.path):
        return "the address is an editor's preview"
    return None


def check(docs, today):
    for doc, where, source in docs.sources():
        url = source.get("url")
        reason = staging_reason(url) if isinstance(url, str) else None
        if reason:
            place = where + ("url",)
            yield Problem(doc.yaml.path, doc.yaml.line(place), dotted(place), reason, FIX)
