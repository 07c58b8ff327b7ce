"""Logging to a rotating file in the user's data folder (shown in Help → About)."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path


def setup_logging(folder: Path) -> Path:
    path = folder / "literacy-app.log"
    root = logging.getLogger()
    if not any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        try:
            handler = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3,
                                                           encoding="utf-8")
        except OSError:
            return path
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
        root.setLevel(logging.INFO)
    return path
