"""Where the extractor keeps what it derives once per machine (the compiled C helper, the folded
given-name lists): the user's cache directory, as XDG says."""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "minutes"
