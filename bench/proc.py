"""Run a command, time it by the wall clock, and read its own peak memory (wait4's ru_maxrss)."""

from __future__ import annotations

import os
import statistics
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Run:
    seconds: float
    returncode: int
    max_rss_kb: int  # the child's peak resident memory (ru_maxrss, KiB on Linux)
    output: str  # the last lines of stdout and stderr together

    @property
    def ok(self) -> bool:
        return self.returncode == 0


def run(cmd: list[str], *, cwd: Path, env: dict | None = None) -> Run:
    """Run `cmd` to its end. Output goes to a file, not a pipe, so the parent never has to read
    while it waits."""
    with tempfile.TemporaryFile(mode="w+b") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, start_new_session=True)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    tail = "\n".join(text.strip().splitlines()[-25:])
    return Run(seconds, proc.returncode, usage.ru_maxrss, tail)


@dataclass
class Series:
    """Repeated runs of one command."""
    runs: list[Run] = field(default_factory=list)

    @property
    def ok_runs(self) -> list[Run]:
        return [r for r in self.runs if r.ok]

    @property
    def median(self) -> float | None:
        good = self.ok_runs
        return statistics.median(r.seconds for r in good) if good else None

    @property
    def failed(self) -> bool:
        return any(not r.ok for r in self.runs)

    @property
    def max_rss_kb(self) -> int | None:
        return max((r.max_rss_kb for r in self.runs), default=None)

    def as_json(self) -> dict:
        return {
            "median_s": self.median, "runs_s": [round(r.seconds, 3) for r in self.runs],
            "failed": self.failed,
            "max_rss_kb": self.max_rss_kb,
        }
