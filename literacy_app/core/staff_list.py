"""HR's list of 職員番号 for an assessment window: one number a line, or a CSV / .xlsx whose first
column is 職員番号 (a header row is recognised and skipped).

Numbers are read as text, so leading zeros are kept; full-width digits are normalised (NFKC).
Problems carry the file's line (row) number so HR can fix the file: ``file:line: message``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .roster import HEADER_VARIANTS, STAFF_NO, STAFF_NO_PATTERN, RosterProblem, header_key, normalise_staff_no
from .tabular import TableUnreadable, read_table

_HEADERS = {header_key(variant) for variant in HEADER_VARIANTS[STAFF_NO]}


@dataclass(frozen=True)
class StaffList:
    """The numbers in file order with the line each came from (duplicates kept once)."""

    path: str
    lines: dict[str, int]  # staff_no → line number of its first occurrence
    problems: list[RosterProblem]


def read_staff_list(path: Path) -> StaffList:
    name = str(path)
    try:
        table = read_table(path)
    except TableUnreadable as exc:
        return StaffList(name, {}, [RosterProblem(name, exc.row, exc.code, exc.params)])
    lines: dict[str, int] = {}
    problems: list[RosterProblem] = []
    for index, (number, cells) in enumerate(table.rows):
        value = cells[0] if cells else None
        if index == 0 and header_key(value) in _HEADERS:
            continue
        if isinstance(value, int | float) and not isinstance(value, bool):  # an Excel number: zeros lost
            problems.append(RosterProblem(name, number, "roster_staff_no_numeric", {"value": value}))
            continue
        staff_no = normalise_staff_no("" if value is None else str(value))
        if not staff_no:
            problems.append(RosterProblem(name, number, "roster_empty_field", {"column": STAFF_NO}))
        elif not STAFF_NO_PATTERN.match(staff_no):
            problems.append(RosterProblem(name, number, "staff_no_invalid", {"staff_no": staff_no}))
        else:
            lines.setdefault(staff_no, number)
    if not lines and not problems:
        problems.append(RosterProblem(name, None, "staff_list_empty"))
    return StaffList(name, lines, problems)
