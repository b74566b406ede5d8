"""Shared fixtures: the real site and the fixture site, each built once per test run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_DATA = ROOT / "tests" / "fixtures" / "data"
MKDOCS = [sys.executable, "-m", "mkdocs"]


def build_site(site_dir: Path, data_dir: Path | None = None) -> subprocess.CompletedProcess:
    """Run the real `mkdocs build --strict`, as `make build` does, optionally on other data."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if data_dir is not None:
        env["NKEXPORTS_DATA_DIR"] = str(data_dir)
    return subprocess.run([*MKDOCS, "build", "--strict", "--site-dir", str(site_dir)],
                          cwd=ROOT, env=env, capture_output=True, text=True)


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
