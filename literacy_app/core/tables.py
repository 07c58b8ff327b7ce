"""Writing tables for HR: CSV that Excel on Japanese Windows opens correctly, and xlsx.

- CSV is UTF-8 with a BOM by default (Excel on Japanese Windows reads a CSV as cp932 unless it
  starts with a BOM), or cp932 on request; a character cp932 cannot hold (e.g. some old kanji
  forms) makes the cp932 export fail with the row and column, never a silent '?'.
- Every text cell is neutralised against formula injection: a value starting with = + - @,
  TAB or CR gets a leading apostrophe, in CSV and xlsx alike.
- xlsx: one sheet per table, Japanese headers, the header row frozen and bold, columns sized to
  their content, number formats per column.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import UserError

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """Defuse spreadsheet formula injection in a text cell; numbers and dates pass unchanged."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


@dataclass
class Table:
    """One sheet: a title (sheet name), headers, rows, and optional number formats by column."""

    title: str
    headers: Sequence[str]
    rows: Iterable[Sequence[Any]]
    number_formats: dict[int, str] = field(default_factory=dict)
    """Column index → Excel number format, e.g. {3: "0.0%"} or {2: "0"}."""


def write_csv(table: Table, path: Path, encoding: str = "utf-8-sig") -> int:
    """Write one table as CSV; returns the number of data rows."""
    if encoding not in ("utf-8-sig", "cp932"):
        raise UserError("export_encoding", encoding=encoding)
    count = 0
    with path.open("w", encoding=encoding, errors="strict", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(table.headers)
        for count, row in enumerate(table.rows, start=1):
            cells = [neutralise(value) for value in row]
            try:
                writer.writerow(cells)
            except UnicodeEncodeError as exc:
                column = next((table.headers[i] for i, v in enumerate(cells)
                               if isinstance(v, str) and exc.object and exc.object in v), "")
                raise UserError("export_cp932", row=count + 1, column=column,
                                char=exc.object[exc.start:exc.end]) from None
    return count


def write_xlsx(tables: Sequence[Table], path: Path) -> int:
    """Write each table to its own sheet; returns the total number of data rows."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    workbook.remove(workbook.active)
    total = 0
    for table in tables:
        sheet = workbook.create_sheet(title=table.title[:31])
        sheet.append(list(table.headers))
        widths = [len(str(h)) * 2 for h in table.headers]
        for row in table.rows:
            cells = [neutralise(value) for value in row]
            sheet.append(cells)
            total += 1
            for index, value in enumerate(cells):
                text = str(value) if value is not None else ""
                widths[index] = max(widths[index], sum(2 if ord(c) > 0x2E7F else 1 for c in text))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        for index, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = min(60, width + 2)
        for column, number_format in table.number_formats.items():
            for (cell,) in sheet.iter_rows(min_row=2, min_col=column + 1, max_col=column + 1):
                cell.number_format = number_format
    workbook.save(path)
    return total
