"""Reading HR's roster: encodings, .xlsx cells, header variants and mapping, dates, every bad row."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from literacy_app.core.errors import UserError
from literacy_app.core.roster import org_path_of, parse_date, parse_mapping, read_roster

HEADER = "職員番号,氏名,所属,職位,区分,採用年月日"
ROWS = ("000123,髙﨑 一郎,総務局/総務部/総務課,主事,新規採用,2026/4/1",
        "004560,山﨑 花子,市民局＞区政部＞戸籍住民課,課長,管理職,令和2年4月1日")
GOOD = "\r\n".join((HEADER, *ROWS)) + "\r\n"


def _csv(tmp_path, text, encoding="utf-8", name="roster.csv"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def _xlsx(tmp_path, rows, name="roster.xlsx", formats=None):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(list(row))
    for ref, number_format in (formats or {}).items():
        sheet[ref].number_format = number_format
    path = tmp_path / name
    workbook.save(path)
    return path


def _lines(read, lang="ja"):
    return [problem.render(lang) for problem in read.problems]


def _summary(read):
    return [(e.row, e.staff_no, e.name, e.org_path, e.audience, e.job_title, e.hired_on) for e in read.entries]


EXPECTED = [
    (2, "000123", "髙﨑 一郎", "総務局/総務部/総務課", "recruit", "主事", dt.date(2026, 4, 1)),
    (3, "004560", "山﨑 花子", "市民局/区政部/戸籍住民課", "manager", "課長", dt.date(2020, 4, 1)),
]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "cp932"])
def test_csv_round_trips_in_every_encoding_hr_uses(tmp_path, encoding):
    read = read_roster(_csv(tmp_path, GOOD, encoding))
    assert read.problems == ()
    assert _summary(read) == EXPECTED
    assert read.encoding == encoding


def test_a_file_in_neither_encoding_gets_a_clear_message(tmp_path):
    path = _csv(tmp_path, GOOD, "utf-16")
    assert _lines(read_roster(path)) == [f"{path}: 文字コードを判別できません。UTF-8（BOM 付きでも可）か Shift_JIS"
                                         "（cp932）の CSV、または .xlsx で保存してください"]
    assert "encoding is not recognised" in _lines(read_roster(path), "en")[0]


def test_utf8_damaged_after_japanese_text_is_refused_at_its_row_not_read_as_cp932(tmp_path):
    path = tmp_path / "roster.csv"
    path.write_bytes(GOOD.encode("utf-8") + b"000999," + b"\x82\xa0" + ",総務局,新規採用,\r\n".encode())
    assert _lines(read_roster(path)) == [f"{path}:4: この行に UTF-8 として読めない文字があります"
                                         "（ファイルが壊れているか、文字コードが混在しています）"]


def test_old_xls_and_broken_xlsx_and_empty_and_missing_files(tmp_path):
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    assert ".xls" in _lines(read_roster(old))[0]
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    assert "Excel ファイル（.xlsx）として読めません" in _lines(read_roster(broken))[0]
    empty = _csv(tmp_path, "\r\n\r\n", name="empty.csv")
    assert _lines(read_roster(empty)) == [f"{empty}: 名簿が空です（見出しの行がありません）"]
    assert "ファイルを読めません" in _lines(read_roster(tmp_path / "nowhere.csv"))[0]


def test_xlsx_cells_come_back_as_text_and_dates(tmp_path):
    path = _xlsx(tmp_path, [
        ("職員番号", "氏名", "所属", "職位", "区分", "採用年月日"),
        ("000123", "髙﨑 一郎", "総務局/総務部/総務課", "主事", "新規採用", dt.datetime(2026, 4, 1)),
        ("004560", "山﨑 花子", "市民局／区政部／戸籍住民課", "課長", "管理職", "R2.4.1"),
        (None, None, None, None, None, None),  # a blank row still counts in the numbering
        ("A-77", "  Ｊｏｈｎ　Ｓｍｉｔｈ　", "議会局", 3, "昇任候補", 20260401),
    ])
    read = read_roster(path)
    assert read.problems == () and read.encoding == "xlsx"
    assert _summary(read) == EXPECTED + [
        (5, "A-77", "Ｊｏｈｎ　Ｓｍｉｔｈ", "議会局", "promotion", "3", dt.date(2026, 4, 1))]


def test_numeric_staff_no_cell_is_a_problem_not_a_guess(tmp_path):
    path = _xlsx(tmp_path, [("職員番号", "氏名", "所属", "区分"), (123, "山田 太郎", "総務局", "新規採用"),
                            (4567.0, "佐藤 次郎", "総務局", "新規採用"), ("000890", "鈴木 三郎", "総務局", "管理職")])
    read = read_roster(path)
    assert _lines(read) == [
        f"{path}:2: 職員番号 123 が Excel で数値として保存されているため、先頭の 0 が失われているかもしれません。"
        "職員番号の列の書式を「文字列」にして番号を入力し直してください",
        f"{path}:3: 職員番号 4567 が Excel で数値として保存されているため、先頭の 0 が失われているかもしれません。"
        "職員番号の列の書式を「文字列」にして番号を入力し直してください"]
    assert "format the 職員番号 column as Text" in _lines(read, "en")[0]
    assert [e.staff_no for e in read.entries] == ["000890"]


def test_a_number_shown_with_a_zero_padding_format_reads_as_the_text_excel_shows(tmp_path):
    path = _xlsx(tmp_path, [("職員番号", "氏名", "所属", "区分"), (123, "山田 太郎", "総務局", "新規採用")],
                 formats={"A2": "000000"})
    read = read_roster(path)
    assert read.problems == () and read.entries[0].staff_no == "000123"


def test_bureau_department_section_columns_or_one_org_column(tmp_path):
    columns = _csv(tmp_path, "職員番号,氏名,局,部,課,区分\n1,甲,総務局,総務部,総務課,新規採用\n2,乙,市長室,,秘書課,管理職\n",
                   name="columns.csv")
    assert [e.org_path for e in read_roster(columns).entries] == ["総務局/総務部/総務課", "市長室/秘書課"]
    one = _csv(tmp_path, "職員番号,氏名,所属名,区分\n1,甲,総務局・総務部・総務課,新規採用\n2,乙,総務局 ＞ 企画・調整課,管理職\n",
               name="one.csv")
    assert [e.org_path for e in read_roster(one).entries] == ["総務局/総務部/総務課", "総務局/企画・調整課"]
    assert org_path_of(" 総務局／総務部 / ") == "総務局/総務部"


def test_header_variants_are_recognised(tmp_path):
    text = "職員ID,職員氏名,所属部署,役職,受験区分,採用日\n0042,田中 一,総務局,主任,昇任候補,2020-04-01\n"
    read = read_roster(_csv(tmp_path, text))
    assert read.problems == ()
    assert _summary(read) == [(2, "0042", "田中 一", "総務局", "promotion", "主任", dt.date(2020, 4, 1))]
    code = _csv(tmp_path, "\ufeff職員コード, 氏 名 ,所属,区分\n7,田中 一,総務局,管理職\n", "utf-8", "code.csv")
    assert [e.staff_no for e in read_roster(code).entries] == ["7"]


def test_explicit_mapping_for_headers_that_differ(tmp_path):
    path = _csv(tmp_path, "社員番号,漢字名,組織,対象\n000123,髙﨑 一郎,総務局/総務部,新規採用\n")
    missing = read_roster(path)
    assert _lines(missing) == [f"{path}:1: 必須の列「職員番号」「氏名」「所属（または局・部・課）」「区分」が見つかりません。"
                               "見つかった列: 社員番号、漢字名、組織、対象（列名が違う場合は、例えば 職員番号=社員番号 のように"
                               "対応付けを指定してください）"]
    mapping = parse_mapping(["職員番号=社員番号", "氏名=漢字名", "所属=組織", "区分 = 対象"])
    assert mapping == {"職員番号": "社員番号", "氏名": "漢字名", "所属": "組織", "区分": "対象"}
    read = read_roster(path, mapping)
    assert read.problems == ()
    assert _summary(read) == [(2, "000123", "髙﨑 一郎", "総務局/総務部", "recruit", None, None)]


def test_mapping_mistakes_are_explained(tmp_path):
    path = _csv(tmp_path, GOOD)
    lines = _lines(read_roster(path, {"年齢": "年齢", "職員番号": "社員番号"}))
    assert lines[0].startswith(f"{path}:1: 対応付けの「年齢」は名簿の項目ではありません（項目: 職員番号、氏名、所属")
    assert lines[1] == (f"{path}:1: 対応付けで指定した列「社員番号」がファイルにありません。"
                        f"見つかった列: 職員番号、氏名、所属、職位、区分、採用年月日")
    for bad in ("職員番号", "=社員番号", "職員番号="):
        with pytest.raises(UserError) as caught:
            parse_mapping([bad])
        assert caught.value.code == "roster_map_syntax"


def test_two_columns_meaning_the_same_field_ask_for_a_mapping(tmp_path):
    path = _csv(tmp_path, "職員番号,職員ID,氏名,所属,区分\n1,2,甲,総務局,新規採用\n")
    assert _lines(read_roster(path)) == [f"{path}:1: 列「職員番号」と「職員ID」がどちらも「職員番号」と読めます。"
                                         "使う列を対応付けで指定してください（例: 職員番号=職員番号）"]
    read = read_roster(path, {"職員番号": "職員ID"})
    assert read.problems == () and read.entries[0].staff_no == "2"


def test_every_bad_row_is_listed_with_its_spreadsheet_row(tmp_path):
    text = "\r\n".join((
        HEADER,
        "０００１２３,髙﨑 一郎,総務局,,新規採用,",   # 2: fine (full-width digits normalised)
        "12 34,名前,総務局,,新規採用,",             # 3: bad staff number
        "000777,　,総務局,,新規採用,",              # 4: empty name (a full-width space only)
        "000888,名前,総務局,,係長,",                # 5: unknown category
        "000123,重複,総務局,,新規採用,",            # 6: duplicate of row 2
        "",                                        # 7: blank, skipped but counted
        "000999,名前,総務局,,管理職,2026/2/30",     # 8: no such date
        "001000,名前,総務局,,,R8.13.1",             # 9: empty category and a bad date
        ",名前,総務局,,管理職,平成31年5月1日",       # 10: empty staff number, 平成 ended on 4/30
        "001001,名前,\"総務局\n総務部\",,管理職,",   # 11: a quoted line break does not shift the rows
        "001002,名前,総務局,,管理職,",              # 12: fine
    )) + "\r\n"
    path = _csv(tmp_path, text, "cp932")
    read = read_roster(path)
    assert _lines(read) == [
        f"{path}:3: 職員番号「12 34」の形式が正しくありません（英数字とハイフン、32 文字まで）",
        f"{path}:4: 「氏名」が空です",
        f"{path}:5: 区分「係長」は 新規採用・昇任候補・管理職 のいずれかにしてください",
        f"{path}:6: 職員番号「000123」が 2 行目と重複しています",
        f"{path}:8: 「採用年月日」の「2026/2/30」を日付として読めません（例: 2026/4/1、2026-04-01、令和8年4月1日、R8.4.1）",
        f"{path}:9: 「区分」が空です",
        f"{path}:9: 「採用年月日」の「R8.13.1」を日付として読めません（例: 2026/4/1、2026-04-01、令和8年4月1日、R8.4.1）",
        f"{path}:10: 「職員番号」が空です",
        f"{path}:10: 「採用年月日」の「平成31年5月1日」を日付として読めません（例: 2026/4/1、2026-04-01、令和8年4月1日、R8.4.1）",
    ]
    assert [e.row for e in read.entries] == [2, 11, 12]
    assert read.entries[1].org_path == "総務局\n総務部"  # no separator: kept as written
    english = _lines(read, "en")
    assert english[3] == f"{path}:6: staff number '000123' repeats row 2"
    assert english[1] == f"{path}:4: '氏名' is empty"


def test_too_long_values_are_problems_before_the_database_refuses_them(tmp_path):
    path = _csv(tmp_path, f"{HEADER}\n1,{'長' * 201},総務局,{'職' * 101},新規採用,\n")
    assert _lines(read_roster(path)) == [f"{path}:2: 「氏名」が長すぎます（200 文字まで）",
                                         f"{path}:2: 「職位」が長すぎます（100 文字まで）"]


@pytest.mark.parametrize(("text", "expected"), [
    ("2026/4/1", dt.date(2026, 4, 1)), ("2026-04-01", dt.date(2026, 4, 1)), ("2026.4.1", dt.date(2026, 4, 1)),
    ("2026年4月1日", dt.date(2026, 4, 1)), ("２０２６／４／１", dt.date(2026, 4, 1)), ("20260401", dt.date(2026, 4, 1)),
    ("2026/04/01 0:00:00", dt.date(2026, 4, 1)), ("R8.4.1", dt.date(2026, 4, 1)), ("r8/4/1", dt.date(2026, 4, 1)),
    ("令和8年4月1日", dt.date(2026, 4, 1)), ("令和 8年 4月 1日", dt.date(2026, 4, 1)),
    ("令和元年5月1日", dt.date(2019, 5, 1)), ("H31.4.30", dt.date(2019, 4, 30)), ("平成元年1月8日", dt.date(1989, 1, 8)),
    ("S63.4.1", dt.date(1988, 4, 1)), ("", None), (None, None), (dt.datetime(2026, 4, 1, 9), dt.date(2026, 4, 1)),
])
def test_dates_hr_writes(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["2026/2/30", "R8.13.1", "令和元年4月30日", "H31.5.1", "昭和64年1月8日", "4/1",
                                  "来年度", "R0.5.1", dt.time(9, 0)])
def test_not_dates(text):
    with pytest.raises(ValueError):
        parse_date(text)
