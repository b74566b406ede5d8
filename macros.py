"""mkdocs-macros entry point: the few macros that hand-written pages call. Logic lives in nkexports."""

from nkexports import views
from nkexports.render import Renderer
from nkexports.site import site_data


def define_env(env):
    defined_on_page: dict[str, set[str]] = {}

    def here() -> str:
        return env.page.file.src_uri

    def already_defined() -> set[str]:
        """Footnotes a page's earlier macros defined, so each source is defined once per page."""
        return defined_on_page.setdefault(here(), set())

    def renderer() -> Renderer:
        return Renderer(site_data(env.conf))

    @env.macro
    def page_list(kind: str) -> str:
        """Cards linking every category or partner page, for the section index pages."""
        return renderer().page_list(kind, here())

    @env.macro
    def headline_facts() -> str:
        """The facts marked `headline: true`, each with its footnotes and a link to its page."""
        facts = [f for f in site_data(env.conf).facts() if f.headline]
        return renderer().snippet("snippet_facts.md.j2", here(), already_defined(), facts=facts)

    def find_series(series_id: str):
        data = site_data(env.conf)
        if series_id not in data.series:
            raise KeyError(f"{here()}: no series with id '{series_id}' in data/series/")
        return data.series[series_id]

    @env.macro
    def who_buys() -> str:
        """Each partner's latest exports figure, its period, its reporter and, where that reporter
        gives one for that period, the partner's share of North Korea's exports."""
        data = site_data(env.conf)
        return renderer().snippet("snippet_who_buys.md.j2", here(), already_defined(), rows=views.partner_exports(data),
                                  share_of=views.PARTNER_SHARES)

    @env.macro
    def latest_figures() -> str:
        """The newest figure of each key indicator for North Korea as a whole, with footnotes."""
        data = site_data(env.conf)
        return renderer().snippet("snippet_latest_figures.md.j2", here(), already_defined(),
                                  latest=views.latest_figures(data, "home"), in_table=False)

    @env.macro
    def latest_month(partner: str) -> str:
        """The newest month of North Korea's exports to `partner`, beside the same month a year earlier."""
        data = site_data(env.conf)
        return renderer().snippet("snippet_latest_month.md.j2", here(), already_defined(),
                                  month=views.latest_month(data, partner))

    @env.macro
    def series(series_id: str) -> str:
        """A series' chart, table and sources."""
        return renderer().snippet("snippet_series.md.j2", here(), already_defined(), series_list=[find_series(series_id)])
