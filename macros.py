"""mkdocs-macros entry point: the few macros that hand-written pages call. Logic lives in nkexports."""

from nkexports.render import Renderer
from nkexports.site import site_data


def define_env(env):
    def renderer() -> Renderer:
        return Renderer(site_data(env.conf))

    @env.macro
    def page_list(kind: str) -> str:
        """Cards linking every category or partner page, for the section index pages."""
        return renderer().page_list(kind, env.page.file.src_uri)

    @env.macro
    def data_counts() -> dict:
        return site_data(env.conf).counts()
