"""Shared fixtures: the real and fixture sites (each built once per run), a private copy of the
fixture data, and a guard that keeps a test's connections on 127.0.0.1."""

from __future__ import annotations

import shutil
import socket
from pathlib import Path

import pytest

from helpers import FIXTURE_DATA, LOOPBACK, build_site


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
