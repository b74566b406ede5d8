"""What `make bench` builds from: synthetic data that passes the checks, and a plain Material twin
that builds the same pages as ours.

`make bench` is not part of CI; these keep the parts of it that depend on our rules, templates
and hooks (bench/synth.py, bench/capture.py) from breaking unseen.
"""

from __future__ import annotations

import datetime
import importlib
import os
import subprocess
import sys

from helpers import FIXTURE_DATA, MKDOCS, ROOT, problems_in

sys.path.insert(0, str(ROOT / "bench"))
import synth  # noqa: E402  (bench/ is not a package)

bench_run = importlib.import_module("run")  # bench/run.py, `make bench`


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


def _measured(label: str, factor: int, ours: float, plain: float, peak_kb: int):
    from proc import Run

    size = bench_run.Size(label, factor, ROOT / "data", ROOT)
    size.data_build.runs.append(Run(ours, 0, peak_kb, ""))
    size.plain_build.runs.append(Run(plain, 0, peak_kb // 2, ""))
    return size


def test_every_budget_gets_a_verdict_on_a_figure_at_every_size():
    sizes = {"real": _measured("real", 1, 10.0, 9.0, 200_000), "10x": _measured("10x", 10, 50.0, 40.0, 400_000),
             "100x": _measured("100x", 100, 700.0, 400.0, 3_000_000)}
    verdicts = {v["budget"]: v for v in bench_run.budgets(sizes, {})}
    for label in ("real", "10x", "100x"):
        assert any(label in name and "overhead" in name for name in verdicts), label
    timed = {name: v for name, v in verdicts.items() if "Lighthouse" not in name and "screens" not in name}
    assert {v["result"] for v in timed.values()} <= {"PASS", "FAIL"}
    assert verdicts["data layer overhead <= 1.15x plain Material (real)"]["result"] == "PASS"
    assert verdicts["data layer overhead <= 1.15x plain Material (100x)"]["detail"].endswith("= 1.75x")
    assert verdicts["100x build < 60 s"] == {"budget": "100x build < 60 s", "result": "FAIL", "detail": "700.0 s"}
    assert verdicts["100x build memory < 1 GB"]["result"] == "FAIL"


def test_a_size_left_out_is_named_as_not_measured_never_passed():
    sizes = {"real": _measured("real", 1, 10.0, 9.0, 200_000)}
    verdicts = {v["budget"]: v for v in bench_run.budgets(sizes, {})}
    for name in ("data layer overhead <= 1.15x plain Material (100x)", "100x build < 60 s", "100x build memory < 1 GB"):
        assert verdicts[name]["result"] == "UNKNOWN"
        assert "--sizes" in verdicts[name]["detail"]
    assert "--no-lighthouse" in verdicts["Lighthouse 100 in all four categories, every template, mobile and desktop"]["detail"]
