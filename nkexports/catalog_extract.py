"""Every message the site's code and templates pass through the catalog, found by reading them,
and the catalogs rewritten to hold exactly those: `python -m nkexports catalog` (`make catalog`).

Templates call `_("…")` or `_plain("…")`; Python calls one of CALLS with the message as its first
text argument, or marks a constant with `message("…")` where a template translates it later.
"""

from __future__ import annotations

import ast
import io
from pathlib import Path

import jinja2
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po
from jinja2 import nodes

from .catalog import DOMAIN, LOCALES_DIR, catalog_path, read_catalog

PACKAGE = Path(__file__).resolve().parent
TEMPLATE_CALLS = {"_", "_plain"}
CALLS = {"message", "plain_text", "markdown_text", "html_text", "translated", "words"}
# Templates for people outside the site: the pull-request summary speaks to reviewers in English.
NOT_READER_FACING = {"diff_summary.md.j2"}
HEADER = ("# The site's own words in one language (nkexports/catalog.py). msgid is the English a template\n"
          "# or module writes; msgstr its translation; a missing or fuzzy one shows the English.\n"
          "# Rewritten by `make catalog`, which keeps every translation of a message still in use.\n")


def reader_templates() -> list[str]:
    return sorted(name for name in jinja2.Environment(loader=jinja2.FileSystemLoader(PACKAGE / "templates"))
                  .list_templates() if name not in NOT_READER_FACING)


def _template_messages(found: dict[str, list[tuple[str, int]]]) -> None:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(PACKAGE / "templates"))
    for name in reader_templates():
        tree = env.parse(env.loader.get_source(env, name)[0])
        for call in tree.find_all(nodes.Call):
            if isinstance(call.node, nodes.Name) and call.node.name in TEMPLATE_CALLS and call.args \
                    and isinstance(call.args[0], nodes.Const) and isinstance(call.args[0].value, str):
                found.setdefault(call.args[0].value, []).append((f"nkexports/templates/{name}", call.lineno))


def _python_messages(found: dict[str, list[tuple[str, int]]]) -> None:
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else (
                node.func.attr if isinstance(node.func, ast.Attribute) else None)
            if name not in CALLS:
                continue
            text = next((a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)), None)
            if text:
                found.setdefault(text, []).append((f"nkexports/{path.relative_to(PACKAGE)}", node.lineno))


def extracted() -> dict[str, list[tuple[str, int]]]:
    """Each message, with the places that use it."""
    found: dict[str, list[tuple[str, int]]] = {}
    _template_messages(found)
    _python_messages(found)
    return found


def languages() -> list[str]:
    return sorted(p.name for p in LOCALES_DIR.iterdir() if (p / "LC_MESSAGES").is_dir()) if LOCALES_DIR.is_dir() else []


def updated_catalog(language: str) -> str:
    """The language's catalog with exactly the messages in use, each keeping its translation."""
    old = read_catalog.__wrapped__(language)
    new = Catalog(locale=language, domain=DOMAIN, fuzzy=False)
    for text, places in sorted(extracted().items()):
        kept = old.get(text)
        new.add(text, kept.string if kept is not None else "", locations=places,
                flags=("python-format",) if "%(" in text else (),
                auto_comments=())
        if kept is not None and kept.fuzzy:
            new[text].flags.add("fuzzy")
    out = io.BytesIO()
    write_po(out, new, width=100, omit_header=True, sort_output=True, include_lineno=False)
    # A fixed header: Babel's own carries the time of writing, which would change the file every run.
    return (f'{HEADER}msgid ""\nmsgstr ""\n"Language: {language}\\n"\n"MIME-Version: 1.0\\n"\n'
            f'"Content-Type: text/plain; charset=UTF-8\\n"\n"Content-Transfer-Encoding: 8bit\\n"\n\n'
            + out.getvalue().decode("utf-8"))


def write_catalogs() -> list[Path]:
    """Rewrite every language's catalog; the paths that changed."""
    changed = []
    for language in languages():
        path = catalog_path(language)
        text = updated_catalog(language)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed
