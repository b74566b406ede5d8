"""Shared fixtures: the real and fixture sites (each built once per run, however many workers
pytest-xdist starts), a private copy of the fixture data, and a guard that keeps a test's
connections on 127.0.0.1."""

from __future__ import annotations

import fcntl
import os
import pickle
import shutil
import socket
from collections.abc import Callable
from contextlib import contextmanager
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


@pytest.fixture(scope="session")
def run_folder(tmp_path_factory, worker_id) -> Path:
    """A folder of this run's own that every worker of it shares: under pytest-xdist each worker's
    base folder (popen-gw0, ...) sits in the run's folder; in a single process, its base folder."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if worker_id != "master" else base


@contextmanager
def _only_one_worker(run_folder: Path, name: str):
    """Hold the run's lock named `name`: the first worker to ask does the work, the others wait."""
    with open(run_folder / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _once(run_folder: Path, name: str, make: Callable[[Path], None]) -> Path:
    """run_folder/name, made by `make` once in the run, by whichever worker comes first; a folder
    only appears under its name once made whole, so a failed attempt is tried again."""
    made = run_folder / name
    with _only_one_worker(run_folder, name):
        if not made.exists():
            partial = run_folder / f"{name}.partial"
            shutil.rmtree(partial, ignore_errors=True)
            partial.mkdir()
            make(partial)
            partial.rename(made)
    return made


@pytest.fixture(scope="session", autouse=True)
def private_caches(run_folder):
    """The run's drawings and comparisons (of made-up data too) go to a folder of its own, shared
    by its workers, which the builds the tests start inherit: nothing is read from or left in the
    user's cache."""
    caches = run_folder / "caches"
    caches.mkdir(exist_ok=True)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(CACHE_DIR_VARIABLE, str(caches))
        yield


def _built(site_dir: Path, data_dir: Path | None, config: str = "mkdocs.yml") -> Path:
    result = build_site(site_dir, data_dir, config=config)
    assert result.returncode == 0, f"mkdocs build failed:\n{result.stdout}\n{result.stderr}"
    return site_dir


def _built_once(run_folder: Path, name: str, data_dir: Path | None, config: str = "mkdocs.yml") -> Path:
    """The site built once in the run into run_folder/name/site, for every worker to read."""
    return _once(run_folder, name, lambda folder: _built(folder / "site", data_dir, config)) / "site"


@pytest.fixture(scope="session")
def real_site(run_folder) -> Path:
    return _built_once(run_folder, "real", None)


@pytest.fixture(scope="session")
def real_korean_site(run_folder) -> Path:
    """The Korean edition, built from the real data and translations/ko/."""
    return _built_once(run_folder, "real-ko", None, "mkdocs.ko.yml")


@pytest.fixture(scope="session")
def fixture_site(run_folder) -> Path:
    return _built_once(run_folder, "fixture", FIXTURE_DATA)


@pytest.fixture(scope="session", autouse=True)
def editions_built_side_by_side(request, worker_id, private_caches):
    """The second worker builds the Korean edition first, while the first builds the English site that
    both workers' first tests need: otherwise it would wait for the English build, then build alone."""
    if worker_id == "gw1" and any("real_korean_site" in item.fixturenames for item in request.session.items):
        request.getfixturevalue("real_korean_site")


@pytest.fixture(scope="session")
def hostile_data(run_folder) -> tuple[Path, dict]:
    """The fixture data with a hostile value in every text field, and what went where."""
    def make(folder: Path) -> None:
        target = folder / "data"
        shutil.copytree(FIXTURE_DATA, target)
        add_case_pages(target)
        (folder / "placed.pickle").write_bytes(pickle.dumps(make_hostile(target)))

    # The data's folder is named in the built pages, so it must be the one folder the run's site
    # is built from: made once, under the name it keeps.
    folder = _once(run_folder, "hostile", make)
    return folder / "data", pickle.loads((folder / "placed.pickle").read_bytes())


@pytest.fixture(scope="session")
def hostile_site(run_folder, hostile_data) -> Path:
    """The site built once from the hostile data."""
    return _built_once(run_folder, "hostile-site", hostile_data[0])


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
