"""Run a command, time it by the wall clock, and read its own peak memory (wait4's ru_maxrss)."""

from __future__ import annotations

import os
import signal
import statistics
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Run:
    seconds: float
    returncode: int
    max_rss_kb: int  # the child's peak resident memory (ru_maxrss, KiB on Linux)
    timed_out: bool
    output: str  # the last lines of stdout and stderr together

    @property
    def ok(self) -> bool:
        return self.returncode == 0 and not self.timed_out


def run(cmd: list[str], *, cwd: Path, env: dict | None = None, timeout: float | None = None) -> Run:
    """Run `cmd`; on timeout kill its whole process group. Output goes to a file, not a pipe,
    so the parent never has to read while it waits."""
    with tempfile.TemporaryFile(mode="w+b") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, start_new_session=True)
        killed = threading.Event()

        def kill():
            killed.set()
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

        timer = threading.Timer(timeout, kill) if timeout else None
        if timer:
            timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            if timer:
                timer.cancel()
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    tail = "\n".join(text.strip().splitlines()[-25:])
    return Run(seconds, proc.returncode, usage.ru_maxrss, killed.is_set(), tail)


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
    def timed_out(self) -> bool:
        return any(r.timed_out for r in self.runs)

    @property
    def failed(self) -> bool:
        return any(not r.ok and not r.timed_out for r in self.runs)

    @property
    def lower_bound(self) -> float | None:
        """When a run was stopped: the time it had run, a lower bound of its duration."""
        stopped = [r.seconds for r in self.runs if r.timed_out]
        return max(stopped) if stopped else None

    @property
    def max_rss_kb(self) -> int | None:
        return max((r.max_rss_kb for r in self.runs), default=None)

    def as_json(self) -> dict:
        return {
            "median_s": self.median, "runs_s": [round(r.seconds, 3) for r in self.runs],
            "timed_out": self.timed_out, "failed": self.failed, "stopped_after_s": self.lower_bound,
            "max_rss_kb": self.max_rss_kb,
        }
