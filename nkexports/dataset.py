"""The validated data as objects, with the cross-indexes the pages need."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .docset import DocSet


@dataclass(frozen=True)
class Source:
    id: str
    kind: str
    publisher: str
    title: str
    published: str
    url: str
    accessed: str
    author: str | None = None
    archived_url: str | None = None
    primary_source: str | None = None
    document_symbol: str | None = None
    file: str = ""


@dataclass(frozen=True)
class Value:
    amount: float
    unit: str
    period: str
    measure: str
    reporter: str


@dataclass
class Fact:
    id: str
    topic: str
    statement: str
    sources: list[str]
    values: list[Value] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    headline: bool = False
    page: "Page | None" = None


@dataclass
class Page:
    kind: str  # category, partner or topic
    slug: str
    title: str
    summary: str
    last_verified: str
    facts: list[Fact]
    file: str
    also_known_as: list[str] = field(default_factory=list)
    hs_codes: list[str] = field(default_factory=list)
    region: str | None = None

    @property
    def url(self) -> str:
        return f"{SECTION[self.kind]}{self.slug}/"


SECTION = {"category": "categories/", "partner": "partners/", "topic": ""}


@dataclass(frozen=True)
class Point:
    period: str
    amount: float
    sources: list[str]
    note: str | None = None


@dataclass
class Series:
    id: str
    title: str
    description: str
    measure: str
    reporter: str
    unit: str
    points: list[Point]
    file: str
    partner: str | None = None
    category: str | None = None


@dataclass(frozen=True)
class Effect:
    category: str
    effect: str
    detail: str


@dataclass
class Measure:
    id: str
    title: str
    kind: str
    imposed_by: str
    date: str
    summary: str
    effects: list[Effect]
    sources: list[str]
    partner: str | None = None


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    publisher: str
    author: str | None = None
    published: str | None = None


@dataclass
class Claim:
    id: str
    article: str
    claim: str
    verdict: str
    evidence: str
    sources: list[str]
    categories: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)


def _period(value) -> str:
    return str(value)


@dataclass
class Dataset:
    sources: dict[str, Source]
    pages: dict[tuple[str, str], Page]
    series: dict[str, Series]
    measures: list[Measure]
    measures_file: str | None
    measures_verified: str | None
    articles: dict[str, Article]
    claims: list[Claim]
    claims_file: str | None
    claims_verified: str | None

    @classmethod
    def from_docs(cls, docs: DocSet) -> "Dataset":
        sources = {}
        for doc in docs.of("sources"):
            for entry in doc.data["sources"]:
                sources[entry["id"]] = Source(**entry, file=doc.yaml.path)
        pages = {}
        for doc in docs.of("category", "partner", "topic"):
            data = dict(doc.data)
            facts = [_fact(f) for f in data.pop("facts")]
            page = Page(kind=doc.kind.name, facts=facts, file=doc.yaml.path, **data)
            for fact in facts:
                fact.page = page
            pages[(page.kind, page.slug)] = page
        series = {}
        for doc in docs.of("series"):
            data = dict(doc.data)
            points = [Point(**{**p, "period": _period(p["period"])}) for p in data.pop("points")]
            series[data["id"]] = Series(points=points, file=doc.yaml.path, **data)
        measures, measures_file, measures_verified = [], None, None
        for doc in docs.of("measures"):
            measures_file, measures_verified = doc.yaml.path, doc.data["last_verified"]
            for entry in doc.data["measures"]:
                entry = dict(entry)
                effects = [Effect(**e) for e in entry.pop("effects")]
                measures.append(Measure(effects=effects, **entry))
        articles, claims, claims_file, claims_verified = {}, [], None, None
        for doc in docs.of("claims"):
            claims_file, claims_verified = doc.yaml.path, doc.data["last_verified"]
            articles = {a["id"]: Article(**a) for a in doc.data["articles"]}
            claims = [Claim(**c) for c in doc.data["claims"]]
        measures.sort(key=lambda m: (m.date, m.id))
        return cls(sources, pages, series, measures, measures_file, measures_verified,
                   articles, claims, claims_file, claims_verified)

    def pages_of(self, kind: str) -> list[Page]:
        return sorted((p for p in self.pages.values() if p.kind == kind), key=lambda p: p.title.lower())

    def facts(self) -> list[Fact]:
        return [fact for page in self.pages.values() for fact in page.facts]

    def facts_about(self, kind: str, slug: str) -> list[Fact]:
        """Facts on other pages that name this page, for cross-links."""
        key = "partners" if kind == "partner" else "categories"
        return [f for f in self.facts() if slug in getattr(f, key) and f.page and f.page.slug != slug]

    def measures_for(self, category: str) -> list[tuple[Measure, Effect]]:
        return [(m, e) for m in self.measures for e in m.effects if e.category == category]

    def series_for(self, kind: str, slug: str) -> list[Series]:
        key = "partner" if kind == "partner" else "category"
        return [s for s in self.series.values() if getattr(s, key) == slug]

    def counts(self) -> dict[str, int]:
        return {
            "categories": len(self.pages_of("category")),
            "partners": len(self.pages_of("partner")),
            "facts": len(self.facts()),
            "sources": len(self.sources),
            "series points": sum(len(s.points) for s in self.series.values()),
            "measures": len(self.measures),
            "claims": len(self.claims),
        }

    def citations(self) -> dict[str, list[tuple[str, str, str]]]:
        """source id -> [(page url, anchor, label)] for every place that cites it."""
        cited = defaultdict(list)
        for fact in self.facts():
            for source in fact.sources:
                cited[source].append((fact.page.url, fact.id, fact.page.title))
        for series in self.series.values():
            for point in series.points:
                for source in point.sources:
                    cited[source].append(("figures/", f"series-{series.id}", series.title))
        for measure in self.measures:
            for source in measure.sources:
                cited[source].append(("sanctions/", measure.id, measure.title))
        for claim in self.claims:
            for source in claim.sources:
                cited[source].append(("claims/", claim.id, "Claims checked"))
        return cited


def _fact(entry: dict) -> Fact:
    entry = dict(entry)
    values = [Value(**{**v, "period": _period(v["period"])}) for v in entry.pop("values", [])]
    return Fact(values=values, **entry)
