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


def taken_ids(folder: Path) -> set[str]:
    """Item ids already used by the banks in a folder (an import must not reuse them)."""
    from ..banks import load_paths

    if not folder.is_dir():
        return set()
    return {item.id for _bank, _index, item in load_paths([folder]).items()}


def renumber_clashes(bank: dict, taken: set[str]) -> list[tuple[str, str]]:
    """Give imported items whose id is already taken a fresh ``<bank id>-NNN`` (the original
    name stays in their ``source``); returns the (old, new) pairs to report."""
    used = set(taken) | {str(item["id"]) for item in bank["items"]}
    renamed = []
    number = 1
    for item in bank["items"]:
        if item["id"] not in taken:
            continue
        while f"{bank['bank']}-{number:03d}" in used:
            number += 1
        new = f"{bank['bank']}-{number:03d}"
        used.add(new)
        renamed.append((item["id"], new))
        item["id"] = new
    return renamed
