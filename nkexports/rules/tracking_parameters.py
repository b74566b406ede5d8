"""A source's address carries no tracking parameters: they record how a link was reached, not what it shows."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl

from ..addresses import split
from ..problems import Problem, dotted

TRACKING = (
    (re.compile(r"utm_\w+"), "a campaign-tracking tag"),
    (re.compile(r"fbclid"), "a Facebook click id"),
    (re.compile(r"gclid|dclid|gbraid|wbraid"), "a Google Ads click id"),
    (re.compile(r"msclkid"), "a Microsoft Ads click id"),
    (re.compile(r"yclid"), "a Yandex click id"),
    (re.compile(r"igshid"), "an Instagram share id"),
    (re.compile(r"mc_cid|mc_eid"), "a Mailchimp campaign or subscriber id"),
    (re.compile(r"_hsenc|_hsmi"), "a HubSpot e-mail tag"),
    (re.compile(r"ns_\w+"), "a Comscore tag"),
    (re.compile(r"feedType|feedName"), "a Reuters feed tag"),
    (re.compile(r"custom_click"), "a feed click tag"),
    (re.compile(r"OutUrl"), "a Naver referral tag"),
    (re.compile(r"trc"), "a referral tag"),
    (re.compile(r"st_rec"), "a recommendation-widget tag"),
    (re.compile(r"shared|msg"), "a share-button flag"),
)


def tracking_parameters(url: str) -> list[tuple[str, str]]:
    """Each tracking parameter in `url` with what it is."""
    parts = split(url)
    if parts is None:
        return []
    found = []
    for name, _ in parse_qsl(parts.query, keep_blank_values=True):
        for pattern, what in TRACKING:
            if pattern.fullmatch(name):
                found.append((name, what))
                break
    return found


def check(docs, today):
    for doc, where, source in docs.sources():
        url = source.get("url")
        found = tracking_parameters(url) if isinstance(url, str) else []
        if found:
            place = where + ("url",)
            names = ", ".join(f"'{name}' ({what})" for name, what in found)
            yield Problem(doc.yaml.path, doc.yaml.line(place), dotted(place),
                          f"the URL carries tracking parameters: {names}",
                          "remove them and keep the rest of the address as the page gives it")
