"""Shared fixtures: the real site and the fixture site, each built once per test run."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import FIXTURE_DATA, build_site


def _built(site_dir: Path, data_dir: Path | None) -> Path:
    result = build_site(site_dir, data_dir)
    assert result.returncode == 0, f"mkdocs build failed:\n{result.stdout}\n{result.stderr}"
    return site_dir


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    return _built(tmp_path_factory.mktemp("real") / "site", None)


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    return _built(tmp_path_factory.mktemp("fixture") / "site", FIXTURE_DATA)


@pytest.fixture
def fixture_copy(tmp_path) -> Path:
    """A private copy of the fixture data that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, target)
    return target
