"""A copy on a republishing site is cited only while its original cannot be, and it names the original.

REPUBLISHERS lists sites that carry other publishers' work, each with the reason. A source
there must be listed in KEPT, with why the original is not cited instead, and must name the
original in `primary_source`. KEPT is debt that must shrink: an entry whose source is no
longer on a republishing site is reported until it is removed.
"""

from __future__ import annotations

from pathlib import Path

from ..addresses import matching_domain, split
from ..problems import Problem, dotted

REPUBLISHERS = {
    "abrasivesunion.com": "a trade site that reposts other outlets' news",
    "advfn.com": "a financial portal that reprints news-wire stories",
    "aol.co.uk": "a web portal that reprints other outlets' stories",
    "aol.com": "a web portal that reprints other outlets' stories",
    "dailyfinland.fi": "a site that reposts news-agency copy",
    "daum.net": "a web portal that carries copies of Korean outlets' articles",
    "docslib.org": "a document-sharing site that holds copies of others' publications",
    "enewspf.com": "a local news site that reposts press releases",
    "eximguru.com": "a trade portal that reposts government notifications",
    "finanznachrichten.de": "a finance portal that carries news-agency feeds",
    "giga.law": "a site that reposts news-wire stories",
    "indiatips.in": "a site that reposts other outlets' articles",
    "investing.com": "a markets portal that reprints news-wire stories",
    "kinaforum.com": "a blog that reposts other outlets' articles",
    "koreanewsdigest.com": "a site that reposts Yonhap stories",
    "ktn24.com": "a site that reposts other outlets' reports",
    "lawglobalhub.com": "a site that reproduces legal texts published by others",
    "linkdaddynews.com": "a site that republishes other outlets' articles",
    "marketscreener.com": "a markets portal that reprints news-wire stories",
    "medium.com": "a blogging platform where accounts repost articles published elsewhere",
    "menafn.com": "a syndication site that reprints other agencies' stories",
    "minnesotadigitalnews.com": "a site that reposts other outlets' articles",
    "newshub.org": "an aggregator that reposts other outlets' stories",
    "noticiasdelmundo.news": "a site that machine-translates other outlets' articles",
    "oilnewsjournal.com": "a site that reposts news-agency stories",
    "onecorea.com": "a bulletin board where users repost others' reports",
    "online.ua": "a portal that summarises other outlets' reports",
    "panasialyg.com": "a site that reposts other outlets' stories",
    "particle.news": "an app that summarises other outlets' reporting",
    "pressreader.com": "a digital newsstand that holds copies of newspapers' pages",
    "samizdat2.org": "a blog that summarises other outlets' reports",
    "socialnews.xyz": "a site that reposts news-agency copy",
    "taptalk.net": "a news site that carries Yonhap's copy",
    "tongilnanum8000.com": "an archive site that holds copies of others' publications",
    "tricksfast.com": "a site that reposts other outlets' articles",
    "urdupoint.com": "a portal that reposts news-agency copy",
    "wikipedia.org": "an encyclopedia anyone can edit, which cites the originals",
    "wowtv.co.kr": "a broadcaster's site that carries Yonhap's copy",
    "yahoo.com": "a portal that carries other outlets' stories and videos",
}

NOT_SOUGHT = "original not yet sought"
NOT_STORED = "not in the reference corpus the site's sources are checked against"

KEPT = {
    "advfn-2018-wsj-electricity": f"The Wall Street Journal's own page is {NOT_STORED}",
    "aol-2024-guardian-human-hair": f"The Guardian's own page is {NOT_STORED}",
    "businessstandard-2018-india-nk-trade-look-up": NOT_SOUGHT,
    "cntv-2017-china-import-ban": NOT_SOUGHT,
    "dailyfinland-2017-res-2397": NOT_SOUGHT,
    "daum-2024-kotra-2023-hair": "the copy does not name the outlet it carries, and no other report gives the 2022 figure",
    "docslib-2019-usgs-minerals-2016": f"the USGS's own copy of the yearbook is {NOT_STORED}",
    "dpa-2025-msmt-cyber-report": f"the MSMT's report and joint statement are {NOT_STORED}; this is dpa-AFX's wire copy",
    "enewspf-2013-rice-res-2094": NOT_SOUGHT,
    "eximguru-2017-dgft-notification-35": NOT_SOUGHT,
    "gigalaw-2019-cyber-two-billion": NOT_SOUGHT,
    "independent-2025-nk-workers-student-visas": f"The Independent's own page is {NOT_STORED}",
    "investing-2024-reuters-eyelashes": f"only this copy shows Reuters' paragraph on sanctions law; Reuters' page is {NOT_STORED}",
    "kinaforum-2020-poe-coal": NOT_SOUGHT,
    "koreanewsdigest-2017-march-coal": NOT_SOUGHT,
    "ktn24-2024-voa-wigs-half-year": f"Voice of America's own report is {NOT_STORED}",
    "kyodo-2020-oil-cap-breach": NOT_SOUGHT,
    "marketscreener-2019-china-nk-trade-yuan": NOT_SOUGHT,
    "newshub-2017-tanzania-uganda": NOT_SOUGHT,
    "noticiasdelmundo-2025-watch-exports": f"only this copy gives the number of watches; Yonhap's page is {NOT_STORED}",
    "nst-2017-reuters-made-in-china-clothes": NOT_SOUGHT,
    "onecorea-2022-kotra-electricity": NOT_SOUGHT,
    "onlineua-2025-reuters-nk-shells-russia": f"only this report gives the 4 to 6 million range; Reuters' page is {NOT_STORED}",
    "particle-2025-chainalysis-crypto": NOT_SOUGHT,
    "reuters-2017-china-order-un-sanctions-nk": f"Reuters' own page is {NOT_STORED}",
    "samizdat2-2025-kida-estimate": f"Newsweek's report of the estimate is {NOT_STORED}",
    "socialnews-2016-res-2270": NOT_SOUGHT,
    "taptalk-2025-statistics-korea-nk-2024": f"Yonhap's own page is {NOT_STORED}",
    "tongilnanum-2019-taehung-magnesite": NOT_SOUGHT,
    "un-2017-res-2371": f"the UN's own copy of the resolution is {NOT_STORED}",
    "urdupoint-2019-workers-sent-home": NOT_SOUGHT,
    "voa-2020-nk-exports-outside-china": NOT_SOUGHT,
    "wowtv-2024-nk-china-trade-2023": NOT_SOUGHT,
    "xinhua-2011-inter-korean-trade-decline": NOT_SOUGHT,
    "yahoo-2024-reuters-eyelashes-video": f"Reuters' own video page is {NOT_STORED}",
    "yicai-2017-china-bans-nk-minerals-seafood": NOT_SOUGHT,
    "yonhap-2023-wigs-half-year": f"Yonhap's own page is {NOT_STORED}",
    "yonhap-2024-beauty-exports": f"Yonhap's own page is {NOT_STORED}",
    "yonhap-2024-kotra-trade-2023": NOT_SOUGHT,
    "yonhap-2024-panel-cyber-half-income": NOT_SOUGHT,
}

THIS_FILE = Path(__file__)
SHOWN_AS = "nkexports/rules/republished_copies.py"


def republisher(url: str) -> str | None:
    """The republishing site `url` lies on, if it is one."""
    parts = split(url)
    return matching_domain(parts.hostname, REPUBLISHERS) if parts else None


def _kept_line(ident: str) -> int:
    for number, line in enumerate(THIS_FILE.read_text().splitlines(), start=1):
        if line.strip().startswith(f'"{ident}":'):
            return number
    return 1


def check(docs, today, kept=None):
    kept = KEPT if kept is None else kept
    for doc, where, source in docs.sources():
        ident, url = source.get("id"), source.get("url")
        if not isinstance(url, str):
            continue
        site = republisher(url)
        place = where + ("url",)
        if site is None:
            if ident in kept:
                yield Problem(SHOWN_AS, _kept_line(ident), f"KEPT['{ident}']",
                              f"source '{ident}' is no longer on a republishing site",
                              "remove its entry from KEPT")
            continue
        if ident not in kept:
            yield Problem(doc.yaml.path, doc.yaml.line(place), dotted(place),
                          f"{site} is {REPUBLISHERS[site]}, not the original publisher",
                          f"cite the original instead; if it cannot be found, add '{ident}' with the reason "
                          f"to KEPT in {SHOWN_AS} and name the original in primary_source")
        elif not source.get("primary_source"):
            yield Problem(doc.yaml.path, doc.yaml.line(where + ("id",)), dotted(where + ("id",)),
                          f"source '{ident}' is a copy on {site} but does not name its original",
                          "name the original publication in primary_source")
