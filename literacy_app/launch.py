"""GUI entry point, kept apart so the command line never imports Qt unless it starts the GUI."""

from __future__ import annotations

from .config import Settings


def run_gui(settings: Settings) -> int:
    from .ui.app import run

    return run(settings)
