"""Rules for what a schema cannot say. One module per rule; each has `check(docs, today)`."""

from __future__ import annotations

import datetime

from ..docset import DocSet
from ..problems import Problem
from . import (agreeing_observations, dates, exact_scope, fact_id_prefix, file_name, figures_in_summary,
               known_references, placeholder_titles, plain_text, plausible_values, republished_copies, reserved_slugs,
               series_frequency, single_copy, sources_before_period, staging_hosts, statement_figures, tracking_parameters, unique_ids,
               unique_observation_ids, unique_periods, unique_urls, unused_sources, vocabulary, web_addresses)

RULES = (file_name, reserved_slugs, unique_ids, fact_id_prefix, known_references, vocabulary, dates, plausible_values,
         plain_text, figures_in_summary, unique_urls, web_addresses, unused_sources, placeholder_titles,
         republished_copies, staging_hosts, tracking_parameters, unique_periods, series_frequency, unique_observation_ids,
         agreeing_observations, exact_scope, single_copy, sources_before_period, statement_figures)


def rule_problems(docs: DocSet, today: datetime.date) -> list[Problem]:
    problems: list[Problem] = []
    for rule in RULES:
        problems.extend(rule.check(docs, today))
    return problems
