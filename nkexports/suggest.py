"""'Did you mean …?' for an id a contributor mistyped."""

from __future__ import annotations

import difflib


def did_you_mean(wrong: str, known) -> str:
    """' (did you mean 'reuters-2024-eyelashes'?)' when a known id is close, else ''."""
    close = difflib.get_close_matches(wrong, sorted(k for k in known if isinstance(k, str)), n=1, cutoff=0.75)
    return f" (did you mean '{close[0]}'?)" if close else ""
