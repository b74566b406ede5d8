"""What pages show, derived from the observations: no figure is typed twice.

- the latest figures of a page's key indicators;
- "who says what": every reporter's figure for the same quantity, side by side;
- the figures of a page grouped by indicator, without duplicate rows;
- "what the bans did": the last annual figure before each ban and the latest after it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .dataset import Dataset, Effect, Measure, Observation, Reporter
from .periods import period_label
from .rules.agreeing_observations import agree

KEY_INDICATORS = {
    "category": ("exports-value", "exports-volume", "product-share-of-exports"),
    "partner": ("exports-value", "imports-value", "trade-value", "partner-share-of-trade"),
    "home": ("exports-value", "imports-value", "trade-value"),
}
BANNING_EFFECTS = ("ban", "partial-ban", "cap")
RANGE_ENDS = ("low-estimate", "high-estimate")


def in_scope(data: Dataset, kind: str, slug: str) -> list[Observation]:
    """A page's figures: those written on it, and those about its product or partner written elsewhere."""
    page = data.pages[(kind, slug)]
    found = {o.id: o for fact in page.facts for o in fact.observations}
    field = {"category": "product", "partner": "partner"}.get(kind)
    if field:
        found.update((o.id, o) for o in data.observations_where(field, slug))
    return list(found.values())


def _newest_first(observation: Observation) -> tuple:
    """Latest end first; at one end, the longest span (a full year before its last month), then the
    newest edition, then a plain figure before a hedged one."""
    period = observation.period
    return (tuple(-x for x in period.end), period.start, tuple(-ord(c) for c in observation.edition or ""),
            observation.qualifier is not None, observation.id)


def _headline_filter(kind: str, slug: str | None):
    if kind == "category":
        return lambda o: o.product == slug and o.place is None
    if kind == "partner":
        return lambda o: o.partner == slug and o.product is None and o.place is None and o.hs is None
    return lambda o: o.partner is None and o.product is None and o.place is None and o.hs is None


def latest_figures(data: Dataset, kind: str, slug: str | None = None) -> list[Observation]:
    """For each key indicator of the page: its newest figure for a whole year and for all of the
    page's subject, from any reporter; and, where a newer figure exists for part of a year or part
    of the subject, that one too, so that no newer figure hides behind the headline."""
    page = data.pages.get((kind, slug)) if slug else None
    indicators = (page.key_indicators if page and page.key_indicators else KEY_INDICATORS[kind])
    wanted = _headline_filter(kind, slug)
    candidates = {"category": lambda: data.observations_where("product", slug),
                  "partner": lambda: data.observations_where("partner", slug),
                  "home": lambda: data.observations}[kind]()
    latest = []
    for indicator in indicators:
        if indicator not in data.indicators:
            raise KeyError(f"unknown key indicator '{indicator}' for {kind} {slug}")
        found = sorted((o for o in candidates if o.indicator == indicator and wanted(o)), key=_newest_first)
        if not found:
            continue
        whole = [o for o in found if o.label is None and o.period.is_year]
        headline = (whole or [o for o in found if o.period.is_year] or found)[0]
        latest.append(headline)
        if found[0].period.end > headline.period.end:
            latest.append(found[0])
    return latest


@dataclass(frozen=True)
class Comparison:
    """Every reporter's figure for one quantity in one period, and what may explain the gap."""
    subject: tuple
    observations: list[Observation]
    reporters: list[Reporter]

    @property
    def first(self) -> Observation:
        return self.observations[0]

    def explanations(self) -> list[str]:
        notes = []
        for observation in self.observations:
            for text in (observation.reason, observation.note):
                if text and text not in notes:
                    notes.append(text)
        return notes


def comparisons(data: Dataset, observations: list[Observation]) -> list[Comparison]:
    """Quantities for which the figures in `observations` disagree: different reporters with
    different values, or one reporter's differing compilations."""
    groups: dict[tuple, list[Observation]] = {}
    for observation in observations:
        groups.setdefault(observation.subject(), []).append(observation)
    found = []
    for subject, group in groups.items():
        distinct = _distinct(group)
        if len(distinct) < 2 or all(agree(o.amount, distinct[0].amount) for o in distinct[1:]):
            continue
        if len({o.reporter for o in distinct}) == 1 and all(o.qualifier in RANGE_ENDS for o in distinct):
            continue  # one reporter's range, not a disagreement
        distinct.sort(key=lambda o: (data.reporters[o.reporter].name.lower(), o.amount))
        reporters = list({o.reporter: data.reporters[o.reporter] for o in distinct}.values())
        found.append(Comparison(subject, distinct, reporters))
    # A subject holds None where a figure names no partner, product or label: sort those first.
    return sorted(found, key=lambda c: (c.first.indicator, c.first.period,
                                        tuple((part is not None, "" if part is None else str(part)) for part in c.subject)))


def _distinct(observations: list[Observation]) -> list[Observation]:
    """One row per reporter and value: the same figure written twice is shown once."""
    kept: list[Observation] = []
    for observation in observations:
        if not any(o.reporter == observation.reporter and o.unit == observation.unit
                   and agree(o.amount, observation.amount) and o.qualifier == observation.qualifier for o in kept):
            kept.append(observation)
    return kept


@dataclass
class FigureRow:
    observation: Observation
    ids: list[str]  # every figure this row stands for: the same figure written in several places


def figure_groups(data: Dataset, observations: list[Observation]) -> list[tuple[str, list[FigureRow]]]:
    """(indicator id, rows) in the order of data/indicators.yaml; rows by period, then reporter;
    a figure written in two places (same quantity, same value) is one row."""
    by_indicator: dict[str, list[FigureRow]] = {}
    for observation in observations:
        rows = by_indicator.setdefault(observation.indicator, [])
        same = next((row for row in rows if _same_figure(row.observation, observation)), None)
        if same is None:
            rows.append(FigureRow(observation, [observation.id]))
        else:
            same.ids.append(observation.id)
    order = list(data.indicators)
    return [(indicator, sorted(rows, key=lambda r: (r.observation.period, data.reporters[r.observation.reporter].name.lower(),
                                                    r.observation.id)))
            for indicator, rows in sorted(by_indicator.items(), key=lambda item: order.index(item[0]))]


def _same_figure(first: Observation, second: Observation) -> bool:
    return (first.key() == second.key() and first.unit == second.unit and first.amount == second.amount
            and first.qualifier == second.qualifier)


@dataclass(frozen=True)
class BanEffect:
    """One product's exports around the first measure that banned (or else restricted) it."""
    product: str
    measure: Measure
    effect: Effect
    before: Observation | None
    after: Observation | None


def ban_effects(data: Dataset) -> list[BanEffect]:
    """For each product a measure banned or capped: its last annual export value before the year
    of the first outright ban (or, without one, of the first restriction) and the latest after
    that year, from the same reporter wherever the data allow. A UN resolution binds every
    buyer, so it is preferred over one country's measure."""
    first: dict[str, tuple[Measure, Effect]] = {}

    def rank(measure: Measure, effect: Effect) -> tuple:
        return (measure.kind != "un-resolution", effect.effect != "ban")

    for measure in data.measures:  # oldest first
        for effect in measure.effects:
            if effect.effect not in BANNING_EFFECTS:
                continue
            known = first.get(effect.category)
            if known is None or rank(measure, effect) < rank(*known):
                first[effect.category] = (measure, effect)
    rows = []
    for product, (measure, effect) in sorted(first.items(), key=lambda item: (item[1][0].date, item[0])):
        year = int(measure.date[:4])
        annual = [o for o in data.observations_where("product", product) if o.indicator == "exports-value"
                  and o.period.is_year and o.place is None and o.unit == "USD"]
        after = sorted((o for o in annual if o.period.year > year), key=_newest_first)
        before = sorted((o for o in annual if o.period.year < year), key=_newest_first)
        chosen_after = after[0] if after else None
        same_reporter = [o for o in before if chosen_after and o.reporter == chosen_after.reporter]
        rows.append(BanEffect(product, measure, effect, (same_reporter or before or [None])[0], chosen_after))
    return rows


def primary_sources(data: Dataset, source_ids) -> list[str]:
    """What lies behind the cited reporting: a UN document symbol, or whose data it reports."""
    found = []
    for source in (data.sources[s] for s in source_ids):
        named = f"UN document {source.document_symbol}" if source.document_symbol else source.primary_source
        if named and named not in found:
            found.append(named)
    return found


def _lower_first(text: str) -> str:
    """'Exports (value)' -> 'exports (value)'; 'IT freelancers' stays as it is."""
    return text if text[1:2].isupper() else text[:1].lower() + text[1:]


def figure_title(data: Dataset, observation: Observation) -> str:
    """A figure named as a reader would cite it: what it is about, then what it measures, when and
    whose: "North Korea, coal (anthracite), China: exports (value), 2016 (China customs)"."""
    about = ["North Korea"]
    if observation.product:
        about.append(_lower_first(data.pages[("category", observation.product)].title))
    if observation.partner:
        about.append(data.pages[("partner", observation.partner)].title)
    if observation.place:
        about.append(observation.place)
    measured = _lower_first(data.indicators[observation.indicator].label)
    if observation.label:
        # "Other figure" says nothing a label does not say better.
        measured = observation.label if observation.indicator == "other" else f"{measured} ({observation.label})"
    return (f"{', '.join(about)}: {measured}, {period_label(observation.period)} "
            f"({data.reporters[observation.reporter].name})")
