"""The validated data as objects, with the cross-indexes the pages need."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from .docset import Doc, DocSet, value_at
from .kinds import page_section
from .numbers import significant_digits
from .periods import Period, frequency_of
from .statements import plain_text
from .urls import figures_path_of, url_of


@dataclass(frozen=True)
class Source:
    id: str
    kind: str
    publisher: str
    title: str
    published: str
    url: str
    accessed: str
    title_en: str | None = None  # the title in each edition's language, for one published in another
    title_ko: str | None = None
    author: str | None = None
    archived_url: str | None = None
    primary_source: str | None = None
    document_symbol: str | None = None
    file: str = ""


@dataclass(frozen=True)
class Indicator:
    id: str
    label: str
    definition: str
    unit_kind: str
    aggregation: str
    stated_in_advance: bool = False


@dataclass(frozen=True)
class Reporter:
    id: str
    name: str
    kind: str
    method: str
    revises: bool
    sources: list[str] = field(default_factory=list)
    months_to_publish: int | None = None  # how long after a period ends its figures usually appear


@dataclass(frozen=True)
class Observation:
    """One figure, wherever it is written: in a fact's `observations` or as a series point."""
    id: str
    indicator: str
    reporter: str
    period: Period
    amount: float  # the low end of a range
    unit: str
    sources: tuple[str, ...]
    coverage: str = "whole"
    high: float | None = None  # the high end of a range; None for a single figure
    basis: str | None = None
    partner: str | None = None
    product: str | None = None
    hs: str | None = None
    place: str | None = None
    qualifier: str | None = None
    label: str | None = None
    via: str | None = None
    edition: str | None = None
    note: str | None = None
    differs_from: str | None = None
    reason: str | None = None
    last_verified: str | None = None  # YYYY-MM-DD: when someone last checked it against its source
    written_in: str = ""  # the fact id or series id it is written in
    file: str = ""

    @property
    def is_range(self) -> bool:
        return self.high is not None

    @property
    def is_whole(self) -> bool:
        """Covers the whole of its period and all of its product and partner: a headline or series figure."""
        return self.coverage == "whole" and self.label is None and self.place is None and not self.is_range

    def key(self) -> tuple:
        """What the figure measures: two observations with one key are the same quantity and must agree.
        A label narrows the quantity (only iron ore, only the first half), and so does a partial coverage."""
        return (self.indicator, self.reporter, self.period.text, self.coverage, self.partner, self.product, self.hs,
                self.place, self.edition, self.label)

    def subject(self) -> tuple:
        """What is measured regardless of whose figure: rows of a "who says what" comparison."""
        return (self.indicator, self.period.text, self.coverage, self.partner, self.product, self.hs, self.place,
                self.label, self.unit)


@dataclass
class Fact:
    id: str
    topic: str
    statement: str
    sources: list[str]
    observations: list[Observation] = field(default_factory=list)
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

    key_indicators: list[str] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"{page_section(self.kind)}{self.slug}/"


@dataclass
class Series:
    """A named query: every yearly (or, for a monthly series, every single-month) observation of one
    indicator from one reporter, of one partner and product, wherever it is written. The series
    file's own points are among them."""
    id: str
    title: str
    description: str
    indicator: str
    reporter: str
    unit: str
    file: str
    partner: str | None = None
    product: str | None = None
    hs: str | None = None
    label: str | None = None
    via: str | None = None
    frequency: str = "yearly"

    @classmethod
    def from_entry(cls, entry: dict, file: str) -> "Series":
        fields = {k: v for k, v in entry.items() if k != "points"}
        if fields.get("product") == ALL_GOODS:
            fields["product"] = None
        if fields.get("partner") == WORLD:
            fields["partner"] = None
        return cls(file=file, **fields)

    @property
    def quantity(self) -> tuple:
        """What the series measures and how often, whoever reports it: series of one quantity share a chart."""
        return (self.indicator, self.unit, self.partner, self.product, self.hs, self.label, self.frequency)

    def matches(self, observation: Observation) -> bool:
        """Exactly the series' quantity: same indicator, reporter, unit, product, HS code and partner, a whole
        year (a whole month for a monthly series), no narrower place, the series' own label (a labelled
        sub-total never enters a total), no range."""
        return (observation.indicator == self.indicator and observation.reporter == self.reporter
                and observation.unit == self.unit and observation.partner == self.partner
                and observation.product == self.product and observation.hs == self.hs
                and observation.place is None and frequency_of(observation.period) == self.frequency
                and observation.coverage == "whole"
                and observation.label == self.label and not observation.is_range)


@dataclass(frozen=True)
class Effect:
    category: str
    effect: str
    detail: str
    hs_codes: list[str] = field(default_factory=list)
    paragraph: str | None = None


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


@dataclass
class Dataset:
    sources: dict[str, Source]
    pages: dict[tuple[str, str], Page]
    series: dict[str, Series]
    observations: list[Observation]
    indicators: dict[str, Indicator]
    reporters: dict[str, Reporter]
    measures: list[Measure]
    measures_file: str | None
    measures_verified: str | None
    articles: dict[str, Article]
    claims: list[Claim]
    claims_file: str | None
    claims_verified: str | None
    language: str = "en"  # the edition's language: the words of the data are in it where translated
    # (key, field) of each text shown in English in another language's edition (nkexports/translations.py)
    in_english: frozenset[tuple[str, str]] = frozenset()
    # Series ids in the order of their English titles: every edition puts each series on the same
    # figures page (and address) as the English one. None: the order of this dataset's own titles.
    series_order: tuple[str, ...] | None = None

    @classmethod
    def from_docs(cls, docs: DocSet) -> "Dataset":
        sources = {}
        for doc in docs.of("sources"):
            for entry in doc.data["sources"]:
                sources[entry["id"]] = Source(**entry, file=doc.yaml.path)
        observations: list[Observation] = []
        pages = {}
        for doc in docs.of("category", "partner", "topic"):
            data = dict(doc.data)
            facts = [_fact(f, doc.yaml.path) for f in data.pop("facts")]
            page = Page(kind=doc.kind.name, facts=facts, file=doc.yaml.path, **data)
            for fact in facts:
                fact.page = page
                observations.extend(fact.observations)
            pages[(page.kind, page.slug)] = page
        series = {}
        for doc in docs.of("series"):
            one = Series.from_entry(doc.data, doc.yaml.path)
            series[one.id] = one
            observations.extend(_series_point(one, point) for point in doc.data["points"])
        indicators = {e["id"]: Indicator(**e) for d in docs.of("indicators") for e in d.data["indicators"]}
        reporters = {e["id"]: Reporter(**e) for d in docs.of("reporters") for e in d.data["reporters"]}
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
        return cls(sources, pages, series, observations, indicators, reporters, measures, measures_file,
                   measures_verified, articles, claims, claims_file, claims_verified)

    def statement_text(self, fact: Fact) -> str:
        """The fact's statement as readers see it, each [[id]] written out from its record."""
        return plain_text(fact.statement, self.observation_by_id)

    def pages_of(self, kind: str) -> list[Page]:
        return sorted((p for p in self.pages.values() if p.kind == kind), key=lambda p: p.title.lower())

    def facts(self) -> list[Fact]:
        return [fact for page in self.pages.values() for fact in page.facts]

    def facts_about(self, kind: str, slug: str) -> list[Fact]:
        """Facts on other pages that name this page, for cross-links."""
        return [f for f in self._facts_naming.get((kind, slug), []) if f.page and f.page.slug != slug]

    @cached_property
    def _facts_naming(self) -> dict[tuple[str, str], list[Fact]]:
        index: dict[tuple[str, str], list[Fact]] = defaultdict(list)
        for fact in self.facts():
            for slug in fact.partners:
                index[("partner", slug)].append(fact)
            for slug in fact.categories:
                index[("category", slug)].append(fact)
        return index

    def measures_for(self, category: str) -> list[tuple[Measure, Effect]]:
        return [(m, e) for m in self.measures for e in m.effects if e.category == category]

    def series_points(self, series: Series) -> list[Observation]:
        """The series as a query over every observation: one point per year, the newest edition
        where several were published, figures without a qualifier before qualified ones."""
        return self._series_points[series.id]

    @cached_property
    def _series_points(self) -> dict[str, list[Observation]]:
        by_query: dict[tuple, list[Observation]] = defaultdict(list)
        for observation in self.observations:
            by_query[_query(observation)].append(observation)
        points = {}
        for series in self.series.values():
            by_year: dict[str, Observation] = {}
            matching = (o for o in by_query[_query(series)] if series.matches(o))
            for observation in sorted(matching, key=lambda o: preference(o, series.id, self.sources)):
                by_year.setdefault(observation.period.text, observation)
            points[series.id] = sorted(by_year.values(), key=lambda o: o.period)
        return points

    def earlier_editions(self, series: Series) -> list[Observation]:
        """The series file's own points that a newer edition (or a preferred point) replaces in the
        series: shown beside it, so that every figure the file gives is on a page."""
        shown = {o.id for o in self.series_points(series)}
        return [o for o in self._written_in.get(series.id, []) if o.id not in shown]

    @cached_property
    def _written_in(self) -> dict[str, list[Observation]]:
        """Where each observation is written (a series' id, for its points) -> those observations: one
        pass, where asking every series of every observation grows as their product."""
        found: dict[str, list[Observation]] = defaultdict(list)
        for observation in self.observations:
            found[observation.written_in].append(observation)
        return found

    def series_for(self, kind: str, slug: str) -> list[Series]:
        """The series a page draws: a category's (its product, any partner), or a partner's trade in
        all goods. A partner's series of one product is drawn on that product's page
        (product_series_of), which a phone would otherwise scroll past twice."""
        if kind == "partner":
            return [s for s in self._series_by.get(("partner", slug), []) if ("category", s.product) not in self.pages]
        return list(self._series_by.get(("product", slug), []))

    @cached_property
    def _series_by(self) -> dict[tuple[str, str], list[Series]]:
        """("partner" or "product", slug) -> its series, in the order written: each page finds its own
        without going through every series."""
        found: dict[tuple[str, str], list[Series]] = defaultdict(list)
        for series in self.series.values():
            found[("partner", series.partner)].append(series)
            found[("product", series.product)].append(series)
        return found

    def product_series_of(self, partner: str) -> list[Series]:
        """A partner's series of one product that has a page, each drawn on that page."""
        return [s for s in self.series_in_order if s.partner == partner and ("category", s.product) in self.pages]

    @cached_property
    def series_in_order(self) -> list[Series]:
        """Every series in the order the figures pages list them: by (English) title."""
        if self.series_order is not None:
            return [self.series[ident] for ident in self.series_order]
        return sorted(self.series.values(), key=lambda s: (s.title.lower(), s.id))

    @cached_property
    def series_of_quantity(self) -> dict[tuple, list[Series]]:
        """Series.quantity -> its series, in the figures pages' order: found once, not by comparing every
        series with every other (a hundred times the data would make that ten thousand times the work)."""
        grouped: dict[tuple, list[Series]] = {}
        for series in self.series_in_order:
            grouped.setdefault(series.quantity, []).append(series)
        return grouped

    @cached_property
    def series_rank(self) -> dict[str, int]:
        return {s.id: n for n, s in enumerate(self.series_in_order)}

    @cached_property
    def observation_by_id(self) -> dict[str, Observation]:
        return {o.id: o for o in self.observations}

    @cached_property
    def fact_pages(self) -> dict[str, Page]:
        return {fact.id: page for page in self.pages.values() for fact in page.facts}

    @cached_property
    def by_field(self) -> dict[tuple[str, str], list[Observation]]:
        """('product', 'coal') -> the observations about coal; also by partner, indicator, written_in."""
        index: dict[tuple[str, str], list[Observation]] = defaultdict(list)
        for observation in self.observations:
            for name in ("product", "partner", "indicator", "written_in"):
                value = getattr(observation, name)
                if value is not None:
                    index[(name, value)].append(observation)
        return index

    def observations_where(self, name: str, value: str) -> list[Observation]:
        return self.by_field.get((name, value), [])

    def counts(self) -> dict[str, int]:
        return {
            "categories": len(self.pages_of("category")),
            "partners": len(self.pages_of("partner")),
            "facts": len(self.facts()),
            "sources": len(self.sources),
            "observations": len(self.observations),
            "series": len(self.series),
            "indicators": len(self.indicators),
            "reporters": len(self.reporters),
            "measures": len(self.measures),
            "claims": len(self.claims),
        }

    def citations(self) -> dict[str, list[tuple[str, str, str]]]:
        """source id -> [(page url, anchor, label)] for every place that cites it."""
        cited = defaultdict(list)
        for fact in self.facts():
            for source in fact.sources:
                cited[source].append((fact.page.url, fact.id, fact.page.title))
            for observation in fact.observations:
                for source in observation.sources:
                    if source not in fact.sources:
                        cited[source].append((fact.page.url, fact.id, fact.page.title))
        for observation in self.observations:
            if observation.written_in in self.series:
                series = self.series[observation.written_in]
                page = url_of(figures_path_of(self.series_rank[series.id]))
                for source in observation.sources:
                    cited[source].append((page, f"series-{series.id}", series.title))
        for measure in self.measures:
            for source in measure.sources:
                cited[source].append(("sanctions/", measure.id, measure.title))
        for claim in self.claims:
            for source in claim.sources:
                cited[source].append(("claims/", claim.id, "Claims checked"))
        for reporter in self.reporters.values():
            for source in reporter.sources:
                cited[source].append(("methodology/", f"reporter-{reporter.id}", reporter.name))
        return cited


def _query(entry) -> tuple:
    """What a series asks of an observation, as a key to find the candidates at once."""
    return (entry.indicator, entry.reporter, entry.unit, entry.partner, entry.product, entry.hs)


# Source kinds that are a reporter's own publication or an official document, not a press restatement.
PRIMARY_SOURCE_KINDS = ("government", "un-document", "dataset", "report", "academic")


def preference(observation: Observation, series_id: str, sources: dict) -> tuple:
    """Which of several figures for one series point a page shows, best first. The one order, applied in turn:
    1. the series file's own point, which its maintainers chose for the series;
    2. the newest edition (a reporter's revision), a figure that names its edition before one that does not;
    3. a figure cited to the reporter's own publication or an official document before a press restatement;
    4. the more precise figure before a rounded one;
    5. a plain figure before a hedged one ('about', 'almost');
    6. the id, so that the choice never depends on file order."""
    edition = observation.edition
    primary = any(sources[s].kind in PRIMARY_SOURCE_KINDS for s in observation.sources if s in sources)
    return (observation.written_in != series_id, edition is None, tuple(-ord(c) for c in edition or ""),
            not primary, -significant_digits(observation.amount), observation.qualifier is not None, observation.id)


OBSERVATION_FIELDS = ("indicator", "reporter", "amount", "unit", "coverage", "high", "basis", "partner", "product", "hs",
                      "place", "qualifier", "label", "via", "edition", "note", "differs_from", "reason", "last_verified")
# How a file writes "everything" in a scope field, and how the model holds it.
ALL_GOODS, WORLD = "all-goods", "world"


def _observation(entry: dict, ident: str, sources, written_in: str, file: str, defaults: dict | None = None) -> Observation:
    fields = {**(defaults or {}), **{k: entry[k] for k in OBSERVATION_FIELDS if k in entry}}
    if "low" in entry:
        fields["amount"] = entry["low"]
    if fields.get("product") == ALL_GOODS:
        fields["product"] = None
    if fields.get("partner") == WORLD:
        fields["partner"] = None
    return Observation(id=entry.get("id", ident), period=Period.parse(entry["period"]),
                       sources=tuple(entry.get("sources", sources)), written_in=written_in, file=file, **fields)


def written_observations(docs: DocSet) -> list[tuple[Doc, tuple, Observation]]:
    """Every observation the files write, with where it is written, for the rules that compare them.
    Entries too malformed to read are left to the schema's messages."""
    found = []
    for doc, where, entry in docs.observations():
        fact = value_at(doc.data, where[:-2])
        try:
            found.append((doc, where, _observation(entry, f"{fact.get('id')}-{where[-1] + 1}", fact.get("sources", ()),
                                                   fact.get("id"), doc.yaml.path)))
        except (KeyError, TypeError, ValueError):
            continue
    for doc in docs.of("series"):
        try:
            series = Series.from_entry(doc.data, doc.yaml.path)
        except TypeError:
            continue
        for where, point in doc.items("points"):
            try:
                found.append((doc, where, _series_point(series, point)))
            except (KeyError, TypeError, ValueError):
                continue
    return found


def _fact(entry: dict, file: str) -> Fact:
    entry = dict(entry)
    listed = entry.pop("observations", [])
    observations = [_observation(o, f"{entry['id']}-{n}", entry["sources"], entry["id"], file)
                    for n, o in enumerate(listed, 1)]
    return Fact(observations=observations, **entry)


SERIES_DEFAULTS = ("indicator", "reporter", "unit", "partner", "product", "hs", "label", "via")


def series_point_id(series_id: str, point: dict) -> str:
    """<series>-<period>, and -<edition> where the point names the edition it comes from."""
    tail = "-".join(str(point[k]) for k in ("period", "edition") if point.get(k) is not None)
    return f"{series_id}-{tail}".replace("/", "-")


def _series_point(series: Series, point: dict) -> Observation:
    defaults = {k: getattr(series, k) for k in SERIES_DEFAULTS}
    return _observation(point, series_point_id(series.id, point), point["sources"], series.id, series.file, defaults)
