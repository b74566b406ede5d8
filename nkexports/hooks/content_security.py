"""MkDocs hook: a Content-Security-Policy for every page, so that a script that reached a page
despite the escaping could not run.

Only scripts from the site's own address run, and inline scripts only if their SHA-256 hash is
listed. The hashes are computed from the templates that write inline scripts (Material's
script partials and the site's overrides), never from the page, so text that reached a page
cannot allow itself. Material's scripts name the page's depth (base_url), so the policy is
made per depth; the head template prints it with `content_security_policy(base_url)`.
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import lru_cache
from pathlib import Path

import jinja2
from nkexports.failures import one_line_failure

SCRIPT_TEMPLATES = "partials/javascripts/"
# An inline script that the browser runs: no src, and no data type such as application/json.
_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*\btype=\"(?!text/javascript|module)[^\"]*\")[^>]*>(.*?)</script>",
                            re.S)
_TEMPLATE_SYNTAX = re.compile(r"\{\{|\{%")
# Everything else comes from the site's own address too: an image, a frame or a font that reached
# a page could not call another host (which would learn who reads what); images may also be data:
# URLs, which Material's icons use; style attributes stay allowed, since the charts are drawn with
# them. No plugin, no <base> pointing elsewhere, and no form sends anything anywhere.
FIXED_DIRECTIVES = ("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; "
                    "base-uri 'self'; form-action 'none'")


def inline_scripts(html: str) -> list[str]:
    return _INLINE_SCRIPT.findall(html)


def _hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def _script_templates(env: jinja2.Environment, custom_dir: Path | None) -> list[str]:
    names = [n for n in env.list_templates(extensions=["html"]) if n.startswith(SCRIPT_TEMPLATES)]
    if custom_dir is not None:
        names += sorted(str(p.relative_to(custom_dir)) for p in custom_dir.rglob("*.html"))
    return sorted(set(names))


def policy_maker(env: jinja2.Environment, config):
    custom_dir = Path(config.theme.custom_dir) if config.theme.custom_dir else None
    names = _script_templates(env, custom_dir)
    features = config.theme.get("features") or []

    @lru_cache(maxsize=None)
    def content_security_policy(base_url: str) -> str:
        scripts = []
        for name in names:
            source = env.loader.get_source(env, name)[0]
            found = inline_scripts(source)
            if any(_TEMPLATE_SYNTAX.search(script) for script in found):
                if not name.startswith(SCRIPT_TEMPLATES):
                    raise jinja2.TemplateError(f"{name}: an inline script uses template syntax; move it into "
                                               f"{SCRIPT_TEMPLATES} so that its hash can be computed")
                found = inline_scripts(env.get_template(name).render(config=config, base_url=base_url,
                                                                     features=features))
            scripts.extend(found)
        hashes = " ".join(sorted({_hash(script) for script in scripts}))
        return f"script-src 'self' {hashes}; {FIXED_DIRECTIVES}"

    return content_security_policy


@one_line_failure
def on_env(env, config, files):
    env.globals["content_security_policy"] = policy_maker(env, config)
    return env
