"""Rules for what a schema cannot say. One module per rule; each has `check(docs, today)`."""

from __future__ import annotations

import datetime

from ..docset import DocSet
from ..problems import Problem
from . import (dates, file_name, figures_in_summary, known_references, plain_text, plausible_values,
               reserved_slugs, unique_ids, unique_periods, unique_urls, unused_sources, web_addresses)

RULES = (file_name, reserved_slugs, unique_ids, known_references, dates, plausible_values, plain_text,
         figures_in_summary, unique_urls, unused_sources, web_addresses, unique_periods)


def rule_problems(docs: DocSet, today: datetime.date) -> list[Problem]:
    problems: list[Problem] = []
    for rule in RULES:
        problems.extend(rule.check(docs, today))
    return problems
