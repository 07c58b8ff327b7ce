"""Find shipped resources (question_banks/, reports/, translations) wherever the app runs.

One function for a source checkout (the editable install the README's commands make) and a
PyInstaller bundle alike: in a bundle everything sits under ``sys._MEIPASS`` (build.spec puts
it there); otherwise the folders are next to the package.
"""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def resource_root() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return _PACKAGE.parent


def resource_path(*parts: str) -> Path:
    return resource_root().joinpath(*parts)


def question_banks_dir() -> Path:
    return resource_path("question_banks")


def reports_dir() -> Path:
    return resource_path("reports")
