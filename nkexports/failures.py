"""An unexpected error as one located line, which the commands and the build's hooks print
instead of a traceback: a reviewer sees where it happened, and a terminal or CI log cannot be
rewritten by what the error quotes from the data."""

from __future__ import annotations

import functools
import traceback
from pathlib import Path

from mkdocs.exceptions import Abort

from .escape import log_text

_PROJECT = Path(__file__).resolve().parent.parent


def one_line(error: BaseException) -> str:
    """'OverflowError: cannot convert float infinity to integer (nkexports/rules/x.py:27)'."""
    frames = traceback.extract_tb(error.__traceback__)
    where = ""
    if frames:
        path = Path(frames[-1].filename)
        shown = path.relative_to(_PROJECT) if path.is_relative_to(_PROJECT) else path.name
        where = f" ({shown}:{frames[-1].lineno})"
    return log_text(f"{type(error).__name__}: {error}{where}")


def one_line_failure(event):
    """A hook's event that stops the build with one line, never a traceback: mkdocs prints an
    Abort's message alone."""
    @functools.wraps(event)
    def guarded(*args, **kwargs):
        try:
            return event(*args, **kwargs)
        except Abort:
            raise
        except Exception as error:  # every other failure of a hook is one the build cannot go on from
            raise Abort(f"{event.__module__.rsplit('.', 1)[-1]}: the build could not go on: {one_line(error)}") from None
    return guarded
