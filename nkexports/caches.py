"""Where the build keeps what it can make again (chart drawings, comparisons of data states):
outside the checkout, so that nothing a pull request commits is ever read as a cache.

NKEXPORTS_CACHE_DIR names the folder; without it, the user's cache folder ($XDG_CACHE_HOME,
or ~/.cache) holds an `nkexports` folder. Each kind of entry has its own folder in it.
"""

from __future__ import annotations

import os
from pathlib import Path

CACHE_DIR_VARIABLE = "NKEXPORTS_CACHE_DIR"


def cache_dir(kind: str) -> Path:
    """The folder for one kind of cached entry; it may not exist yet."""
    named = os.environ.get(CACHE_DIR_VARIABLE)
    if named:
        return Path(named) / kind
    user_cache = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(user_cache) / "nkexports" / kind
