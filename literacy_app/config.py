"""Settings in one place: database URL, data folder, language.

The database is, in order: ``--db URL`` on the command line, the ``LITERACY_DB`` environment
variable, or a SQLite file in the user's data folder (platformdirs: %LOCALAPPDATA% on Windows,
~/.local/share on Linux).  ``LITERACY_DATA_DIR`` moves the data folder (tests, portable use).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

from platformdirs import user_data_path

APP_NAME = "literacy-app"
APP_AUTHOR = "city-ict"


def data_dir() -> Path:
    override = os.environ.get("LITERACY_DATA_DIR")
    path = Path(override) if override else user_data_path(APP_NAME, APP_AUTHOR)
    path.mkdir(parents=True, exist_ok=True)
    return path


class Settings(NamedTuple):
    """Immutable settings (a NamedTuple, not a dataclass: this is on the start-up path)."""

    db_url: str
    lang: str
    data_dir: Path
    banks_dir: Path | None = None
    """The bank folder trainers edit (LITERACY_BANKS_DIR; default: the shipped question_banks)."""


def default_db_url(folder: Path) -> str:
    return f"sqlite:///{folder / 'literacy.sqlite3'}"


def load_settings(db: str | None = None, lang: str | None = None) -> Settings:
    folder = data_dir()
    url = db or os.environ.get("LITERACY_DB") or default_db_url(folder)
    language = lang or os.environ.get("LITERACY_LANG") or "ja"
    banks = os.environ.get("LITERACY_BANKS_DIR")
    return Settings(url, language if language in ("ja", "en") else "ja", folder, Path(banks) if banks else None)
