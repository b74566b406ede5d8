"""Lighthouse scores of built pages, served from 127.0.0.1 the way a static host serves them.

The server gzips text responses and sends `Cache-Control: max-age=600`, as GitHub Pages does;
Python's plain http.server does neither, which would cost performance points no real host costs.
Lighthouse comes from bench/node_modules (bench/package.json), Chrome is Debian's chromium.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import json
import os
import shutil
import subprocess
import threading
from pathlib import Path

BENCH = Path(__file__).resolve().parent
LIGHTHOUSE = BENCH / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
GZIP_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".js": "application/javascript", ".json": "application/json", ".svg": "image/svg+xml",
                      ".woff2": "font/woff2", ".csv": "text/csv"}

    def log_message(self, *args):  # quiet
        pass

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the slash form
            path = os.path.join(path, "index.html")
        ctype = self.guess_type(path)
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not os.path.isfile(path):
            self.send_error(404, "File not found")
            return None
        with open(path, "rb") as fh:
            body = fh.read()
        if wants_gzip and ctype.startswith(GZIP_TYPES):
            body = _gzipped(path, os.path.getmtime(path))
            encoding = "gzip"
        else:
            encoding = None
        self.send_response(200)
        self.send_header("Content-Type", ctype + ("; charset=utf-8" if ctype.startswith("text/") else ""))
        if encoding:
            self.send_header("Content-Encoding", encoding)
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(body)


@functools.lru_cache(maxsize=4096)
def _gzipped(path: str, mtime: float) -> bytes:
    with open(path, "rb") as fh:
        return gzip.compress(fh.read(), 6, mtime=0)


class Server:
    """`with Server(site) as base_url:` serves `site` on a free port of 127.0.0.1."""

    def __init__(self, site: Path):
        handler = functools.partial(_Handler, directory=str(site))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/"

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


def available() -> str | None:
    """Why Lighthouse cannot run here, or None when it can."""
    if not LIGHTHOUSE.exists():
        return "bench/node_modules has no lighthouse (run: cd bench && npm ci)"
    if not (os.environ.get("CHROME_PATH") or shutil.which("chromium")):
        return "no chromium (Debian: apt-get install chromium)"
    return None


def audit(url: str, form_factor: str, report_path: Path, timeout: float = 120) -> dict:
    """Run Lighthouse once; return the four scores (0-100) and the audits that cost points."""
    chrome = os.environ.get("CHROME_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    cmd = [str(LIGHTHOUSE), url, "--output=json", f"--output-path={report_path}", "--quiet",
           "--chrome-flags=--headless=new --no-sandbox --disable-gpu", "--disable-full-page-screenshot",
           f"--only-categories={','.join(CATEGORIES)}"]
    if form_factor == "desktop":
        cmd.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": chrome}
    try:
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout:.0f} s"}
    if done.returncode != 0 or not report_path.exists():
        return {"error": (done.stderr or done.stdout).strip().splitlines()[-1:] or ["lighthouse failed"]}
    report = json.loads(report_path.read_text(encoding="utf-8"))
    scores, losses = {}, {}
    for name in CATEGORIES:
        category = report["categories"].get(name)
        if category is None or category.get("score") is None:
            scores[name] = None
            continue
        scores[name] = round(category["score"] * 100)
        lost = []
        for ref in category["auditRefs"]:
            result = report["audits"].get(ref["id"], {})
            score = result.get("score")
            if ref.get("weight", 0) > 0 and score is not None and score < 1:
                lost.append({"id": ref["id"], "score": score, "weight": ref["weight"],
                             "title": result.get("title", ""), "value": result.get("displayValue", "")})
        losses[name] = lost
    console = report["audits"].get("errors-in-console", {}).get("details", {}).get("items", [])
    return {"scores": scores, "lost": losses,
            "console_errors": [i.get("description", "")[:200] for i in console],
            "lighthouse_version": report.get("lighthouseVersion")}
