"""Logging to a rotating file in the user's data folder (shown in Help → About)."""

from __future__ import annotations

from pathlib import Path


def log_path(folder: Path) -> Path:
    return folder / "literacy-app.log"


def setup_logging(folder: Path) -> Path:
    import logging
    import logging.handlers

    path = log_path(folder)
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
