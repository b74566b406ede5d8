"""`make bench`: build times, data-layer overhead, page weight and Lighthouse scores.

For the real data and for synthetic data 10x and 100x its size (bench/synth.py), it times
`python -m nkexports check`, our full `mkdocs build --strict`, and the build of a plain Material
site with the same pages and nav but no data layer (bench/capture.py); the ratio of the two
builds is the data layer's overhead. It then weighs what a first visit to each page template
transfers (bench/weight.py) and runs Lighthouse on each template, mobile and desktop, against
the real site served on 127.0.0.1 (bench/lighthouse.py). Every timing is the median of several
runs; peak memory is the build process's own ru_maxrss.

Every size is measured to completion, however long its build takes: a budget is judged on a
figure, never on a run cut short. --quick (the weekly workflow's and CI's choice when time is
short) runs each timing once instead of three times; it never leaves a size out. The budgets are
printed as PASS or FAIL with their figures (UNKNOWN only for what --sizes or --no-lighthouse left
out, or a run that failed); nothing is asserted.

The table is printed and written, with every detail, to bench/results/latest.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
RESULTS = BENCH / "results"
sys.path.insert(0, str(BENCH))

import lighthouse  # noqa: E402
import page_length  # noqa: E402
import synth  # noqa: E402
import weight  # noqa: E402
from proc import Run, Series, run  # noqa: E402

KB = 1024
BUDGET = {
    "overhead": 1.15,  # our build / plain Material build, at every size
    "scaling": 12.0,  # 100x build time / 10x build time
    "build_100x_s": 60.0,
    "memory_100x_kb": 1024 * 1024,  # 1 GiB, as ru_maxrss (KiB)
    "first_visit_gzip": 120 * KB,
    "phone_screens": 30,  # every page's length at 375 px, in screens of 812 px
    "lighthouse": 100,
}
SIZES = (1, 10, 100)  # the real data, and synthetic data ten and a hundred times its size


class Clock:
    def __init__(self):
        self.start = time.monotonic()

    def elapsed(self) -> float:
        return time.monotonic() - self.start


def log(clock: Clock, message: str) -> None:
    print(f"[{clock.elapsed():5.0f} s] {message}", file=sys.stderr, flush=True)


def _env(data_dir: Path | None) -> dict:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("NKEXPORTS_DATA_DIR", None)
    if data_dir is not None:
        env["NKEXPORTS_DATA_DIR"] = str(data_dir)
    return env


class Size:
    """The measurements of one data size."""

    def __init__(self, label: str, factor: int, data_dir: Path, work: Path):
        self.label, self.factor, self.data_dir, self.work = label, factor, data_dir, work
        self.check, self.data_build, self.plain_build = Series(), Series(), Series()
        self.korean_build = Series()  # the Korean edition (mkdocs.ko.yml) of the same data
        self.korean_first_visit: dict | None = None
        self.capture: Run | None = None
        self.counts: dict | None = None
        self.generate_s: float | None = None
        self.site: dict | None = None
        self.first_visit: dict | None = None
        self.phone_screens: dict | None = None  # page address -> its length on a phone, in screens
        self.notes: list[str] = []

    @property
    def data_site(self) -> Path:
        return self.work / f"site-{self.label}"

    @property
    def plain_dir(self) -> Path:
        return self.work / f"plain-{self.label}"

    def _check_cmd(self):
        return [sys.executable, "-m", "nkexports", "check", str(self.data_dir)]

    def _data_cmd(self):
        return [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(self.data_site)]

    def _korean_cmd(self):
        return [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.ko.yml"),
                "--site-dir", str(self.work / f"site-{self.label}-ko")]

    def run_korean(self, clock, reps):
        """The Korean edition's build (its texts are translated only for the real data: the synthetic
        copies' renamed entries show their English), and the first visit of each of its templates."""
        for _ in range(reps):
            if not self._once(clock, "Korean build", self.korean_build, self._korean_cmd(), ROOT).ok:
                return
        site = self.work / f"site-{self.label}-ko"
        self.korean_first_visit = {name: weight.first_visit(site, pages[0]).totals(site) if pages else None
                                   for name, pages in weight.template_pages(site).items()}

    def _plain_cmd(self):
        return [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(self.plain_dir / "mkdocs.yml"),
                "--site-dir", str(self.work / f"site-{self.label}-plain")]

    def _capture_cmd(self):
        return [sys.executable, str(BENCH / "capture.py"), "--out", str(self.plain_dir), "--data", str(self.data_dir)]

    def _once(self, clock, what, series, cmd, cwd):
        result = run(cmd, cwd=cwd, env=_env(self.data_dir))
        series.runs.append(result)
        state = "ok" if result.ok else f"FAILED (exit {result.returncode})"
        log(clock, f"{self.label}: {what} {len(series.runs)}: {result.seconds:.1f} s, "
                   f"{result.max_rss_kb / KB:.0f} MB, {state}")
        if not result.ok:
            print(result.output, file=sys.stderr)
        return result

    def run_check(self, clock, reps):
        for _ in range(reps):
            result = self._once(clock, "check", self.check, self._check_cmd(), ROOT)
            if not result.ok:
                break
            match = re.search(r"ok: (\d+) files, (.*)", result.output)
            if match:
                self.counts = {"files": int(match.group(1))}
                for part in match.group(2).split(", "):
                    number, _, name = part.partition(" ")
                    self.counts[name] = int(number)

    def run_capture(self, clock):
        self.capture = run(self._capture_cmd(), cwd=ROOT, env=_env(self.data_dir))
        log(clock, f"{self.label}: plain Material twin written in {self.capture.seconds:.1f} s, "
                   f"{'ok' if self.capture.ok else 'FAILED'}")
        if not self.capture.ok:
            print(self.capture.output, file=sys.stderr)
        return self.capture.ok

    def run_builds(self, clock, reps):
        """Our build and the plain one, alternately, so drifting machine load hits both alike."""
        data = plain = True
        for _ in range(reps):
            if data:
                d = self._once(clock, "our build", self.data_build, self._data_cmd(), ROOT)
                if not d.ok:
                    data = False
            if plain:
                p = self._once(clock, "plain Material build", self.plain_build, self._plain_cmd(), self.plain_dir)
                if not p.ok:
                    plain = False
            if not (data or plain):
                break

    def weigh(self, clock, per_template: bool):
        if not self.data_build.ok_runs:
            return
        self.site = weight.site_size(self.data_site)
        if per_template:
            self.first_visit = weight.heaviest_per_template(self.data_site)
        else:  # one page of each template: weighing every page of a big site takes minutes
            self.first_visit = {}
            for name, pages in weight.template_pages(self.data_site).items():
                self.first_visit[name] = weight.first_visit(self.data_site, pages[0]).totals(self.data_site) if pages else None
        log(clock, f"{self.label}: site weighed")

    def measure_length(self, clock):
        if not self.data_build.ok_runs:
            return
        why_not = page_length.available()
        if why_not:
            self.notes.append(f"page lengths not measured: {why_not}")
            return
        self.phone_screens = page_length.screens(self.data_site)
        log(clock, f"{self.label}: {len(self.phone_screens)} pages measured on a phone")

    @property
    def overhead(self) -> float | None:
        d, p = self.data_build.median, self.plain_build.median
        return d / p if d and p else None

    def as_json(self) -> dict:
        return {
            "label": self.label, "factor": self.factor, "counts": self.counts, "generate_s": self.generate_s,
            "check": self.check.as_json(), "our_build": self.data_build.as_json(),
            "plain_material_build": self.plain_build.as_json(),
            "plain_capture_s": round(self.capture.seconds, 3) if self.capture else None,
            "overhead": self.overhead, "site": self.site, "first_visit": self.first_visit,
            "phone_screens": self.phone_screens, "notes": self.notes,
            "korean_build": self.korean_build.as_json(), "korean_first_visit": self.korean_first_visit,
        }


def run_lighthouse(clock: Clock, site: Path, pages: dict[str, str], out_dir: Path) -> dict:
    why_not = lighthouse.available()
    results = {name: {} for name in pages}
    if why_not:
        for name in pages:
            for ff in ("mobile", "desktop"):
                results[name][ff] = {"error": why_not}
        return results
    out_dir.mkdir(parents=True, exist_ok=True)
    with lighthouse.Server(site) as base:
        for ff in ("mobile", "desktop"):
            for name, page in pages.items():
                url = base + (page[: -len("index.html")] if page.endswith("index.html") else page)
                started = time.monotonic()
                results[name][ff] = lighthouse.audit(url, ff, out_dir / f"{name}-{ff}.json")
                last = time.monotonic() - started
                results[name][ff]["page"] = page
                scores = results[name][ff].get("scores") or results[name][ff].get("error")
                log(clock, f"lighthouse {name} {ff}: {scores} ({last:.0f} s)")
    return results


# ----------------------------------------------------------------------------- report

def _s(seconds: float | None, series: Series | None = None) -> str:
    if series is not None and seconds is None:
        return "FAILED" if series.failed else "-"
    return "-" if seconds is None else (f"{seconds:.2f}" if seconds < 10 else f"{seconds:.1f}")


def _kb(n: int | None) -> str:
    return "-" if n is None else f"{n / KB:,.0f}"


def _mb(n: int | None) -> str:
    return "-" if n is None else f"{n / KB / KB:,.1f}"


def _table(headers: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(x)) for x in col) for col in zip(headers, *rows)]

    def line(cells):
        return "  ".join(str(c).rjust(w) if i else str(c).ljust(w) for i, (c, w) in enumerate(zip(cells, widths)))

    return "\n".join([line(headers), line(["-" * w for w in widths]), *(line(r) for r in rows)])


def _label(factor: int) -> str:
    return "real" if factor == 1 else f"{factor}x"


def budgets(sizes: dict[str, Size], lh: dict) -> list[dict]:
    """Every budget, each with its verdict and figure; UNKNOWN only where nothing was measured (a size
    --sizes left out, or a build that failed), saying which."""
    out = []

    def verdict(name, state, detail):
        out.append({"budget": name, "result": state, "detail": detail})

    def missing(size: Size | None, label: str) -> str:
        if size is None:
            return f"not measured: the {label} size was not run (--sizes)"
        return "not measured: a build failed (its output is printed above)"

    for factor in SIZES:
        label = _label(factor)
        size = sizes.get(label)
        name = f"data layer overhead <= {BUDGET['overhead']}x plain Material ({label})"
        ratio = size.overhead if size else None
        if ratio is None:
            verdict(name, "UNKNOWN", missing(size, label))
        else:
            verdict(name, "PASS" if ratio <= BUDGET["overhead"] else "FAIL",
                    f"{size.data_build.median:.2f} s / {size.plain_build.median:.2f} s = {ratio:.2f}x")
    ten, hundred = sizes.get("10x"), sizes.get("100x")
    t10 = ten.data_build.median if ten else None
    t100 = hundred.data_build.median if hundred else None
    name = f"100x build <= {BUDGET['scaling']:.0f}x the 10x build"
    if t10 and t100:
        verdict(name, "PASS" if t100 / t10 <= BUDGET["scaling"] else "FAIL", f"{t100:.1f} s / {t10:.1f} s = {t100 / t10:.1f}x")
    else:
        verdict(name, "UNKNOWN", missing(ten if not t10 else hundred, "10x" if not t10 else "100x"))
    name = f"100x build < {BUDGET['build_100x_s']:.0f} s"
    if t100:
        pages = hundred.site["html_pages"] if hundred.site else None
        verdict(name, "PASS" if t100 < BUDGET["build_100x_s"] else "FAIL",
                f"{t100:.1f} s" + (f" for {pages} HTML pages" if pages else ""))
    else:
        verdict(name, "UNKNOWN", missing(hundred, "100x"))
    name = "100x build memory < 1 GB"
    if t100:
        rss = hundred.data_build.max_rss_kb
        verdict(name, "PASS" if rss < BUDGET["memory_100x_kb"] else "FAIL", f"peak RSS {rss / KB:,.0f} MB")
    else:
        verdict(name, "UNKNOWN", missing(hundred, "100x"))
    name = "memory grows no faster than the data (100x peak <= 10x the 10x peak)"
    if t10 and t100:
        m10, m100 = ten.data_build.max_rss_kb, hundred.data_build.max_rss_kb
        verdict(name, "PASS" if m100 <= 10 * m10 else "FAIL",
                f"{m100 / KB:,.0f} MB / {m10 / KB:,.0f} MB = {m100 / m10:.1f}x")
    else:
        verdict(name, "UNKNOWN", missing(ten if not t10 else hundred, "10x" if not t10 else "100x"))
    real = sizes.get("real")
    if real and real.first_visit:
        worst_name, worst = max(((n, v) for n, v in real.first_visit.items() if v), key=lambda nv: nv[1]["gzip"])
        verdict(f"first visit <= {BUDGET['first_visit_gzip'] // KB} KB gzipped, search index included (every template)",
                "PASS" if worst["gzip"] <= BUDGET["first_visit_gzip"] else "FAIL",
                f"heaviest: {worst_name} ({worst['page']}) {worst['gzip'] / KB:.0f} KB, of which search index "
                f"{worst['by_kind']['search index']['gzip'] / KB:.0f} KB"
                + ("" if worst["by_kind"]["search index"]["gzip"] else " (the index loads when search is opened)"))
    if real and real.korean_first_visit:
        worst_name, worst = max(((n, v) for n, v in real.korean_first_visit.items() if v), key=lambda nv: nv[1]["gzip"])
        verdict(f"Korean edition: first visit <= {BUDGET['first_visit_gzip'] // KB} KB gzipped (one page of every template)",
                "PASS" if worst["gzip"] <= BUDGET["first_visit_gzip"] else "FAIL",
                f"heaviest: {worst_name} ({worst['page']}) {worst['gzip'] / KB:.0f} KB")
    limit = BUDGET["phone_screens"]
    if real and real.phone_screens:
        longest = sorted(real.phone_screens.items(), key=lambda item: -item[1])
        over = [(page, length) for page, length in longest if length > limit]
        verdict(f"every page at most {limit} screens long on a 375 px phone (real data)", "FAIL" if over else "PASS",
                f"{len(over)} over: " + "; ".join(f"/{page} {length}" for page, length in over)
                if over else f"longest: /{longest[0][0]} {longest[0][1]}")
    else:
        verdict(f"every page at most {limit} screens long on a 375 px phone (real data)", "UNKNOWN", "not measured")
    name = "Lighthouse 100 in all four categories, every template, mobile and desktop"
    if not lh:
        verdict(name, "UNKNOWN", "not measured: Lighthouse was not run (--no-lighthouse)")
    else:
        below, not_run = [], []
        for template, by_ff in lh.items():
            for ff, result in by_ff.items():
                scores = result.get("scores")
                if not scores:
                    not_run.append(f"{template}/{ff}: {result.get('error', 'no scores')}")
                    continue
                for category, score in scores.items():
                    if score is None or score < BUDGET["lighthouse"]:
                        below.append(f"{template}/{ff} {category} {score}")
        state = "FAIL" if below else ("UNKNOWN" if not_run else "PASS")
        detail = (f"{len(below)} below 100: " + "; ".join(below[:12]) + (" ..." if len(below) > 12 else "")) if below else "all 100"
        if not_run:
            detail += f"; not measured: {'; '.join(not_run)}"
        verdict(name, state, detail)
    return out


def report(sizes: dict[str, Size], lh: dict, verdicts: list[dict], clock: Clock) -> str:
    parts = []
    rows = []
    for s in sizes.values():
        c = s.counts or {}
        d, p = s.data_build, s.plain_build
        rows.append([
            s.label, str(s.site["html_pages"]) if s.site else "-",
            f"{c.get('categories', '-')}/{c.get('partners', '-')}/{c.get('facts', '-')}/{c.get('sources', '-')}/{c.get('observations', '-')}",
            _s(s.check.median, s.check), _s(d.median, d), _s(p.median, p),
            f"{s.overhead:.2f}x" if s.overhead else "-",
            f"{len(d.ok_runs)}/{len(p.ok_runs)}",
            _mb(d.max_rss_kb * KB if d.max_rss_kb else None),
            _mb(s.site["bytes"]) if s.site else "-",
            f"{_kb(s.site['search_index']['raw'])} / {_kb(s.site['search_index']['gzip'])}" if s.site else "-",
            _kb(max((v["gzip"] for v in (s.first_visit or {}).values() if v), default=None)),
        ])
    parts.append("Build (seconds, median of the runs)\n" + _table(
        ["size", "html files", "cat/partner/facts/sources/observations", "check", "our build", "plain Material", "overhead",
         "runs", "peak MB", "site MB", "search index KB raw/gz", "first visit KB gz"], rows)
        + "\noverhead = our build / plain Material build; runs = completed runs of each; peak MB = our build's"
          "\nru_maxrss; first visit = heaviest page of each template (real: every page; 10x/100x: first of each).")

    rows = [[s.label, _s(s.korean_build.median, s.korean_build), _s(s.data_build.median, s.data_build),
             _kb(max((v["gzip"] for v in (s.korean_first_visit or {}).values() if v), default=None))]
            for s in sizes.values() if s.korean_build.runs]
    if rows:
        parts.append("Korean edition (seconds, median; first visit: heaviest of one page per template, KB gz)\n"
                     + _table(["size", "Korean build", "English build", "first visit KB gz"], rows))

    real = sizes.get("real")
    if real and real.first_visit:
        rows = []
        for name, v in real.first_visit.items():
            if not v:
                rows.append([name, "(no such page)"] + ["-"] * 8)
                continue
            k = v["by_kind"]
            rows.append([name, v["page"].removesuffix("index.html") or "/", _kb(k["html"]["gzip"]), _kb(k["css"]["gzip"]),
                         _kb(k["js"]["gzip"]), _kb(k["fonts"]["gzip"]), _kb(k["images"]["gzip"]),
                         _kb(k["search index"]["gzip"]), _kb(v["raw"]), _kb(v["gzip"])])
        parts.append("First visit, real site, heaviest page of each template (KB gzipped; total also raw)\n" + _table(
            ["template", "page", "html", "css", "js", "fonts", "images", "search idx", "total raw", "total gz"], rows))

    if lh:
        rows = []
        for name, by_ff in lh.items():
            row = [name]
            for ff in ("mobile", "desktop"):
                r = by_ff.get(ff, {})
                sc = r.get("scores")
                row.append("/".join("-" if sc.get(c) is None else str(sc[c]) for c in lighthouse.CATEGORIES) if sc
                           else str(r.get("error", "-"))[:40])
            rows.append(row)
        parts.append("Lighthouse, real site (performance/accessibility/best practices/SEO)\n" +
                     _table(["template", "mobile", "desktop"], rows))
        lost = {}
        for name, by_ff in lh.items():
            for ff, r in by_ff.items():
                for category, audits in (r.get("lost") or {}).items():
                    for a in audits:
                        lost.setdefault(f"{category}: {a['id']}", []).append(f"{name}/{ff}")
        if lost:
            parts.append("Audits that cost points\n" + "\n".join(
                f"  {k}  ({len(v)}: {', '.join(v[:6])}{' ...' if len(v) > 6 else ''})" for k, v in sorted(lost.items())))

    parts.append("Budgets\n" + "\n".join(f"  {v['result']:<7} {v['budget']}: {v['detail']}" for v in verdicts))
    notes = [f"  {s.label}: {n}" for s in sizes.values() for n in s.notes]
    if notes:
        parts.append("Notes\n" + "\n".join(notes))
    parts.append(f"Total {clock.elapsed():.0f} s; load average {', '.join(f'{x:.1f}' for x in os.getloadavg())} "
                 f"on {os.cpu_count()} cores. Details: {RESULTS.relative_to(ROOT)}/latest.json")
    return "\n\n".join(parts)


def _version(cmd: list[str]) -> str | None:
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=30).stdout.strip().splitlines()[0]
    except (OSError, subprocess.SubprocessError, IndexError):
        return None


def environment() -> dict:
    from importlib.metadata import PackageNotFoundError, version

    def v(name):
        try:
            return version(name)
        except PackageNotFoundError:
            return None

    return {
        "python": platform.python_version(), "mkdocs": v("mkdocs"), "mkdocs-material": v("mkdocs-material"),
        "mkdocs-macros-plugin": v("mkdocs-macros-plugin"),
        "chromium": _version([os.environ.get("CHROME_PATH") or "chromium", "--version"]),
        "node": _version(["node", "--version"]), "cpus": os.cpu_count(), "load_average_start": os.getloadavg(),
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT / "data", help="the real data (default: data/)")
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)),
                        help="factors to run, e.g. 1,10 (default: every size, 1,10,100); a size left out is reported as not measured")
    parser.add_argument("--quick", action="store_true", help="one run per timing instead of three; every size still runs")
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep the work directory (synthetic data, built sites)")
    args = parser.parse_args(argv)

    clock = Clock()
    reps = 1 if args.quick else 3
    try:
        factors = [int(f) for f in args.sizes.split(",")]
    except ValueError:
        parser.error(f"--sizes: not a list of whole numbers: {args.sizes!r}")
    data = args.data.resolve()
    env_info = environment()
    work = Path(tempfile.mkdtemp(prefix="nkexports-bench-"))
    log(clock, f"work directory {work}")
    sizes: dict[str, Size] = {}
    lh: dict = {}
    try:
        first = run([sys.executable, "-m", "nkexports", "check", str(data)], cwd=ROOT, env=_env(None))
        if not first.ok:
            print(first.output, file=sys.stderr)
            print(f"\n{data} does not pass `python -m nkexports check`; the benchmark needs valid data.", file=sys.stderr)
            return 2
        for factor in factors:
            label = _label(factor)
            if factor == 1:
                data_dir = data
            else:
                started = time.monotonic()
                data_dir = synth.generate(data, work / f"data-{label}", factor)
            size = sizes[label] = Size(label, factor, data_dir, work)
            if factor != 1:
                size.generate_s = round(time.monotonic() - started, 2)
                log(clock, f"{label}: synthetic data written in {size.generate_s:.1f} s")
            size.run_check(clock, reps)
            if size.run_capture(clock):
                size.run_builds(clock, reps)
            size.weigh(clock, per_template=(factor == 1))
            size.run_korean(clock, reps)
            if factor == 1:
                size.measure_length(clock)
            if factor == 1 and not args.no_lighthouse and size.first_visit:
                pages = {name: v["page"] for name, v in size.first_visit.items() if v}
                lh = run_lighthouse(clock, size.data_site, pages, RESULTS / "lighthouse")
    finally:
        verdicts = budgets(sizes, lh)
        text = report(sizes, lh, verdicts, clock)
        RESULTS.mkdir(parents=True, exist_ok=True)
        env_info["load_average_end"] = os.getloadavg()
        (RESULTS / "latest.json").write_text(json.dumps({
            "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "seconds": round(clock.elapsed(), 1),
            "settings": {"reps": reps, "sizes": factors},
            "environment": env_info, "budgets": verdicts, "budget_limits": BUDGET,
            "sizes": {k: s.as_json() for k, s in sizes.items()}, "lighthouse": lh,
        }, indent=2, default=str) + "\n", encoding="utf-8")
        if args.keep:
            log(clock, f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
