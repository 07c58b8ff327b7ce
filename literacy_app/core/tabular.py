"""Read a spreadsheet-like file (CSV or .xlsx) into numbered rows of raw cell values.

HR's files come from a personnel system or from Excel on Japanese Windows, so a CSV may be UTF-8
(with or without a BOM) or cp932, and an .xlsx keeps typed cells (numbers, dates).  This module only
gets the cells out, numbered as the spreadsheet shows them (the first row is 1); what the cells
mean is the caller's business.  openpyxl is imported only when an .xlsx is read.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import UserError

CellValue = str | int | float | bool | dt.date | dt.datetime | dt.time | None

_XLSX_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old binary .xls (and other Office 97 files)
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_ZERO_PAD_FORMAT = re.compile(r"^0+$")
_EXCEL_TEXT_FORMULA = re.compile(r'^="(.*)"$', re.DOTALL)  # ="000123": Excel's trick to keep zeros


class TableUnreadable(UserError):
    """The file as a whole cannot be read; ``row`` is where, when a place is known."""

    def __init__(self, code: str, row: int | None = None, **params: Any) -> None:
        super().__init__(code, **params)
        self.row = row


@dataclass(frozen=True)
class Table:
    """Non-blank rows as ``(row number, cells)``; row numbers count blank rows too."""

    rows: list[tuple[int, list[CellValue]]]
    encoding: str  # "xlsx" for a workbook
    merged: tuple[tuple[str, int, int], ...] = ()
    """A workbook's merged ranges as (range, first row, last row): only the first cell of a merged
    range holds its value, so a reader must not take the others for empty."""


def read_table(path: Path) -> Table:
    """Read CSV or .xlsx (chosen by content, not by the name); raise TableUnreadable."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise TableUnreadable("file_unreadable", detail=exc.strerror or str(exc)) from None
    if data.startswith(_XLSX_MAGIC):
        rows, merged = _xlsx_rows(data)
        return Table(rows, "xlsx", merged)
    if data.startswith(_OLE_MAGIC):
        raise TableUnreadable("table_old_xls")
    text, encoding = decode_text(data)
    return Table(_csv_rows(text), encoding)


def decode_text(data: bytes) -> tuple[str, str]:
    """BOM → utf-8-sig; else strict UTF-8; else cp932; else a clear refusal.

    A file that is valid UTF-8 up to some non-ASCII text and then breaks is a damaged UTF-8
    file, not cp932 (real cp932 Japanese fails as UTF-8 within a few bytes): decoding it as cp932
    would import mojibake, so it is refused at the row where it breaks.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data.decode("utf-8-sig"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise TableUnreadable("table_broken_utf8", row=_line_of(data, exc.start)) from None
    if data.startswith(_UTF16_BOMS) or b"\x00" in data:
        raise TableUnreadable("table_encoding")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if not data[:exc.start].isascii():
            raise TableUnreadable("table_broken_utf8", row=_line_of(data, exc.start)) from None
    try:
        return data.decode("cp932"), "cp932"
    except UnicodeDecodeError:
        raise TableUnreadable("table_encoding") from None


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _csv_rows(text: str) -> list[tuple[int, list[CellValue]]]:
    first_line = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first_line and "," not in first_line else ","
    rows: list[tuple[int, list[CellValue]]] = []
    try:
        # a record is one spreadsheet row even when a quoted cell holds a line break
        for number, record in enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), start=1):
            cells: list[CellValue] = [_unwrap(cell) for cell in record]
            if any(isinstance(cell, str) and cell.strip() for cell in cells):
                rows.append((number, cells))
    except csv.Error as exc:
        raise TableUnreadable("table_csv_syntax", detail=str(exc)) from None
    return rows


def _unwrap(cell: str) -> str:
    match = _EXCEL_TEXT_FORMULA.match(cell.strip())
    return match.group(1) if match else cell


_MERGE_CELL = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"')


def _merged_ranges(data: bytes, sheet: Any) -> tuple[tuple[str, int, int], ...]:
    """The sheet's ``<mergeCell ref=…>`` entries.  openpyxl's read-only mode (needed for large
    rosters) does not report them, so they are read from the sheet's own XML part."""
    part = getattr(sheet, "_worksheet_path", None)  # where openpyxl found the sheet in the package
    if not part:
        return ()
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        xml = package.read(part)
    found = []
    for start_col, start_row, end_col, end_row in _MERGE_CELL.findall(xml[xml.rfind(b"</sheetData>"):]):
        last = end_row or start_row
        text = f"{start_col.decode()}{start_row.decode()}" + (f":{end_col.decode()}{last.decode()}" if end_col else "")
        found.append((text, int(start_row), int(last)))
    return tuple(found)


def _xlsx_rows(data: bytes) -> tuple[list[tuple[int, list[CellValue]]], tuple[tuple[str, int, int], ...]]:
    import openpyxl  # only here: the CLI and the examinee window start without it

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise TableUnreadable("table_bad_xlsx", detail=str(exc) or type(exc).__name__) from None
    try:
        if not workbook.worksheets:
            return [], ()
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()  # some exporters write a wrong <dimension>; read every cell there is
        rows: list[tuple[int, list[CellValue]]] = []
        for number, cells in enumerate(sheet.iter_rows(min_row=1), start=1):
            values = [_xlsx_value(cell) for cell in cells]
            if any(value is not None and not (isinstance(value, str) and not value.strip()) for value in values):
                rows.append((number, values))
        return rows, _merged_ranges(data, sheet)
    finally:
        workbook.close()  # read-only workbooks keep the file open (and locked on Windows) until closed


def _xlsx_value(cell: Any) -> CellValue:
    value = getattr(cell, "value", None)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return value
    # a whole number shown with a format like 000000 reads as the zero-padded text Excel shows
    number_format = getattr(cell, "number_format", None) or ""
    if _ZERO_PAD_FORMAT.match(number_format) and float(value).is_integer() and value >= 0:
        return str(int(value)).zfill(len(number_format))
    return value
