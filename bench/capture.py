"""Write the plain Material twin of the site: the same pages and nav, with no data layer.

Runs our build up to the point where each page's Markdown is final (config, files, nav and
page_markdown events: the hook has added the data pages and the macros have run), then writes
that Markdown, with its front matter, as ordinary .md files into OUT/docs, copies every other
file of the docs (hand-written or generated, not the theme's), and writes OUT/mkdocs.yml, which
inherits our mkdocs.yml but has the captured nav, no macros plugin and no hooks but the theme's
own (the templates in our custom_dir print the Content-Security-Policy that hook makes).

    python bench/capture.py --out DIR [--data DATA_DIR] [--config mkdocs.yml]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA_LAYER_PLUGINS = {"macros"}
THEME_HOOKS = [str(ROOT / "nkexports" / "hooks" / "content_security.py")]


def _plugin_name(entry) -> str:
    return entry if isinstance(entry, str) else next(iter(entry))


def plain_config(config_file: Path, docs_dir: Path, nav, custom_dir: str | None) -> dict:
    from mkdocs.utils.yaml import yaml_load

    with open(config_file, "rb") as fd:
        raw = yaml_load(fd)
    plain = {
        "INHERIT": str(config_file),
        "docs_dir": str(docs_dir),
        "hooks": THEME_HOOKS,
        "watch": [],
        "plugins": [p for p in raw.get("plugins", ["search"]) if _plugin_name(p) not in DATA_LAYER_PLUGINS],
    }
    if nav is not None:
        plain["nav"] = nav
    if custom_dir:
        plain["theme"] = {"custom_dir": custom_dir}
    return plain


def capture(config_file: Path, out: Path) -> dict:
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files, set_exclusions
    from mkdocs.structure.nav import get_navigation
    from mkdocs.structure.pages import Page

    start = time.perf_counter()
    config = load_config(config_file=str(config_file))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        config = config.plugins.on_config(config)
        config.plugins.on_pre_build(config=config)
        files = get_files(config)
        env = config.theme.get_env()
        files.add_files_from_theme(env, config)
        files = config.plugins.on_files(files, config=config)
        set_exclusions(files, config)
        nav = get_navigation(files, config)
        config.plugins.on_nav(nav, config=config, files=files)

        docs = out / "docs"
        if out.exists():
            shutil.rmtree(out)
        docs.mkdir(parents=True)
        docs_dir = Path(config.docs_dir).resolve()
        custom_dir = config.theme.custom_dir
        custom = Path(custom_dir).resolve() if custom_dir else None
        pages = other = 0
        for file in files:
            if not file.inclusion.is_included():
                continue
            from_docs = file.src_dir is not None and Path(file.src_dir).resolve() == docs_dir
            if not (file.generated_by is not None or from_docs):
                continue  # the theme's own assets: the plain build adds them itself
            if file.abs_src_path and custom and Path(file.abs_src_path).resolve().is_relative_to(custom):
                continue
            target = docs / file.src_uri
            target.parent.mkdir(parents=True, exist_ok=True)
            if not file.is_documentation_page():
                target.write_bytes(file.content_bytes)
                other += 1
                continue
            page = file.page if file.page is not None else Page(None, file, config)
            config._current_page = page
            page = config.plugins.on_pre_page(page, config=config, files=files)
            page.read_source(config)
            markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
            config._current_page = None
            front = ""
            if page.meta:
                front = "---\n" + yaml.safe_dump(dict(page.meta), sort_keys=False, allow_unicode=True) + "---\n\n"
            target.write_text(front + markdown, encoding="utf-8")
            pages += 1
        plain = plain_config(config_file, docs, config.nav, str(custom) if custom else None)
        (out / "mkdocs.yml").write_text(yaml.safe_dump(plain, sort_keys=False, allow_unicode=True), encoding="utf-8")
    finally:
        config.plugins.on_shutdown()
    return {"pages": pages, "other_files": other, "seconds": round(time.perf_counter() - start, 3)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--data", type=Path, help="data directory (sets NKEXPORTS_DATA_DIR)")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml")
    args = parser.parse_args()
    if args.data:
        os.environ["NKEXPORTS_DATA_DIR"] = str(args.data.resolve())
    os.chdir(args.config.resolve().parent)
    print(json.dumps(capture(args.config.resolve(), args.out.resolve())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
