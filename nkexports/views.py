"""What pages show, derived from the observations: no figure is typed twice.

- the latest figures of a page's key indicators;
- "who says what": every reporter's figure for the same quantity, side by side;
- the figures of a page grouped by indicator, without duplicate rows;
- "what the bans did": the last annual figure before each ban and the latest after it.
"""

from __future__ import annotations

from .catalog import message, plain_text

from dataclasses import dataclass

from .dataset import Dataset, Effect, Measure, Observation, Page, Reporter, Series
from .periods import Period, period_label
from .statements import figure_ids
from .rules.agreeing_observations import agree

KEY_INDICATORS = {
    "category": ("exports-value", "exports-volume", "product-share-of-exports"),
    "partner": ("exports-value", "imports-value", "trade-value", "partner-share-of-trade"),
    "home": ("exports-value", "imports-value", "trade-value"),
}
BANNING_EFFECTS = ("ban", "partial-ban", "cap")


def in_scope(data: Dataset, kind: str, slug: str) -> list[Observation]:
    """A page's figures: those written on it, those its statements print from elsewhere, and those
    about its product or partner written elsewhere."""
    page = data.pages[(kind, slug)]
    found = {o.id: o for fact in page.facts for o in fact.observations}
    found.update((ident, data.observation_by_id[ident]) for fact in page.facts for ident in figure_ids(fact.statement))
    field = {"category": "product", "partner": "partner"}.get(kind)
    if field:
        found.update((o.id, o) for o in data.observations_where(field, slug))
    return list(found.values())


def _newest_first(observation: Observation) -> tuple:
    """Latest end first; at one end, the longest span (a full year before its last month), then the
    newest edition, then a plain figure before a hedged one."""
    period = observation.period
    return (tuple(-x for x in period.end), period.start, observation.edition is None,
            tuple(-ord(c) for c in observation.edition or ""), observation.qualifier is not None, observation.id)


def page_scope(kind: str, slug: str | None) -> tuple[str | None, str | None]:
    """(product, partner) a page's headline figures are about: a category's product traded with the
    world, a partner's trade in all goods, or (the home page) all goods with the world."""
    return {"category": (slug, None), "partner": (None, slug), "home": (None, None)}[kind]


def in_own_scope(observation: Observation, product: str | None, partner: str | None) -> bool:
    """Exactly the page's scope: that product and partner, no narrower place, HS code or label."""
    return (observation.product == product and observation.partner == partner and observation.place is None
            and observation.hs is None and observation.label is None)


def scope_note(data: Dataset, observation: Observation, product: str | None, partner: str | None) -> str | None:
    """How a figure is narrower than the page's own scope, in words a reader needs beside it:
    'China only', 'Jan–Oct 2025', 'Dandong customs only'; None for a figure of exactly the page's scope."""
    notes = []
    if observation.partner != partner and observation.partner not in (None, "other"):
        notes.append(plain_text(data.language, "%(scope)s only", scope=data.pages[('partner', observation.partner)].title))
    if observation.place:
        notes.append(plain_text(data.language, "%(scope)s only", scope=observation.place))
    if observation.product != product and observation.product not in (None, "goods-group"):
        notes.append(plain_text(data.language, "%(scope)s only", scope=data.pages[('category', observation.product)].title))
    if observation.label:
        notes.append(observation.label)
    if not observation.period.is_year and observation.coverage == "whole":
        notes.append(period_label(observation.period, data.language))
    return "; ".join(notes) or None


@dataclass(frozen=True)
class LatestFigure:
    observation: Observation
    note: str | None = None  # how it is narrower than the page, or why it is not from the block's reporter and year


FLOWS = ("exports-value", "imports-value", "trade-value")


def latest_figures(data: Dataset, kind: str, slug: str | None = None) -> list[LatestFigure]:
    """For each key indicator of the page: the newest figure for a whole year of exactly the page's
    scope, from any reporter; exports, imports and total trade from one reporter and year where the
    data allow (or saying why not); and, where a newer figure exists for part of a year or part of the
    scope, that one too, labelled as such, so that no newer figure hides behind the headline."""
    page = data.pages.get((kind, slug)) if slug else None
    indicators = (page.key_indicators if page and page.key_indicators else KEY_INDICATORS[kind])
    product, partner = page_scope(kind, slug)
    candidates = {"category": lambda: data.observations_where("product", slug),
                  "partner": lambda: data.observations_where("partner", slug),
                  "home": lambda: data.observations}[kind]()
    latest: list[LatestFigure] = []
    anchor: Observation | None = None  # the first money flow shown: the others follow its reporter and year
    for indicator in indicators:
        if indicator not in data.indicators:
            raise KeyError(f"unknown key indicator '{indicator}' for {kind} {slug}")
        found = sorted((o for o in candidates if o.indicator == indicator), key=_newest_first)
        whole = [o for o in found if in_own_scope(o, product, partner) and o.coverage == "whole" and o.period.is_year]
        within = [o for o in found if o.coverage in ("whole", "partial") and _within(o, product, partner)]
        if not whole:
            # No figure of the page's whole scope: the newest narrower one, saying how it is narrower.
            if within:
                latest.append(LatestFigure(within[0], scope_note(data, within[0], product, partner)))
            continue
        headline, note = whole[0], None
        if indicator in FLOWS and anchor is not None:
            matching = [o for o in whole if o.reporter == anchor.reporter and o.period == anchor.period]
            if matching:
                headline = matching[0]
            else:
                note = plain_text(data.language, "newest figure; %(reporter)s gives none for %(period)s",
                                  reporter=data.reporters[anchor.reporter].name,
                                  period=period_label(anchor.period, data.language))
        elif indicator in FLOWS:
            anchor = headline
        latest.append(LatestFigure(headline, note))
        newer = [o for o in within if o.period.end > headline.period.end]
        if newer:
            latest.append(LatestFigure(newer[0], scope_note(data, newer[0], product, partner)
                                       or plain_text(data.language, "newer, from %(reporter)s",
                                                     reporter=data.reporters[newer[0].reporter].name)))
    return latest


# The shares a "who buys" row can show, the one it prefers first, with what each is a share of.
PARTNER_SHARES = {"partner-share-of-exports": message("North Korea's exports"),
                  "partner-share-of-trade": message("North Korea's trade")}


@dataclass(frozen=True)
class PartnerExports:
    """One partner's row of "who buys": its page's headline exports figure, and the partner's share of
    North Korea's exports (else of its trade) where the same reporter gives one for the same period.
    A share is never computed here: a division of two records is a figure no source states."""
    page: Page
    exports: LatestFigure | None
    share: Observation | None


def partner_exports(data: Dataset) -> list[PartnerExports]:
    """Every partner page with its latest exports figure, as its own page's latest figures select it:
    the newest year first, the larger figure first within a year, partners with none at the end."""
    rows = []
    for page in data.pages_of("partner"):
        exports = next((item for item in latest_figures(data, "partner", page.slug)
                        if item.observation.indicator == "exports-value"), None)
        share = None
        if exports is not None:
            shares = sorted((o for o in data.observations_where("partner", page.slug)
                             if o.indicator in PARTNER_SHARES and o.reporter == exports.observation.reporter
                             and o.period == exports.observation.period and o.coverage == "whole"
                             and in_own_scope(o, None, page.slug)),
                            key=lambda o: (list(PARTNER_SHARES).index(o.indicator), _newest_first(o)))
            share = shares[0] if shares else None
        rows.append(PartnerExports(page, exports, share))

    def order(row: PartnerExports) -> tuple:
        if row.exports is None:
            return (1, (0, 0), 0.0, row.page.title.lower())
        figure = row.exports.observation
        return (0, tuple(-part for part in figure.period.end), -figure.amount, row.page.title.lower())
    return sorted(rows, key=order)


def _within(observation: Observation, product: str | None, partner: str | None) -> bool:
    """Part of the page's own quantity: the same goods, for part of the period or (on a page about all
    partners) one partner. Another product, a sub-total or an HS heading is another quantity."""
    return (observation.product == product and observation.hs is None and observation.place is None
            and (partner is None or observation.partner == partner)
            and (observation.label is None or observation.coverage == "partial"))


@dataclass(frozen=True)
class Comparison:
    """Every reporter's figure for one quantity in one period, and what may explain the gap."""
    subject: tuple
    observations: list[Observation]
    reporters: list[Reporter]

    @property
    def first(self) -> Observation:
        return self.observations[0]

    @property
    def anchor(self) -> str:
        """Its heading's id, the same in every edition: named by the first of its figures' ids."""
        return "compare-" + min(o.id for o in self.observations)

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
        distinct.sort(key=lambda o: (data.reporters[o.reporter].name.lower(), o.amount))
        reporters = list({o.reporter: data.reporters[o.reporter] for o in distinct}.values())
        found.append(Comparison(subject, distinct, reporters))
    # By what and when; a subject that names no partner, product or label first (the wider quantity);
    # then by a figure's id, not by words a translation changes: every edition lists the comparisons
    # in one order, under one anchor each (Comparison.anchor).
    return sorted(found, key=lambda c: (c.first.indicator, c.first.period,
                                        tuple(part is not None for part in c.subject), c.anchor))


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
    effect_kind: str  # ban, partial-ban or cap, as far as the measure's HS codes reach the product's
    covered: list[str]  # the product's HS codes the measure covers, where a partial ban names them
    before: Observation | None
    after: Observation | None


def _covers(measure_code: str, product_code: str) -> bool:
    """HS 07 covers 0709; a ban on 0709 covers only part of chapter 07."""
    return product_code.startswith(measure_code)


def effect_reach(data: Dataset, effect: Effect) -> tuple[str, list[str]]:
    """What a measure's effect does to its product, judged by the HS codes its paragraph lists: a ban
    whose codes cover all of the product's is a ban; one that covers some, or a product whose codes
    the data do not give, is a partial ban on the goods it names. An effect without HS codes is as its
    measure's text describes it."""
    if effect.effect != "ban" or not effect.hs_codes:
        return effect.effect, []
    product_codes = data.pages[("category", effect.category)].hs_codes
    covered = [code for code in effect.hs_codes if not product_codes
               or any(_covers(code, p) or _covers(p, code) for p in product_codes)]
    if product_codes and all(any(_covers(code, p) for code in effect.hs_codes) for p in product_codes):
        return "ban", []
    return ("partial-ban", covered) if covered else ("none", [])


def _annual_exports(data: Dataset, product: str) -> list[Observation]:
    """Whole-year export values of exactly the product: with the world where recorded, else with one partner."""
    annual = [o for o in data.observations_where("product", product) if o.indicator == "exports-value"
              and o.period.is_year and o.coverage == "whole" and o.place is None and o.hs is None
              and o.label is None and o.unit == "USD" and not o.is_range]
    world = [o for o in annual if o.partner is None]
    return world or annual


def ban_effects(data: Dataset) -> list[BanEffect]:
    """For each product a measure banned or capped: its export value in the last whole year before the
    year the first outright ban (or, without one, the first restriction) took effect, and in the latest
    whole year after it, from the same reporter wherever the data allow. A UN resolution binds every
    buyer, so it is preferred over one country's measure."""
    first: dict[str, tuple[Measure, Effect, str, list[str]]] = {}

    def rank(measure: Measure, kind: str) -> tuple:
        return (measure.kind != "un-resolution", kind != "ban")

    for measure in data.measures:  # oldest first
        for effect in measure.effects:
            if effect.effect not in BANNING_EFFECTS:
                continue
            kind, covered = effect_reach(data, effect)
            if kind not in BANNING_EFFECTS:
                continue
            known = first.get(effect.category)
            if known is None or rank(measure, kind) < rank(known[0], known[2]):
                first[effect.category] = (measure, effect, kind, covered)
    rows = []
    for product, (measure, effect, kind, covered) in sorted(first.items(), key=lambda item: (item[1][0].date, item[0])):
        year = int(measure.date[:4])
        annual = _annual_exports(data, product)
        after = sorted((o for o in annual if o.period.year > year), key=_newest_first)
        before = sorted((o for o in annual if o.period.year < year), key=_newest_first)
        chosen_after = after[0] if after else None
        same_reporter = [o for o in before if chosen_after and o.reporter == chosen_after.reporter
                         and o.partner == chosen_after.partner]
        rows.append(BanEffect(product, measure, effect, kind, covered, (same_reporter or before or [None])[0],
                              chosen_after))
    return rows


def primary_sources(data: Dataset, source_ids) -> list[str]:
    """What lies behind the cited reporting: a UN document symbol, or whose data it reports."""
    found = []
    for source in (data.sources[s] for s in source_ids):
        named = (plain_text(data.language, "UN document %(symbol)s", symbol=source.document_symbol)
                 if source.document_symbol else source.primary_source)
        if named and named not in found:
            found.append(named)
    return found


def _lower_first(text: str) -> str:
    """'Exports (value)' -> 'exports (value)'; 'IT freelancers' stays as it is."""
    return text if text[1:2].isupper() else text[:1].lower() + text[1:]


def figure_title(data: Dataset, observation: Observation) -> str:
    """A figure named as a reader would cite it: what it is about, then what it measures, when and
    whose: "North Korea, coal (anthracite), China: exports (value), 2016 (China customs)"."""
    about = [plain_text(data.language, "North Korea")]
    # A group of goods or a partner without a page is named by the label or the place.
    product = data.pages.get(("category", observation.product))
    partner = data.pages.get(("partner", observation.partner))
    if product:
        about.append(_lower_first(product.title))
    if partner:
        about.append(partner.title)
    if observation.place:
        about.append(observation.place)
    measured = _lower_first(data.indicators[observation.indicator].label)
    if observation.label:
        # "Other figure" says nothing a label does not say better.
        measured = observation.label if observation.indicator == "other" else f"{measured} ({observation.label})"
    return (f"{', '.join(about)}: {measured}, {period_label(observation.period, data.language)} "
            f"({data.reporters[observation.reporter].name})")


@dataclass(frozen=True)
class LatestMonth:
    """A partner's newest monthly exports figure and the figure of the same month a year earlier in
    the same series (None when that month has no figure): one reporter, so the two compare."""
    series: Series
    partner_title: str
    newest: Observation
    year_before: Observation | None

    @property
    def same_month(self) -> Period:
        """The month a year before the newest."""
        return same_month_a_year_before(self.newest.period)

    @property
    def same_month_label(self) -> str:
        """The month a year before the newest: 'Dec 2024'."""
        return period_label(self.same_month)

    @property
    def change_percent(self) -> float | None:
        """The change on the year before, in percent of it; None without a figure, or from zero."""
        if self.year_before is None or not self.year_before.amount:
            return None
        return (self.newest.amount - self.year_before.amount) / self.year_before.amount * 100


def latest_month(data: Dataset, partner: str) -> LatestMonth | None:
    """The newest month of North Korea's exports of all goods to `partner` in a monthly series; of
    several series reaching the same month, the first in the site's order."""
    newest: LatestMonth | None = None
    for series in data.series_in_order:
        if (series.frequency != "monthly" or series.indicator != "exports-value" or series.partner != partner
                or series.product is not None or series.hs is not None or series.label is not None):
            continue
        points = data.series_points(series)
        if not points or (newest is not None and points[-1].period.end <= newest.newest.period.end):
            continue
        same_month = same_month_a_year_before(points[-1].period)
        year_before = next((o for o in points if o.period == same_month), None)
        newest = LatestMonth(series, data.pages[("partner", partner)].title, points[-1], year_before)
    return newest


def same_month_a_year_before(period: Period) -> Period:
    year, month = period.start
    return Period.parse(f"{year - 1:04d}-{month:02d}")


def uncharted_points(data: Dataset, series: Series) -> list[tuple[Observation, str]]:
    """The series file's own points the chart leaves out (it draws one figure a period), each with
    why: the reason a disagreeing report gives, or the later edition that replaced it."""
    charted = {o.period.text: o for o in data.series_points(series)}
    found = []
    for point in data.earlier_editions(series):
        shown = charted.get(point.period.text)
        reason = point.reason or (shown.reason if shown is not None and shown.differs_from == point.id else None)
        if reason:
            found.append((point, reason))
        elif shown is not None and shown.edition and shown.edition != point.edition:
            found.append((point, plain_text(data.language, "The chart draws the figure published in %(edition)s instead.",
                                            edition=shown.edition)))
        else:
            found.append((point, plain_text(data.language, "Another figure for the same period. The chart draws one a "
                                            "period: a newer edition first, then a figure from the reporter's own "
                                            "publication, then the more precise, then a plain figure before a hedged one.")))
    return found
