"""`make` installs from hashed locks: each lock pins exactly what its requirements file pins, and
every pin carries the SHA-256 that pip --require-hashes checks."""

from __future__ import annotations

import importlib.util
import re

import pytest

from helpers import ROOT

spec = importlib.util.spec_from_file_location("lock_requirements", ROOT / "scripts" / "lock-requirements.py")
lock_requirements = importlib.util.module_from_spec(spec)
spec.loader.exec_module(lock_requirements)

REGENERATE = "run: make lock (python scripts/lock-requirements.py) and commit the locks"


def _locked(path) -> dict[str, tuple[str, list[str]]]:
    text = path.read_text().replace("\\\n", " ")
    locked = {}
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        match = lock_requirements.PIN.match(line)
        assert match, f"{path.name}: not a pin: {line}"
        locked[lock_requirements.normalized(match.group(1))] = (match.group(2), re.findall(r"--hash=sha256:(\S+)", line))
    return locked


@pytest.mark.parametrize("source, lock", lock_requirements.LOCKS.items())
def test_the_lock_pins_what_the_requirements_pin(source, lock):
    locked = _locked(ROOT / lock)
    wanted = lock_requirements.pins(ROOT / source)
    assert {name: version for name, (version, _) in locked.items()} == wanted, f"{lock} is out of date; {REGENERATE}"
    for name, (_, hashes) in locked.items():
        assert hashes and all(re.fullmatch(r"[0-9a-f]{64}", h) for h in hashes), f"{lock}: {name} has no SHA-256"


def test_the_makefile_installs_only_from_the_locks():
    makefile = (ROOT / "Makefile").read_text()
    installs = re.findall(r"pip install [^\n]*-r (\S+)", makefile)
    assert sorted(installs) == sorted(lock_requirements.LOCKS.values())
    assert all("--require-hashes" in line for line in makefile.splitlines() if "pip install" in line and " -r " in line)


def _recipe(makefile: str, target: str) -> tuple[list[str], str]:
    """The prerequisites and the recipe of `target` in the Makefile."""
    match = re.search(rf"^{re.escape(target)}: ?(.*)\n((?:\t.*\n)*)", makefile, flags=re.MULTILINE)
    assert match, f"no target {target}"
    return match.group(1).split(), match.group(2)


def test_editing_data_needs_only_the_sites_packages():
    makefile = (ROOT / "Makefile").read_text()
    for target in ("check", "build", "serve", "diff"):
        prerequisites, recipe = _recipe(makefile, target)
        # Besides the site's packages, a build of every edition (and a serve of the Korean one) needs a
        # font with Hangul and Pagefind, which are Debian's and npm's, not Python packages.
        allowed = {"build": "fonts node-packages", "serve": "$(if $(EDITION),fonts node-packages)"}.get(target, "")
        assert prerequisites[0] == "$(SITE_VENV)/.installed" and " ".join(prerequisites[1:]) == allowed, target
        assert "$(SITE_BIN)/" in recipe and "$(BIN)/" not in recipe, target
    _, setup = _recipe(makefile, "$(SITE_VENV)/.installed")
    assert "--require-hashes -r requirements.lock" in setup
    site = lock_requirements.pins(ROOT / "requirements.txt")
    test = lock_requirements.pins(ROOT / "requirements-test.txt")
    assert site.items() <= test.items(), "make test must test the versions the site is built with"
    assert not {"pytest", "playwright", "hypothesis", "ruff"} & set(site)
