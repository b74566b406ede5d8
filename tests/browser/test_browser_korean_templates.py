"""The Korean edition's page of every template in chromium, on a phone and a desktop: what the
English pages are held to (tests/browser/test_browser_templates.py), Korean pages are held to too."""

from __future__ import annotations

import pytest

from browser_support import TEMPLATES, describe_violations


@pytest.mark.parametrize("template", TEMPLATES)
def test_a_korean_page_logs_no_error_and_asks_nothing_of_other_hosts(korean_visit, template):
    seen = korean_visit(template)
    assert not seen.errors, f"{seen.url} logged errors:\n" + "\n".join(seen.errors)
    assert seen.requests and not seen.foreign_requests, seen.foreign_requests


@pytest.mark.parametrize("template", TEMPLATES)
def test_a_korean_page_needs_no_sideways_scrolling_on_a_phone(korean_visit, template):
    seen = korean_visit(template)
    assert seen.phone_scroll_width <= seen.phone_inner_width, (
        f"{seen.url} at 375 px is {seen.phone_scroll_width} px wide: the reader must scroll sideways")


@pytest.mark.parametrize("template", TEMPLATES)
def test_a_korean_page_has_no_accessibility_violations(korean_visit, template):
    seen = korean_visit(template)
    report = "\n".join(f"at {width} width:\n{describe_violations(found)}"
                       for width, found in seen.violations.items() if found)
    assert not report, f"axe-core found violations on {seen.url}\n{report}"
