"""bench/page_length.py measures what a phone shows: a page's height in screens of the phone's height."""

from __future__ import annotations

import sys

from helpers import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import page_length  # noqa: E402  (bench/ is not a package)


def test_a_page_ten_screens_high_measures_ten(browser, tmp_path):
    high = page_length.PHONE["height"] * 10
    (tmp_path / "index.html").write_text(f'<!doctype html><body style="margin:0"><div style="height:{high}px"></div>')
    (tmp_path / "short").mkdir()
    (tmp_path / "short" / "index.html").write_text('<!doctype html><body style="margin:0"><p>One line.</p>')
    assert page_length.screens(tmp_path, browser) == {"": 10.0, "short": 1.0}
