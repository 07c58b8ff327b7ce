"""Reading an exchange file by its extension, and naming the bank it becomes — shared by the
command line (``bank import``) and the trainer's window."""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import UserError
from .common import IDENTIFIER, ReadResult

XML_SUFFIXES = (".xml",)
GIFT_SUFFIXES = (".gift", ".txt")


def read_questions(path: Path) -> ReadResult:
    """GIFT (.gift, .txt) or Moodle XML (.xml), by the file's extension."""
    suffix = path.suffix.lower()
    if suffix in GIFT_SUFFIXES:
        from . import gift

        return gift.read(path)
    if suffix in XML_SUFFIXES:
        from . import moodle_xml  # written beside gift.py; imported only when needed

        return moodle_xml.read(path)
    raise UserError("ix_format_unknown", file=str(path))



def default_bank_id(path: Path) -> str:
    candidate = re.sub(r"[^A-Za-z0-9_.\-]+", "-", path.stem).strip("-._")[:60]
    return candidate if candidate and IDENTIFIER.match(candidate) else "imported"
