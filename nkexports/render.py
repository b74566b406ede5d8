"""Assemble the generated pages: Markdown rendered through Jinja templates that escape every value.

Addresses come from urls.py, links from links.py, and every figure a page shows from views.py.
"""

from __future__ import annotations

import datetime
import functools
import unicodedata

import jinja2

from . import catalog, urls, views
from .catalog import message
from .chart_data import chart_of
from .charts import chart_markup, draw_ahead
from .cite import KIND_LABELS, source_entry, source_name
from .dataset import Dataset, Fact, Observation, Page, Source
from .downloads import listed_downloads
from .escape import front_matter_string, html_text, markdown_identifier
from .kinds import SCHEMA_DIR
from .change_log import CommitLog
from .links import Links, relative
from .freshness import next_figure
from .numbers import exact_value, figure_text
from .periods import period_label
from .statements import Figure, Plain, parts
from .text import Trusted, attribute, inert
from .topics import HEADINGS

EFFECT_LABELS = {"ban": message("Banned"), "cap": message("Capped"), "partial-ban": message("Partly banned"),
                 "lifted": message("Lifted"), "other": message("Restricted")}
VERDICT_LABELS = {"supported": message("supported"), "partly-supported": message("partly supported"),
                  "contradicted": message("contradicted"), "unverifiable": message("unverifiable"),
                  "out-of-date": message("out of date")}
# About 30 phone screens at 375 px: a bibliography entry takes about a third of a screen there.
BIBLIOGRAPHY_PAGE = 100
# A kind's bibliography pages, by the first letter of the publisher: a page holds the publishers
# from its letter up to the next page's letter, so adding a source never moves another one to a
# different page (and anchor). When a page grows past BIBLIOGRAPHY_PAGE entries, a test says so:
# add a letter here, which moves the sources after it once, on purpose.
BIBLIOGRAPHY_SPLITS = {"news": ("e", "m", "r", "t")}
FACT_OPENING_WORDS = 12
def page_path(page: Page) -> str:
    return urls.page_path(page.kind, page.slug)


def point_anchor(observation: Observation) -> str:
    """A series row's id: apart from the observation's own id, which its "All figures" row holds."""
    return f"point-{markdown_identifier(observation.id)}"


def row_citation(anchor: str, observation: Observation, named: str, cite: str) -> Trusted:
    """A table row's small cite link, named for screen readers by the figure it cites (`named`).
    Without the page's script it leads to "Cite this page" and the page's citation files; with it,
    it opens the row's citation, which figure_citations.py writes."""
    return Trusted(f' <a href="#cite-this-page" class="cite-row" data-cite="{attribute(anchor)}" '
                   f'data-figure="{attribute(observation.id)}">{inert(cite)}<span class="visually-hidden"> '
                   f'{inert(named)}</span></a>')


def figure_element(observation: Observation, language: str = "en") -> Trusted:
    """The figure as a reader sees it, in the edition's language, inside an HTML data element whose
    value is the record's exact amount (low/high for a range), so that a program reads the number the
    page shows, the same in every edition."""
    return Trusted(f'<data class="figure" value="{attribute(exact_value(observation.amount, observation.high))}" '
                   f'data-figure="{attribute(observation.id)}">{inert(figure_text(observation, language))}</data>')


def change_element(change: float) -> Trusted:
    """A change in percent: exact in the data element's value, to one decimal and unsigned in its text
    (the words around it say up or down)."""
    return Trusted(f'<data class="change" value="{attribute(change)}">{abs(change):.1f}%</data>')


# Stands for a figure while the words around it are escaped as one text: escaping fragments alone
# would strip the spaces that join them.
_FIGURE_SLOT = "\ue000"


def _initials(start: str, end: str | None) -> str:
    """'A–N' for the publishers from '' up to 'o'; 'O–Z' from 'o' on."""
    first = (start or "a").upper()
    last = "Z" if end is None else chr(ord(end) - 1).upper()
    return f"{first}–{last}"


OTHER_INITIALS = message("other scripts")


def _filed_in(initial: str | None, bounds: tuple[str, str | None] | None) -> bool:
    """Whether a publisher filed under `initial` belongs to the letters from `bounds[0]` up to
    (not including) `bounds[1]`; bounds None is the page of other scripts."""
    if bounds is None:
        return initial is None
    start, end = bounds
    return initial is not None and start <= initial and (end is None or initial < end)


def publisher_initial(publisher: str) -> str | None:
    """What a bibliography files a publisher under: its first letter or digit, accents removed, so
    that a mark or emoji in front does not move it; None when that is in another script than Latin
    (Hangul, Chinese), which a page of its own lists after Z."""
    for char in unicodedata.normalize("NFKD", publisher).casefold():
        if char.isalnum():
            return char if char.isascii() else None
    return None


def _environment(language: str) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("nkexports", "templates"),
        finalize=inert, autoescape=False, undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.globals["_"] = functools.partial(catalog.markdown_text, language)
    env.globals["_plain"] = functools.partial(catalog.plain_text, language)
    return env


class Renderer:
    """Renders every generated page of one dataset; each page gets its own footnote set."""

    def __init__(self, data: Dataset, fact_citation=None, today: datetime.date | None = None):
        """`fact_citation(fact) -> str`, when given, adds a ready-made citation to every fact;
        `today` is the day the pages say which figures are due by (the build's day by default)."""
        self.data = data
        self.fact_citation = fact_citation
        self.today = today or datetime.date.today()
        self.env = _environment(data.language)
        self.translated = functools.partial(catalog.plain_text, data.language)  # a message in the edition's language
        self.env.filters["attr"] = attribute
        self.env.filters["identifier"] = lambda value: Trusted(markdown_identifier(value))

    def _render(self, template: str, here: str, already_defined: set[str] | None = None, **context) -> str:
        """Render `template` for the page at `here`, with footnote definitions for what it cites,
        except those in `already_defined` (a page that assembles several snippets)."""
        cited_ids: list[str] = []
        links = Links(self.data, here)

        def refs(source_ids) -> Trusted:
            for source_id in source_ids:
                if source_id not in cited_ids:
                    cited_ids.append(source_id)
            return Trusted("".join(f"[^{markdown_identifier(s)}]" for s in source_ids))

        def related_links(entry) -> Trusted:
            return Trusted(", ".join([links.slug("partner", s) for s in entry.partners]
                                     + [links.slug("category", s) for s in entry.categories]))

        def statement(fact: Fact) -> Trusted:
            """The statement with each [[id]] printed from its record, followed by that figure's own
            footnotes, and the fact's other sources (for what it says in words) at the end."""
            figures, words, cited = [], [], set()
            for part in parts(fact.statement):
                if isinstance(part, Figure):
                    observation = self.data.observation_by_id[part.id]
                    figures.append(figure_element(observation, self.data.language) + refs(observation.sources))
                    cited.update(observation.sources)
                    words.append(_FIGURE_SLOT)
                elif isinstance(part, Plain):
                    words.append(part.number)
                else:
                    words.append(part.text.replace(_FIGURE_SLOT, ""))
            pieces = inert("".join(words)).split(_FIGURE_SLOT)
            joined = "".join(piece + figure for piece, figure in zip(pieces, figures + [""]))
            # A source already footnoted at a figure of the sentence is not footnoted again at its end.
            return Trusted(joined + refs([s for s in fact.sources if s not in cited]))

        helpers = dict(
            statement=statement,
            refs=refs,
            links=links,
            related_links=related_links,
            figure=lambda observation: figure_element(observation, self.data.language),
            language=self.data.language,
            bold=lambda value: Trusted(f"**{inert(value)}**"),
            code=lambda value: Trusted(f"<code>{html_text(value)}</code>"),
            markdown_link=lambda url, text: Trusted(f"[{inert(text)}]({url})"),
            change_element=change_element,
            shown_in_english=lambda key, field: (key, field) in self.data.in_english,
            period=lambda o: period_label(o.period, self.data.language),
            period_text=lambda period: period_label(period, self.data.language),
            month_text=lambda year_month: catalog.month_of_year(self.data.language, *year_month),
            reporter_name=lambda o: self.data.reporters[o.reporter].name,
            indicator_label=lambda ident: self.data.indicators[ident].label,
            indicator=lambda ident: self.data.indicators[ident],
            what=self._what,
            page_link=links.page,
            partner_link=lambda slug: links.slug("partner", slug),
            category_link=lambda slug: links.slug("category", slug),
            measure_link=links.measure,
            sanctions_link=links.sanctions,
            methodology_link=links.methodology,
            local_anchor=links.local,
            measure_categories=lambda m: Trusted(", ".join(links.slug("category", e.category) for e in m.effects)
                                                 or self.translated("all goods")),
            effect_label=EFFECT_LABELS.__getitem__,
            effect_scope=lambda e: "; ".join(filter(None, [e.paragraph, e.hs_codes and "HS " + ", ".join(e.hs_codes)])),
            verdict_label=VERDICT_LABELS.__getitem__,
            source_entry=lambda source: source_entry(source, self.data.language),
            series_points=self.data.series_points,
            uncharted_points=lambda series: views.uncharted_points(self.data, series),
            next_figure=lambda series: next_figure(self.data, series, self.today),
            chart_of=lambda series: chart_of(self.data, series),
            chart=lambda chart: Trusted(chart_markup(chart)),
            primary_sources=self.primary_sources,
            fact_citation=self.fact_citation,
            point_anchor=point_anchor,
            row_citation=lambda anchor, o: row_citation(anchor, o, self._figure_name(o), self.translated("Cite")),
            series_elsewhere=lambda listed: Trusted("; ".join(
                links.to(urls.page_path("category", s.product), s.title, f"series-{s.id}") for s in listed)),
            context_link=lambda o: links.written_at(o, self.translated("context"),
                                                    self.translated("of %(figure)s", figure=self._figure_name(o))),
            figure_name=self._figure_name,
            fact_opening=self._fact_opening,
            yaml_text=lambda value: Trusted(front_matter_string(value if value is not None else "")),
            yaml_list=lambda values: Trusted("[" + ", ".join(front_matter_string(v) for v in values) + "]"),
        )
        body = self.env.get_template(template).render(**helpers, **context)
        # The body, once rendered, tells which sources it cited: their definitions go last.
        new_ids = [s for s in cited_ids if s not in (already_defined or set())]
        if already_defined is not None:
            already_defined.update(new_ids)
        sources = [self.data.sources[s] for s in new_ids]
        return body + self.env.get_template("_footnotes.md.j2").render(
            cited_sources=sources, source_entry=lambda source: source_entry(source, self.data.language))

    def _what(self, observation: Observation, with_indicator: bool = False) -> str:
        """What a figure counts beyond its indicator: partner, product, place, label."""
        parts = [self.data.indicators[observation.indicator].label] if with_indicator else []
        product = self.data.pages.get(("category", observation.product))
        partner = self.data.pages.get(("partner", observation.partner))
        if product:
            parts.append(product.title)
        if partner:
            parts.append(self.translated("with %(partner)s", partner=partner.title))
        if observation.place:
            parts.append(observation.place)
        if observation.hs:
            parts.append(f"HS {observation.hs}")
        if observation.label:
            parts.append(observation.label)
        return "; ".join(parts) or self.translated("all goods, all partners")

    def snippet(self, template: str, here: str, already_defined: set[str], **context) -> str:
        """A piece of a hand-written page (the home page's latest figures, say)."""
        return self._render(template, here, already_defined, **context)

    def _fact_opening(self, fact: Fact) -> str:
        """A fact's first words, which name its link for screen readers apart from the page's others."""
        words = self.data.statement_text(fact).split()
        return " ".join(words[:FACT_OPENING_WORDS]) + ("…" if len(words) > FACT_OPENING_WORDS else "")

    def _figure_name(self, observation: Observation) -> str:
        """A figure named in words apart from every other on its page: its value and what it is,
        "US$1.2 billion, North Korea, coal: exports (value), 2016 (China customs)"."""
        edition = self.translated(", %(edition)s edition", edition=observation.edition) if observation.edition else ""
        return f"{figure_text(observation, self.data.language)}, {views.figure_title(self.data, observation)}{edition}"

    def primary_sources(self, fact: Fact) -> list[str]:
        return views.primary_sources(self.data, fact.sources)

    def content_page(self, page: Page) -> str:
        here = page_path(page)
        scope = views.in_scope(self.data, page.kind, page.slug)
        context = dict(
            page=page, headings=HEADINGS[page.kind], related_pages=self._related_pages(page),
            series_list=self.data.series_for(page.kind, page.slug),
            product_series=self.data.product_series_of(page.slug) if page.kind == "partner" else [],
            latest=views.latest_figures(self.data, page.kind, page.slug) if page.kind in views.KEY_INDICATORS else [],
            in_table=True,
            month=views.latest_month(self.data, page.slug) if page.kind == "partner" else None,
            comparisons=views.comparisons(self.data, scope),
            figure_groups=views.figure_groups(self.data, scope),
            title=page.title, description=page.summary, data_file=page.file, last_verified=page.last_verified,
            search_terms=page.also_known_as,
            restrictions=self.data.measures_for(page.slug) if page.kind == "category" else [],
            partner_measures=[m for m in self.data.measures if m.partner == page.slug] if page.kind == "partner" else [],
            # The methodology page explains every reporter, and is where figures link to explain one.
            reporters=list(self.data.reporters.values()) if here == urls.METHODOLOGY else [],
        )
        return self._render(f"{page.kind}.md.j2", here, **context)

    def _related_pages(self, page: Page) -> list[Page]:
        """Pages this one names in its facts, and pages whose facts name this one."""
        slugs: set[tuple[str, str]] = set()
        for fact in page.facts:
            slugs.update(("partner", s) for s in fact.partners)
            slugs.update(("category", s) for s in fact.categories)
        if page.kind in ("category", "partner"):
            slugs.update((f.page.kind, f.page.slug) for f in self.data.facts_about(page.kind, page.slug))
        slugs.discard((page.kind, page.slug))
        return sorted((self.data.pages[s] for s in slugs), key=lambda p: (p.kind, p.title.lower()))

    def sanctions_page(self) -> str:
        return self._render("sanctions.md.j2", urls.SANCTIONS, measures=self.data.measures,
                            ban_effects=views.ban_effects(self.data),
                            title=self.translated("Sanctions and trade measures"),
                            description=self.translated("Every UN Security Council resolution and national measure that "
                                                        "restricted North Korea's exports."),
                            data_file=self.data.measures_file, last_verified=self.data.measures_verified)

    def claims_page(self) -> str:
        return self._render("claims.md.j2", urls.CLAIMS, articles=list(self.data.articles.values()),
                            claims=self.data.claims, title=self.translated("Claims checked"),
                            description=self.translated("Popular claims about North Korea's exports, checked against sources."),
                            data_file=self.data.claims_file, last_verified=self.data.claims_verified)

    def changes_page(self, logs: list[CommitLog], repo_url: str, site_paths) -> str:
        """The recent changes to the data, `logs` newest first (empty outside a git checkout),
        linking the pages each touches that the site still has (`site_paths`, under docs/)."""
        here = urls.CHANGES
        links = Links(self.data, here)
        known = {urls.url_of(path): path for path in site_paths}

        def page_links(addresses) -> Trusted:
            return Trusted(", ".join(links.to(known[a], a.rstrip("/") or "home") for a in addresses if a in known))

        return self._render("changes.md.j2", here, logs=logs, repo_url=repo_url.rstrip("/"), page_links=page_links,
                            feed_link=Trusted(relative(here, urls.CHANGES_FEED)), title=self.translated("Changes to the figures"),
                            description=self.translated("What the latest changes to the data added, removed and changed, "
                                                        "figure by figure."),
                            data_file="data/", last_verified="", exclude_from_search=True)

    def figures_paths(self) -> list[tuple[int, str]]:
        """(number, path) of every page of annual figures, the first one first."""
        count = -(-len(self.data.series) // urls.SERIES_PER_FIGURES_PAGE)
        return [(n + 1, urls.figures_path(n)) for n in range(count)]

    def figures_pages(self) -> dict[str, str]:
        """The annual series, SERIES_PER_FIGURES_PAGE to a page, by title; each page links the others."""
        ordered = self.data.series_in_order
        size = urls.SERIES_PER_FIGURES_PAGE
        chunks = [ordered[i:i + size] for i in range(0, len(ordered), size)]
        pages = {}
        for number, chunk in enumerate(chunks):
            here = urls.figures_path(number)
            others = [(n + 1, urls.figures_path(n)) for n in range(len(chunks))] if len(chunks) > 1 else []
            suffix = "" if number == 0 else " " + self.translated("(%(number)s of %(count)s)", number=number + 1,
                                                                  count=len(chunks))
            pages[here] = self._render(
                "figures.md.j2", here, series_list=chunk, series_heading_level=2, page_number=number + 1,
                other_pages=[(n, Links(self.data, here).to(path, str(n), unseen=" " + self.translated("(page of series)"))) for n, path in others],
                title=self.translated("Figures by year and month") + suffix,
                description=self.translated("North Korea's exports and trade by year, and by month where a reporter gives "
                                            "months; each series from one reporter, every point sourced."),
                data_file="data/series/", last_verified="")
        return pages

    def data_page(self, schema_names: list[str]) -> str:
        def download_link(name: str) -> Trusted:
            href = f"../{urls.edition_root(self.data.language)}{urls.DOWNLOAD_DIR}/{name}"
            return Trusted(f'<a href="{attribute(href)}">{inert(name.rsplit("/", 1)[-1])}</a>')
        return self._render("data.md.j2", urls.DATA, downloads=listed_downloads(),
                            schemas=[f"schemas/{n}" for n in schema_names], download_link=download_link,
                            title=self.translated("Data and downloads"),
                            description=self.translated("All figures, facts, series and sources as CSV and JSON, with the "
                                                        "schemas and the licence."),
                            data_file="data/", last_verified="")

    def _source_pages(self) -> list[tuple[str, str, list]]:
        """(label, path, sources) of each bibliography page: one per kind of source, split by the
        publisher's initial where BIBLIOGRAPHY_SPLITS says, so that no page outgrows a phone."""
        pages = []
        for kind, english_label in KIND_LABELS.items():
            label = self.translated(english_label)
            entries = sorted((s for s in self.data.sources.values() if s.kind == kind),
                             key=lambda s: (s.publisher.lower(), s.published))
            starts = ("",) + BIBLIOGRAPHY_SPLITS.get(kind, ())
            if len(starts) == 1:
                if entries:
                    pages.append((label, f"sources/{kind}.md", entries))
                continue
            initials = {s.id: publisher_initial(s.publisher) for s in entries}
            for number, bounds in enumerate([*zip(starts, starts[1:] + (None,)), None], 1):
                chunk = [s for s in entries if _filed_in(initials[s.id], bounds)]
                if chunk:
                    suffix = "" if number == 1 else f"-{number}"
                    shown = self.translated(OTHER_INITIALS) if bounds is None else _initials(*bounds)
                    pages.append((self.translated("%(kind)s (%(letters)s)", kind=label, letters=shown),
                                  f"sources/{kind}{suffix}.md", chunk))
        return pages

    def source_page_paths(self) -> dict[str, str]:
        """source id -> the bibliography page that lists it."""
        return {source.id: path for _, path, entries in self._source_pages() for source in entries}

    def source_kind_paths(self) -> list[tuple[str, str]]:
        return [(label, path) for label, path, _ in self._source_pages()]

    def sources_pages(self) -> dict[str, str]:
        """The bibliography pages and an overview page that links them."""
        citations = self.data.citations()
        pages = {}
        listing = []
        for label, here, entries in self._source_pages():
            listing.append((label, here, len(entries)))
            listed = [(s, self._cited_by(here, s, citations.get(s.id, []))) for s in entries]
            # The bibliography stays out of the search index, which every search would otherwise load.
            pages[here] = self._render("sources_kind.md.j2", here, entries=listed, label=label,
                                       anchor=here.removeprefix("sources/").removesuffix(".md"),
                                       title=self.translated("Sources: %(kind)s", kind=label),
                                       exclude_from_search=True, data_file="data/sources/", last_verified="",
                                       description=self.translated("%(kind)s cited on this site, with the pages that cite "
                                                                   "each.", kind=label))
        pages[urls.SOURCES_INDEX] = self._render(
            "sources.md.j2", urls.SOURCES_INDEX, kinds=listing, total=len(self.data.sources), title=self.translated("Sources"),
            kind_link=lambda label, path: Links(self.data, urls.SOURCES_INDEX).to(path, label),
            description=self.translated("Every source cited on this site, by kind, with the pages that cite it."),
            data_file="data/sources/", last_verified="")
        return pages

    def _cited_by(self, here: str, source: Source, places: list[tuple[str, str, str]]) -> Trusted:
        """'Coal: 1, 2; China': one entry per citing page, one numbered link per citing fact, each
        named for screen readers by the place and the source, which the page's other links share."""
        links = Links(self.data, here)
        by_page: dict[tuple[str, str], list[str]] = {}
        for url, anchor, label in places:
            by_page.setdefault((url, label), []).append(anchor)
        named = source_name(source)
        entries = []
        for (url, label), anchors in by_page.items():
            target = url.rstrip("/") + ".md" if url else "index.md"
            if len(anchors) == 1:
                entries.append(links.to(target, label, anchors[0], self.translated("citing %(source)s", source=named)))
            else:
                numbered = ", ".join(links.to(target, str(n), a, self.translated("%(page)s, place %(number)s citing %(source)s",
                                                                                  page=label, number=n, source=named))
                                     for n, a in enumerate(anchors, 1))
                entries.append(f"{inert(label)}: {numbered}")
        return Trusted("; ".join(entries))

    def page_list(self, kind: str, here: str) -> str:
        return self._render("page_list.md.j2", here, pages=self.data.pages_of(kind))

    def generated_pages(self) -> dict[str, str]:
        """Every page that comes from data, by its path under docs/."""
        # Every series is drawn on the figures pages, most on a category or partner page too.
        draw_ahead([chart_of(self.data, s) for s in self.data.series_in_order if self.data.series_points(s)])
        pages = {page_path(p): self.content_page(p) for p in self.data.pages.values()}
        if self.data.measures:
            pages[urls.SANCTIONS] = self.sanctions_page()
        if self.data.claims:
            pages[urls.CLAIMS] = self.claims_page()
        if self.data.series:
            pages.update(self.figures_pages())
        pages.update(self.sources_pages())
        pages[urls.DATA] = self.data_page(sorted(p.name for p in SCHEMA_DIR.glob("*.schema.json")))
        return pages
