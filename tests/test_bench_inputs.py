"""What `make bench` builds from: synthetic data that passes the checks, and a plain Material twin
that builds the same pages as ours.

`make bench` is not part of CI; these keep the parts of it that depend on our rules, templates
and hooks (bench/synth.py, bench/capture.py) from breaking unseen.
"""

from __future__ import annotations

import datetime
import os
import subprocess
import sys

from helpers import FIXTURE_DATA, MKDOCS, ROOT, problems_in

sys.path.insert(0, str(ROOT / "bench"))
import synth  # noqa: E402  (bench/ is not a package)


def _html_pages(site):
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def test_plain_twin_builds_the_same_pages(fixture_site, tmp_path):
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    twin = tmp_path / "twin"
    captured = subprocess.run([sys.executable, str(ROOT / "bench" / "capture.py"), "--out", str(twin),
                               "--data", str(FIXTURE_DATA)], cwd=ROOT, env=env, capture_output=True, text=True)
    assert captured.returncode == 0, captured.stderr
    built = subprocess.run([*MKDOCS, "build", "--strict", "-f", str(twin / "mkdocs.yml"),
                            "--site-dir", str(tmp_path / "site")], cwd=ROOT, env=env,
                           capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    assert _html_pages(tmp_path / "site") == _html_pages(fixture_site)


def test_synthetic_data_passes_every_rule(tmp_path):
    copied = synth.generate(ROOT / "data", tmp_path / "data-3x", 3)
    assert problems_in(copied, today=datetime.date.today()) == []
