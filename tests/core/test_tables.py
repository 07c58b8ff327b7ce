"""CSV and xlsx writing: encodings round-trip, formula injection is defused, xlsx reads back."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from openpyxl import load_workbook

from literacy_app.core.errors import UserError
from literacy_app.core.tables import Table, neutralise, write_csv, write_xlsx

HEADERS = ["職員番号", "氏名", "所属", "得点率"]
ROWS = [["000123", "髙橋 一郎", "総務局/総務部/総務課", 0.825], ["004560", "山﨑 花子", "市民局/区政部", 0.6],
        ["000777", "=HYPERLINK(\"http://evil\",\"x\")", "+SUM(A1)", 0.5]]


@pytest.mark.parametrize("value", ["=1+1", "+81", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_dangerous_starts_are_neutralised(value):
    assert neutralise(value) == "'" + value


def test_safe_values_pass_unchanged():
    assert neutralise("髙﨑") == "髙﨑" and neutralise(-2) == -2 and neutralise(dt.date(2026, 4, 1)) == dt.date(2026, 4, 1)


def test_utf8_with_bom_round_trip_keeps_zeros_and_old_forms(tmp_path):
    path = tmp_path / "out.csv"
    assert write_csv(Table("t", HEADERS, ROWS), path) == 3
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[1][:3] == ["000123", "髙橋 一郎", "総務局/総務部/総務課"]
    assert rows[2][1] == "山﨑 花子"
    assert rows[3][1].startswith("'=") and rows[3][2] == "'+SUM(A1)"


def test_cp932_round_trip_and_a_clear_refusal_for_characters_it_lacks(tmp_path):
    path = tmp_path / "sjis.csv"
    write_csv(Table("t", HEADERS, ROWS[:1] + [["000888", "斎藤 花子", "市民局", 0.5]]), path, encoding="cp932")
    rows = list(csv.reader(path.read_bytes().decode("cp932").splitlines()))
    assert rows[1][1] == "髙橋 一郎" and rows[2][1] == "斎藤 花子"  # 髙 exists in cp932 (NEC/IBM ext.)
    with pytest.raises(UserError) as caught:
        write_csv(Table("t", HEADERS, [["000999", "𠮷田 太郎", "市民局", 0.5]]), tmp_path / "x.csv", encoding="cp932")
    assert caught.value.code == "export_cp932" and "2 行目" in caught.value.render() and "𠮷" in caught.value.render()


def test_xlsx_sheets_headers_frozen_formats_and_text_read_back(tmp_path):
    path = tmp_path / "out.xlsx"
    tables = [Table("受験者", HEADERS, ROWS, {3: "0.0%"}), Table("領域別", ["領域", "平均"], [["セキュリティ", 0.7]])]
    assert write_xlsx(tables, path) == 4
    book = load_workbook(path)
    assert book.sheetnames == ["受験者", "領域別"]
    sheet = book["受験者"]
    assert [c.value for c in sheet[1]] == HEADERS and sheet.freeze_panes == "A2" and sheet["A1"].font.bold
    assert sheet["A2"].value == "000123" and sheet["B3"].value == "山﨑 花子"
    assert sheet["B4"].value.startswith("'=") and sheet["D2"].number_format == "0.0%"
