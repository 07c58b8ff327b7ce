"""A file a PC sends for an import (HR's roster, a selection's applicant list): the bytes travel in
the body as base64, are read on the server by the same import the PC would run alone, and the
sentences about them name the PC's file, never the server's temporary copy."""

from __future__ import annotations

import base64
import binascii
import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path, PurePosixPath
from typing import Any, TypeVar

from pydantic import Field

from .http import Refused, Strict

Report = TypeVar("Report")


class Upload(Strict):
    name: str = Field(min_length=1, max_length=200)
    data: str  # base64: CSV or .xlsx


def decoded(form: Upload, fallback: str) -> tuple[bytes, str]:
    """The file's bytes and the name to show (the PC's file name without its folders)."""
    try:
        data = base64.b64decode(form.data, validate=True)
    except (binascii.Error, ValueError):
        raise Refused(400, "bad_request", detail="data") from None
    return data, PurePosixPath(form.name.replace("\\", "/")).name or fallback


def imported(data: bytes, shown: str, run: Callable[[Path], Report]) -> Report:
    """``run`` on a temporary copy named like the PC's file; the report's ``path`` and ``problems``
    are rewritten to name the PC's file."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / shown
        path.write_bytes(data)
        report: Any = run(path)
    return replace(report, path=shown, problems=tuple(line.replace(str(path), shown) for line in report.problems))
