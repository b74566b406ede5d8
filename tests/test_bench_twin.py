"""The benchmark's plain Material twin builds and holds the same pages as our build.

`make bench` is not part of CI; this keeps the part of it that depends on our templates and
hooks (bench/capture.py) from breaking unseen, on the small fixture data.
"""

from __future__ import annotations

import os
import subprocess
import sys

from helpers import FIXTURE_DATA, MKDOCS, ROOT


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
