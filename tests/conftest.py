"""Shared fixtures: the real and fixture sites (each built once per run), a private copy of the
fixture data, and a guard that keeps a test's connections on 127.0.0.1."""

from __future__ import annotations

import os
import shutil
import socket
from pathlib import Path

import pytest
from hypothesis import settings

from data_history import repo  # noqa: F401  (a fixture: a git history of the fixture data)
from helpers import FIXTURE_DATA, LOOPBACK, build_site
from hostile_data import add_case_pages, make_hostile
from nkexports.caches import CACHE_DIR_VARIABLE

# Property-based tests: a quick run in `make test`; HYPOTHESIS_PROFILE=long (`make properties`,
# run weekly by .github/workflows/properties.yml) tries a hundred times more inputs.
settings.register_profile("fast", max_examples=40, deadline=None)
settings.register_profile("long", max_examples=4000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "fast"))


@pytest.fixture(scope="session", autouse=True)
def private_caches(tmp_path_factory):
    """The run's drawings and comparisons (of made-up data too) go to a folder of its own, which the
    builds the tests start inherit: nothing is read from or left in the user's cache."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(CACHE_DIR_VARIABLE, str(tmp_path_factory.mktemp("caches")))
        yield


def _built(site_dir: Path, data_dir: Path | None, config: str = "mkdocs.yml") -> Path:
    result = build_site(site_dir, data_dir, config=config)
    assert result.returncode == 0, f"mkdocs build failed:\n{result.stdout}\n{result.stderr}"
    return site_dir


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    return _built(tmp_path_factory.mktemp("real") / "site", None)


@pytest.fixture(scope="session")
def real_korean_site(tmp_path_factory) -> Path:
    """The Korean edition, built from the real data and translations/ko/."""
    return _built(tmp_path_factory.mktemp("real-ko") / "site", None, "mkdocs.ko.yml")


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    return _built(tmp_path_factory.mktemp("fixture") / "site", FIXTURE_DATA)


@pytest.fixture(scope="session")
def hostile_data(tmp_path_factory) -> tuple[Path, dict]:
    """The fixture data with a hostile value in every text field, and what went where."""
    target = tmp_path_factory.mktemp("hostile") / "data"
    shutil.copytree(FIXTURE_DATA, target)
    add_case_pages(target)
    return target, make_hostile(target)


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory, hostile_data) -> Path:
    """The site built once from the hostile data."""
    return _built(tmp_path_factory.mktemp("hostile-site") / "site", hostile_data[0])


@pytest.fixture
def fixture_copy(tmp_path) -> Path:
    """A private copy of the fixture data that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, target)
    return target


@pytest.fixture
def only_loopback(monkeypatch):
    """Any connection beyond 127.0.0.1 fails the test instead of reaching the internet."""
    connect = socket.socket.connect

    def guarded(sock, address):
        assert isinstance(address, tuple) and address[0] == LOOPBACK, f"test tried to reach {address}"
        return connect(sock, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
