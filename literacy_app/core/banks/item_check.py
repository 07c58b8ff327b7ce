"""Live validation of one item being edited: the same rules as ``bank validate``, by field.

The trainer's editor shows each problem next to the field it concerns.  The item is written as a
one-item bank (with its file's scenarios, at its file's path so an image is looked up beside it),
validated by the real loader and checks, and each problem's line is mapped back to the field
whose lines hold it.  Cross-file rules (a duplicate id in another file, blueprint pools) are
checked on save with ``BankDocument.validate(context=…)``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .checks import check
from .load import BankSet, load_text
from .problems import Problem
from .write import new_bank_text

_FIELD_LINE = re.compile(r"^    ([a-z_]+):")


def check_item(item: dict[str, Any], path: str | Path, scenarios: list[dict[str, Any]] | None = None,
               bank_id: str = "editing") -> dict[str, list[Problem]]:
    """Problems of one item by field name ("" for the item as a whole)."""
    bank: dict[str, Any] = {"bank": bank_id, "title": bank_id, "items": [item]}
    if scenarios:
        bank["scenarios"] = scenarios
    try:
        text = new_bank_text(bank)
    except Exception as error:  # noqa: BLE001 - a value the writer cannot represent is a problem, not a crash
        return {"": [Problem(str(path), 1, 1, "bank_file_yaml", {"path": str(path), "line": 1, "detail": str(error)})]}
    result = load_text(str(path), text, BankSet())
    check(result)
    fields = _field_lines(text)
    found: dict[str, list[Problem]] = {}
    for problem in result.problems:
        found.setdefault(_field_at(fields, problem.line), []).append(problem)
    return found


def _field_lines(text: str) -> list[tuple[int, str]]:
    """(first line, field) of each of the item's fields in the one-item file."""
    starts = []
    in_items = False
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith("items:"):
            in_items = True
        elif in_items and line.startswith("  - id:"):
            starts.append((number, "id"))
        elif in_items and (match := _FIELD_LINE.match(line)):
            starts.append((number, match.group(1)))
    return starts


def _field_at(fields: list[tuple[int, str]], line: int) -> str:
    name = ""
    for start, field in fields:
        if start > line:
            break
        name = field
    return name
