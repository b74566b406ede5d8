"""One page of every template, in each edition, in a real browser: no console errors, no request
leaves 127.0.0.1, no horizontal scrolling on a phone, no axe-core violations, and a screenshot at
phone and desktop width."""

from __future__ import annotations

import pytest

from browser_support import NO_CHROMIUM, TEMPLATES, chromium_path, describe_violations


@pytest.fixture(params=["en", "ko"])
def visit_in(request, visit, korean_visit):
    """The English edition's pages, then the Korean edition's (tests/browser/conftest.py)."""
    return visit if request.param == "en" else korean_visit


def test_chromium_is_installed():
    assert chromium_path(), NO_CHROMIUM


@pytest.mark.parametrize("template", TEMPLATES)
def test_no_console_errors(visit_in, template):
    seen = visit_in(template)
    assert not seen.errors, f"{seen.url} logged errors:\n" + "\n".join(seen.errors)


@pytest.mark.parametrize("template", TEMPLATES)
def test_no_request_leaves_the_machine(visit_in, template):
    seen = visit_in(template)
    assert seen.requests, f"{seen.url}: no request was recorded at all"
    assert not seen.foreign_requests, (f"{seen.url} requested other hosts than 127.0.0.1:\n"
                                       + "\n".join(seen.foreign_requests))


@pytest.mark.parametrize("template", TEMPLATES)
def test_no_horizontal_scrolling_on_a_phone(visit_in, template):
    seen = visit_in(template)
    assert seen.phone_scroll_width <= seen.phone_inner_width, (
        f"{seen.url} at 375 px is {seen.phone_scroll_width} px wide: the reader must scroll sideways")


@pytest.mark.parametrize("template", TEMPLATES)
def test_no_accessibility_violations(visit_in, template):
    seen = visit_in(template)
    report = "\n".join(f"at {width} width:\n{describe_violations(found)}"
                       for width, found in seen.violations.items() if found)
    assert not report, f"axe-core found violations on {seen.url}\n{report}"


@pytest.mark.parametrize("template", TEMPLATES)
def test_screenshots_are_written(visit_in, template):
    for path in visit_in(template).screenshots:
        assert path.is_file() and path.read_bytes().startswith(b"\x89PNG"), f"no screenshot at {path}"
