"""HR's staff roster: map the personnel system's columns, check every row, report each problem.

The file is read with ``tabular`` (CSV in UTF-8 or cp932, or .xlsx).  Row 1 is the header (the
first non-blank row, to be exact); problems are located as ``file:row`` with the row number the
spreadsheet shows, so HR can find them in Excel.  Every row is checked and every problem listed:
the import is all-or-nothing and HR fixes the file in one pass.

Rules that follow from Japanese personnel conventions:
- 職員番号 is text: leading zeros are kept, full-width digits are NFKC-normalised, and a number
  Excel stored as a number is refused (its lost zeros cannot be known) unless its cell format is a
  zero-padding format such as 000000, whose display is the exact text.
- 氏名 keeps its exact characters (髙, 﨑 …); only surrounding spaces, full-width ones too, go.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .catalog import AUDIENCE_BY_JA, AUDIENCES
from .errors import UserError
from .i18n import message
from .tabular import CellValue, TableUnreadable, read_table

STAFF_NO_PATTERN = re.compile(r"^[0-9A-Za-z][0-9A-Za-z\-]{0,31}$")

# the fields, named by their canonical Japanese header
STAFF_NO, NAME, ORG, BUREAU, DEPARTMENT, SECTION = "職員番号", "氏名", "所属", "局", "部", "課"
TITLE, AUDIENCE, HIRED_ON = "職位", "区分", "採用年月日"
FIELDS: tuple[str, ...] = (STAFF_NO, NAME, ORG, BUREAU, DEPARTMENT, SECTION, TITLE, AUDIENCE, HIRED_ON)
ORG_PARTS: tuple[str, ...] = (BUREAU, DEPARTMENT, SECTION)

HEADER_VARIANTS: dict[str, tuple[str, ...]] = {
    STAFF_NO: ("職員番号", "職員ID", "職員コード", "職員CD", "職員No", "職員No.", "職員NO"),
    NAME: ("氏名", "職員氏名", "職員名", "名前", "氏名(漢字)", "漢字氏名"),
    ORG: ("所属", "所属名", "所属部署", "所属部署名", "部署", "部署名", "所属組織"),
    BUREAU: ("局", "局名", "局等", "局等名"),
    DEPARTMENT: ("部", "部名", "部等", "部等名"),
    SECTION: ("課", "課名", "課等", "課等名", "課室", "課室名"),
    TITLE: ("職位", "職位名", "職名", "役職", "役職名"),
    AUDIENCE: ("区分", "受験区分", "対象区分", "対象者区分"),
    HIRED_ON: ("採用年月日", "採用日", "採用日付", "入庁日", "入庁年月日"),
}
MAX_LENGTH = {NAME: 200, ORG: 500, TITLE: 100}  # the examinee table's column sizes
MAX_LISTED = 200
"""Problems listed one by one; past this many only their number is given (a file of 500,000 bad
rows must not print 500,000 lines — the first ones show what is wrong)."""

_ORG_SEPARATORS = re.compile(r"\s*[/／>＞]\s*")
_ORG_WEAK_SEPARATOR = re.compile(r"\s*・\s*")  # 企画・調整課 is one name when / or ＞ separates the levels
_WESTERN_DATE = re.compile(r"^(\d{4})[/\-.年](\d{1,2})[/\-.月](\d{1,2})日?$")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_ERA_DATE = re.compile(r"^(令和|平成|昭和|R|H|S)(\d{1,2}|元)[/\-.年](\d{1,2})[/\-.月](\d{1,2})日?$")
_TIME_SUFFIX = re.compile(r"\s+\d{1,2}:\d{2}(:\d{2})?$")
# era name → (year before its first year, first day, last day)
_ERAS: dict[str, tuple[int, dt.date, dt.date | None]] = {
    "令和": (2018, dt.date(2019, 5, 1), None),
    "平成": (1988, dt.date(1989, 1, 8), dt.date(2019, 4, 30)),
    "昭和": (1925, dt.date(1926, 12, 25), dt.date(1989, 1, 7)),
}
_ERA_LETTERS = {"R": "令和", "H": "平成", "S": "昭和"}


@dataclass(frozen=True)
class RosterProblem:
    """One thing wrong with the file, at a spreadsheet row (``None``: the file as a whole)."""

    path: str
    row: int | None
    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def render(self, lang: str = "ja") -> str:
        where = self.path if self.row is None else f"{self.path}:{self.row}"
        return f"{where}: {message(self.code, lang, **self.params)}"


@dataclass(frozen=True)
class RosterEntry:
    """One valid row.  ``job_title`` and ``hired_on`` are ``None`` for an empty cell."""

    row: int
    staff_no: str
    name: str
    org_path: str
    audience: str
    job_title: str | None = None
    hired_on: dt.date | None = None


@dataclass(frozen=True)
class RosterRead:
    """The valid rows and every problem; ``columns`` are the fields the file provides (a field
    absent from the file must not overwrite what the database holds)."""

    path: str
    entries: tuple[RosterEntry, ...]
    problems: tuple[RosterProblem, ...]
    columns: frozenset[str] = frozenset()
    encoding: str = ""
    unlisted: int = 0
    """Problems found beyond the ``MAX_LISTED`` in ``problems``."""


def read_roster(path: Path, mapping: Mapping[str, str] | None = None) -> RosterRead:
    """Read and check a roster file.  ``mapping`` names the file's header for a field whose
    header differs, e.g. ``{"職員番号": "社員番号"}``.  Never raises for a problem in the file."""
    shown = str(path)
    try:
        table = read_table(path)
    except TableUnreadable as exc:
        return RosterRead(shown, (), (RosterProblem(shown, exc.row, exc.code, exc.params),))
    if not table.rows:
        return RosterRead(shown, (), (RosterProblem(shown, None, "roster_empty_file"),), encoding=table.encoding)
    header_row, header = table.rows[0]
    columns, problems = _map_columns(shown, header_row, header, mapping or {})
    if problems:
        return RosterRead(shown, (), tuple(problems), encoding=table.encoding)
    if len(table.rows) == 1:
        problem = RosterProblem(shown, header_row, "roster_no_rows", {"row": header_row})
        return RosterRead(shown, (), (problem,), encoding=table.encoding)
    problems += [RosterProblem(shown, first, "roster_merged_cells", {"range": cells, "first": first, "last": last})
                 for cells, first, last in table.merged if last >= header_row]
    entries: list[RosterEntry] = []
    first_row: dict[str, int] = {}
    count = len(problems)
    for number, cells in table.rows[1:]:
        entry, row_problems = _check_row(shown, number, cells, columns)
        staff_no = entry.staff_no if entry else _valid_staff_no(cells, columns)
        if staff_no is not None:
            if staff_no in first_row:
                row_problems.append(RosterProblem(shown, number, "roster_duplicate", {
                    "staff_no": staff_no, "first": first_row[staff_no]}))
            else:
                first_row[staff_no] = number
        count += len(row_problems)
        if len(problems) < MAX_LISTED:
            problems.extend(row_problems[:MAX_LISTED - len(problems)])
        if entry is not None and not row_problems:
            entries.append(entry)
    return RosterRead(shown, tuple(entries), tuple(problems), frozenset(columns), table.encoding,
                      unlisted=count - len(problems))


def parse_mapping(items: Iterable[str]) -> dict[str, str]:
    """``["職員番号=社員番号", …]`` (the command line's --map) → ``{"職員番号": "社員番号"}``."""
    mapping: dict[str, str] = {}
    for item in items:
        target, sep, source = item.partition("=")
        if not sep or not target.strip() or not source.strip():
            raise UserError("roster_map_syntax", value=item)
        mapping[target.strip()] = source.strip()
    return mapping


def header_key(text: object) -> str:
    """How headers are compared: NFKC (full/half width), no spaces, case folded."""
    normal = unicodedata.normalize("NFKC", "" if text is None else str(text))
    return "".join(normal.split()).casefold()


_FIELD_BY_HEADER = {header_key(variant): name for name, variants in HEADER_VARIANTS.items() for variant in variants}


def _map_columns(path: str, header_row: int, header: list[CellValue],
                 mapping: Mapping[str, str]) -> tuple[dict[str, int], list[RosterProblem]]:
    """Field → column index: the explicit mapping first, then the known header variants."""
    found = [(index, str(name).strip()) for index, name in enumerate(header)
             if name is not None and str(name).strip()]
    found_text = "、".join(name for _, name in found) or "-"
    columns: dict[str, int] = {}
    explicit: set[str] = set()
    problems: list[RosterProblem] = []

    def problem(code: str, **params: Any) -> None:
        problems.append(RosterProblem(path, header_row, code, params))

    for target, source in mapping.items():
        name = _FIELD_BY_HEADER.get(header_key(target))
        if name is None:
            problem("roster_map_unknown_field", field=target, fields="、".join(FIELDS))
            continue
        matches = [index for index, text in found if header_key(text) == header_key(source)]
        if not matches:
            problem("roster_map_header_missing", header=source, found=found_text)
            continue
        if len(matches) > 1:
            problem("roster_ambiguous_column", field=name, first=source, second=source)
            continue
        columns[name] = matches[0]
        explicit.add(name)
    used = set(columns.values())
    for index, text in found:
        name = _FIELD_BY_HEADER.get(header_key(text))
        if name is None or name in explicit or index in used:
            continue
        if name in columns:
            first = next(t for i, t in found if i == columns[name])
            problem("roster_ambiguous_column", field=name, first=first, second=text)
            continue
        columns[name] = index
    if problems:
        return columns, problems
    # one 所属 column, or 局 / 部 / 課 columns: the separate columns win unless 所属 was mapped by hand
    if ORG not in explicit and any(part in columns for part in ORG_PARTS):
        columns.pop(ORG, None)
    elif ORG in columns:
        for part in ORG_PARTS:
            columns.pop(part, None)
    has_org = ORG in columns or any(part in columns for part in ORG_PARTS)
    missing = [name for name in (STAFF_NO, NAME) if name not in columns]
    missing += [] if has_org else [f"{ORG}（または{BUREAU}・{DEPARTMENT}・{SECTION}）"]
    missing += [] if AUDIENCE in columns else [AUDIENCE]
    if missing:
        problem("roster_missing_column", column="」「".join(missing), found=found_text)
    return columns, problems


def _cell(cells: list[CellValue], columns: dict[str, int], name: str) -> CellValue:
    index = columns.get(name)
    return cells[index] if index is not None and index < len(cells) else None


def _text(value: CellValue) -> str:
    """A cell as text: whole numbers without '.0', dates as ISO dates."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def _is_number(value: CellValue) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def normalise_staff_no(text: str) -> str:
    """NFKC (full-width digits and letters → ASCII), surrounding spaces removed."""
    return unicodedata.normalize("NFKC", text).strip()


def _valid_staff_no(cells: list[CellValue], columns: dict[str, int]) -> str | None:
    value = _cell(cells, columns, STAFF_NO)
    if _is_number(value):
        return None
    staff_no = normalise_staff_no(_text(value))
    return staff_no if STAFF_NO_PATTERN.match(staff_no) else None


def _check_row(path: str, number: int, cells: list[CellValue],
               columns: dict[str, int]) -> tuple[RosterEntry | None, list[RosterProblem]]:
    problems: list[RosterProblem] = []

    def problem(code: str, **params: Any) -> None:
        problems.append(RosterProblem(path, number, code, params))

    raw_staff_no = _cell(cells, columns, STAFF_NO)
    staff_no = normalise_staff_no(_text(raw_staff_no))
    if _is_number(raw_staff_no):
        problem("roster_staff_no_numeric", value=_text(raw_staff_no))
    elif not staff_no:
        problem("roster_empty_field", column=STAFF_NO)
    elif not STAFF_NO_PATTERN.match(staff_no):
        problem("staff_no_invalid", staff_no=staff_no)

    name = _text(_cell(cells, columns, NAME)).strip()
    if not name:
        problem("roster_empty_field", column=NAME)

    if ORG in columns:
        org_path = org_path_of(_text(_cell(cells, columns, ORG)))
    else:
        parts = (_text(_cell(cells, columns, part)).strip() for part in ORG_PARTS)
        org_path = "/".join(part for part in parts if part)

    title = _text(_cell(cells, columns, TITLE)).strip()
    for column, value in ((NAME, name), (ORG, org_path), (TITLE, title)):
        if len(value) > MAX_LENGTH[column]:
            problem("roster_too_long", column=column, max=MAX_LENGTH[column])

    raw_audience = _text(_cell(cells, columns, AUDIENCE)).strip()
    audience = audience_of(raw_audience)
    if not raw_audience:
        problem("roster_empty_field", column=AUDIENCE)
    elif audience is None:
        problem("roster_bad_audience", value=raw_audience)

    hired_on: dt.date | None = None
    raw_date = _cell(cells, columns, HIRED_ON)
    try:
        hired_on = parse_date(raw_date)
    except ValueError:
        problem("roster_bad_date", column=HIRED_ON, value=_text(raw_date).strip())

    if problems or audience is None:
        return None, problems
    return RosterEntry(number, staff_no, name, org_path, audience, title or None, hired_on), problems


def org_path_of(text: str) -> str:
    """One 所属 cell → "局/部/課".  / ／ > ＞ separate levels; ・ does only when none of them is
    there (so 総務局/企画・調整課 keeps 企画・調整課 whole)."""
    text = text.strip()
    separator = _ORG_SEPARATORS if _ORG_SEPARATORS.search(text) else _ORG_WEAK_SEPARATOR
    return "/".join(part.strip() for part in separator.split(text) if part.strip())


def audience_of(value: str) -> str | None:
    """新規採用 / 昇任候補 / 管理職 (or recruit / promotion / manager) → the audience id."""
    value = unicodedata.normalize("NFKC", value).strip()
    if value.casefold() in AUDIENCES:
        return value.casefold()
    return AUDIENCE_BY_JA.get(value)


def parse_date(value: CellValue) -> dt.date | None:
    """A date cell or text → date; empty → None; anything else → ValueError.

    Accepts 2026/4/1, 2026-04-01, 2026.4.1, 2026年4月1日, 20260401, R8.4.1, 令和8年4月1日 (元年
    too), 平成 and 昭和 (H / S), with an optional time after a space as Excel writes it in a CSV.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, dt.time | bool):
        raise ValueError(value)
    text = unicodedata.normalize("NFKC", _text(value)).strip()
    if not text:
        return None
    text = "".join(_TIME_SUFFIX.sub("", text).split()).upper()
    if match := _WESTERN_DATE.match(text) or _COMPACT_DATE.match(text):
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    if match := _ERA_DATE.match(text):
        era = _ERA_LETTERS.get(match.group(1), match.group(1))
        offset, first, last = _ERAS[era]
        year = 1 if match.group(2) == "元" else int(match.group(2))
        day = dt.date(offset + year, int(match.group(3)), int(match.group(4)))
        if year < 1 or day < first or (last is not None and day > last):
            raise ValueError(text)
        return day
    raise ValueError(text)
