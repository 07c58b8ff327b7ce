"""The applicant list of one 採用区分 (hiring selection): 受験番号 and 氏名, as the recruitment
section keeps it (CSV in UTF-8 or cp932, or .xlsx).

Read with the staff roster's rules (``core.roster``): the header row is recognised by its names,
受験番号 is text (leading zeros kept, full-width digits normalised, a number Excel stored as a
number refused), 氏名 keeps its exact characters; every problem is located as ``file:row`` and all
of them are listed (up to ``MAX_LISTED``), because the import stores all rows or none.  Applicants
have no 所属 and no 職員番号: nothing else is read, so nothing else about them is kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .roster import (
    HEADER_VARIANTS,
    MAX_LENGTH,
    MAX_LISTED,
    NAME,
    STAFF_NO_PATTERN,
    RosterProblem,
    _is_number,
    _text,
    header_key,
    normalise_staff_no,
)
from .tabular import CellValue, TableUnreadable, read_table

EXAM_NO = "受験番号"
_EXAM_NO_HEADERS = {header_key(text) for text in ("受験番号", "受験者番号", "受付番号", "受験No", "受験No.", "受験NO")}
_NAME_HEADERS = {header_key(text) for text in HEADER_VARIANTS[NAME]}


@dataclass(frozen=True)
class Applicant:
    row: int
    exam_no: str
    name: str


@dataclass(frozen=True)
class ApplicantsRead:
    path: str
    applicants: tuple[Applicant, ...]
    problems: tuple[RosterProblem, ...]
    unlisted: int = 0


def read_applicants(path: Path) -> ApplicantsRead:
    """Read and check an applicant list; never raises for a problem in the file."""
    shown = str(path)
    try:
        table = read_table(path)
    except TableUnreadable as exc:
        return ApplicantsRead(shown, (), (RosterProblem(shown, exc.row, exc.code, exc.params),))
    if not table.rows:
        return ApplicantsRead(shown, (), (RosterProblem(shown, None, "roster_empty_file"),))
    header_row, header = table.rows[0]
    keys = [header_key(cell) for cell in header]
    exam_col = next((i for i, key in enumerate(keys) if key in _EXAM_NO_HEADERS), None)
    name_col = next((i for i, key in enumerate(keys) if key in _NAME_HEADERS), None)
    if exam_col is None or name_col is None:
        missing = "」「".join(name for name, col in ((EXAM_NO, exam_col), (NAME, name_col)) if col is None)
        found = "、".join(str(cell).strip() for cell in header if cell is not None and str(cell).strip()) or "-"
        return ApplicantsRead(shown, (), (RosterProblem(shown, header_row, "roster_missing_column",
                                                        {"column": missing, "found": found}),))
    if len(table.rows) == 1:
        return ApplicantsRead(shown, (), (RosterProblem(shown, header_row, "roster_no_rows", {"row": header_row}),))
    problems: list[RosterProblem] = []
    applicants: list[Applicant] = []
    first_row: dict[str, int] = {}
    count = 0
    for number, cells in table.rows[1:]:
        found_problems = _check(shown, number, cells, exam_col, name_col, first_row)
        count += len(found_problems)
        problems.extend(found_problems[:max(0, MAX_LISTED - len(problems))])
        if not found_problems:
            applicants.append(Applicant(number, normalise_staff_no(_text(cells[exam_col])),
                                        _text(cells[name_col] if name_col < len(cells) else None).strip()))
    return ApplicantsRead(shown, tuple(applicants), tuple(problems), unlisted=count - len(problems))


def _check(path: str, number: int, cells: list[CellValue], exam_col: int, name_col: int,
           first_row: dict[str, int]) -> list[RosterProblem]:
    problems: list[RosterProblem] = []
    raw = cells[exam_col] if exam_col < len(cells) else None
    exam_no = normalise_staff_no(_text(raw))
    if _is_number(raw):
        problems.append(RosterProblem(path, number, "exam_no_numeric", {"value": _text(raw)}))
    elif not exam_no:
        problems.append(RosterProblem(path, number, "roster_empty_field", {"column": EXAM_NO}))
    elif not STAFF_NO_PATTERN.match(exam_no):
        problems.append(RosterProblem(path, number, "exam_no_invalid", {"exam_no": exam_no}))
    elif exam_no in first_row:
        problems.append(RosterProblem(path, number, "applicant_duplicate",
                                      {"exam_no": exam_no, "first": first_row[exam_no]}))
    else:
        first_row[exam_no] = number
    name = _text(cells[name_col] if name_col < len(cells) else None).strip()
    if not name:
        problems.append(RosterProblem(path, number, "roster_empty_field", {"column": NAME}))
    elif len(name) > MAX_LENGTH[NAME]:
        problems.append(RosterProblem(path, number, "roster_too_long", {"column": NAME, "max": MAX_LENGTH[NAME]}))
    return problems
