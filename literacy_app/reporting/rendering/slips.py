"""Seat slips (受験票): one per person of a window, with the code that person types to start
and to resume.  Printed once, when HR issues the codes (only their hashes are stored)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ...core.fiscal import JST
from ...resources import reports_dir
from .html import environment
from .pdf import print_pdf


def render_slips_html(title: str, opens: Any, closes: Any, slips: list[Any]) -> str:
    def moment(value: Any) -> str:
        return str(value.astimezone(JST).strftime("%Y-%m-%d %H:%M"))

    return environment().get_template("seat_slips.html.j2").render(
        title=title, opens=moment(opens), closes=moment(closes), slips=slips,
        css=(reports_dir() / "report.css").read_text(encoding="utf-8"))


def write_slips_pdf(title: str, opens: Any, closes: Any, slips: list[Any], path: Path) -> None:
    print_pdf(render_slips_html(title, opens, closes, slips), {}, path, f"受験票 {title}")
