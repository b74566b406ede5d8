"""The one loaded dataset of a build, shared by the hook and the macros."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.exceptions import Abort

from .dataset import Dataset
from .load import load_dataset
from .problems import DataError
from .translations import translations_dir

DATA_DIR_VARIABLE = "NKEXPORTS_DATA_DIR"
_loaded: dict[tuple[Path, str], tuple[tuple, Dataset]] = {}


def data_dir(config) -> Path:
    """data/ beside mkdocs.yml, unless NKEXPORTS_DATA_DIR names another (the tests' fixture data)."""
    chosen = os.environ.get(DATA_DIR_VARIABLE)
    if chosen:
        return Path(chosen).resolve()
    return Path(config.config_file_path).resolve().parent / "data"


def _fingerprint(directory: Path) -> tuple:
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(directory.rglob("*")) if p.is_file())


def edition_language(config) -> str:
    """The language of the edition this config builds: its theme's (mkdocs.ko.yml sets ko)."""
    return config.theme["language"]


def site_data(config) -> Dataset:
    """Load and validate once per change of the data (or its translations); stop the build with every
    problem found. The data is in the edition's language wherever a current translation exists.

    Every hook of a build asks, page after page, with the same config: the folders are compared with
    the last load's only when a new config (a new build, or `mkdocs serve`'s next one) asks first,
    since reading every file's state on every page grows as pages times files."""
    if _this_build and _this_build[0] is config:
        return _this_build[1]
    dataset = _loaded_or_load(config)
    _this_build[:] = [config, dataset]
    return dataset


_this_build: list = []  # [the config of the build in progress, its dataset]


def _loaded_or_load(config) -> Dataset:
    directory = data_dir(config)
    language = edition_language(config)
    fingerprint = tuple(_fingerprint(d) for d in (directory, translations_dir(directory)) if d.is_dir())
    cached = _loaded.get((directory, language))
    if cached and cached[0] == fingerprint:
        return cached[1]
    try:
        dataset = load_dataset(directory, language=language)
    except DataError as error:
        raise Abort(f"The data has {len(error.problems)} problem(s); nothing was built.\n{error}") from None
    _loaded[(directory, language)] = (fingerprint, dataset)
    return dataset
