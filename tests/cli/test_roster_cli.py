"""`literacy-app roster import` as HR runs it: a cp932 file from Excel, counts, problem lines, exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from .test_cli import run

GOOD = ("職員番号,氏名,所属,区分,採用年月日\r\n000123,髙﨑 一郎,総務局/総務部/総務課,新規採用,R8.4.1\r\n"
        "004560,山﨑 花子,市民局＞区政部,管理職,2001/4/1\r\n")


@pytest.fixture
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'cli.sqlite3'}"


def test_cp932_import_dry_run_then_real_then_again(tmp_path, db):
    path = tmp_path / "名簿.csv"
    path.write_bytes(GOOD.encode("cp932"))
    dry = run("roster", "import", str(path), "--dry-run", data_dir=tmp_path, db=db)
    assert dry.returncode == 0, dry.stderr
    assert "確認のみ（まだ保存していません）: 取り込むと 新規 2、更新 0、変更なし 0" in dry.stdout
    first = run("roster", "import", str(path), data_dir=tmp_path, db=db)
    assert first.returncode == 0 and "名簿を取り込みました: 新規 2、更新 0、変更なし 0" in first.stdout
    again = run("--lang", "en", "roster", "import", str(path), data_dir=tmp_path, db=db)
    assert again.returncode == 0 and "roster imported: 0 new, 0 updated, 2 unchanged" in again.stdout


def test_problems_are_listed_one_per_line_and_exit_1(tmp_path, db):
    path = tmp_path / "roster.csv"
    path.write_bytes((GOOD + "12 34,名前,総務局,新規採用,\r\n000123,重複,総務局,係長,\r\n").encode("cp932"))
    result = run("roster", "import", str(path), data_dir=tmp_path, db=db)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{path}:4: 職員番号「12 34」の形式が正しくありません（英数字とハイフン、32 文字まで）",
        f"{path}:5: 区分「係長」は 新規採用・昇任候補・管理職 のいずれかにしてください",
        f"{path}:5: 職員番号「000123」が 2 行目と重複しています",
    ]
    assert "名簿に 3 件の誤りがあるため取り込みませんでした" in result.stderr
    dry = run("roster", "import", str(path), "--dry-run", data_dir=tmp_path, db=db)
    assert dry.returncode == 1 and "確認のみ: 名簿に 3 件の誤りがあります" in dry.stderr


def test_map_names_a_header_that_differs(tmp_path, db):
    path = tmp_path / "roster.csv"
    path.write_bytes(GOOD.replace("職員番号", "社員番号").encode("utf-8-sig"))
    missing = run("roster", "import", str(path), data_dir=tmp_path, db=db)
    assert missing.returncode == 1 and "必須の列「職員番号」が見つかりません。見つかった列: 社員番号、" in missing.stdout
    mapped = run("roster", "import", str(path), "--map", "職員番号=社員番号", data_dir=tmp_path, db=db)
    assert mapped.returncode == 0 and "新規 2" in mapped.stdout
    bad = run("roster", "import", str(path), "--map", "職員番号", data_dir=tmp_path, db=db)
    assert bad.returncode == 1 and "「項目=列名」の形で" in bad.stderr


def _stored_people(db: str) -> int:
    from sqlalchemy import create_engine, text

    engine = create_engine(db)
    try:
        with engine.connect() as connection:
            return int(connection.execute(text("SELECT count(*) FROM examinee")).scalar_one())
    finally:
        engine.dispose()


def test_a_header_without_rows_is_not_reported_as_imported(tmp_path, db):
    """Found: a header-only file was reported as a successful import."""
    path = tmp_path / "名簿.csv"
    path.write_bytes("職員番号,氏名,所属,区分\r\n\r\n".encode("cp932"))
    result = run("roster", "import", str(path), data_dir=tmp_path, db=db)
    assert result.returncode == 1
    assert f"{path}:1: 見出しの行（1 行目）のあとに職員の行がありません" in result.stdout
    assert "取り込みました" not in result.stdout


def test_merged_bureau_cells_in_excel_are_refused_with_their_rows(tmp_path, db):
    """Found: an .xlsx with the 局 column merged over several rows silently lost the 局 of all but
    the first row."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["職員番号", "氏名", "局", "部", "課", "区分"])
    for n, section in enumerate(["総務課", "人事課", "法務課"], start=1):
        sheet.append([f"00010{n}", f"職員 {n}", "総務局" if n == 1 else None, "総務部", section, "新規採用"])
    sheet.merge_cells("C2:C4")
    path = tmp_path / "名簿.xlsx"
    book.save(path)
    result = run("roster", "import", str(path), data_dir=tmp_path, db=db)
    assert result.returncode == 1, result.stdout
    assert f"{path}:2: セルが結合されています（C2:C4、2〜4 行目）" in result.stdout
    assert _stored_people(db) == 0


def test_half_a_million_bad_rows_list_the_first_ones_and_give_the_count(tmp_path, db):
    """Found: a file of 500,000 bad rows printed 547,292 lines."""
    path = tmp_path / "壊れた名簿.csv"
    with path.open("w", encoding="utf-8") as out:
        out.write("職員番号,氏名,所属,区分\n")
        out.writelines(f"{n:06d},,総務局,係長\n" for n in range(500_000))  # no name, a wrong 区分: 2 problems a row
    result = run("roster", "import", str(path), data_dir=tmp_path, db=db)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 201 and lines[0].startswith(f"{path}:2: ")
    assert lines[-1] == "ほかにも 999800 件の誤りがあります（最初の 200 件だけを表示しています）"
    assert "名簿に 1000000 件の誤りがあるため取り込みませんでした" in result.stderr


def test_roster_add_refuses_a_name_longer_than_an_import_allows(tmp_path, db):
    """Found: `roster add` accepted a 500-character name that `roster import` refuses."""
    result = run("roster", "add", "--staff-no", "000777", "--name", "長" * 500, "--org", "総務局", "--audience",
                 "新規採用", data_dir=tmp_path, db=db)
    assert result.returncode == 1 and "「氏名」が長すぎます（200 文字まで）" in result.stderr
    assert _stored_people(db) == 0


def test_a_full_roster_lists_the_retirees_asks_and_then_deactivates_them(tmp_path, db):
    """Found: people who retired could never be deactivated.  `--full` lists who the file does not
    name, stores nothing without a confirmation, and deactivates them with one."""
    from sqlalchemy import create_engine, text

    first = tmp_path / "2026.csv"
    first.write_bytes(GOOD.encode("cp932"))
    assert run("roster", "import", str(first), data_dir=tmp_path, db=db).returncode == 0
    second = tmp_path / "2027.csv"  # 山﨑 花子 retired; a newcomer joined
    second.write_bytes("職員番号,氏名,所属,区分\r\n000123,髙﨑 一郎,総務局/総務部/総務課,昇任候補\r\n"
                       "007001,新人 一郎,市民局/区政部,新規採用\r\n".encode("cp932"))
    preview = run("roster", "import", str(second), "--full", "--dry-run", data_dir=tmp_path, db=db)
    assert preview.returncode == 0, preview.stderr
    assert "名簿にない 1 人を無効にします" in preview.stdout and "004560\t山﨑 花子\t市民局/区政部" in preview.stdout
    refused = run("roster", "import", str(second), "--full", data_dir=tmp_path, db=db)  # no terminal to ask
    assert refused.returncode == 1 and "--yes を付けて実行してください（何も保存していません）" in refused.stderr
    done = run("roster", "import", str(second), "--full", "--yes", data_dir=tmp_path, db=db)
    assert done.returncode == 0, done.stderr
    assert "新規 1、更新 1、変更なし 0" in done.stdout and "名簿にない 1 人を無効にしました" in done.stdout
    engine = create_engine(db)
    with engine.connect() as connection:
        active = dict(connection.execute(text("SELECT staff_no, active FROM examinee")).all())
        logged = connection.execute(text("SELECT detail FROM audit_log WHERE action = 'roster_import' "
                                         "ORDER BY id DESC")).scalars().first()
    engine.dispose()
    assert active == {"000123": True, "004560": False, "007001": True}
    assert '"deactivated": 1' in logged and "004560" in logged
    again = run("roster", "import", str(first), data_dir=tmp_path, db=db)  # the retiree comes back: active again
    assert again.returncode == 0 and "更新 2" in again.stdout


def test_retention_says_how_many_before_it_does_anything(tmp_path, db):
    path = tmp_path / "名簿.csv"
    path.write_bytes(GOOD.encode("cp932"))
    assert run("roster", "import", str(path), data_dir=tmp_path, db=db).returncode == 0
    preview = run("retention", "--keep-years", "5", data_dir=tmp_path, db=db)
    assert preview.returncode == 0 and "確認のみ" in preview.stdout and " 0 人を仮名化します" in preview.stdout
    wrong = run("retention", "--keep-years", "0", data_dir=tmp_path, db=db)
    assert wrong.returncode == 1 and "1 以上" in wrong.stderr
    assert _stored_people(db) == 2


def test_the_retention_period_is_a_stored_setting_and_its_change_is_audited(tmp_path, db):
    """Issue 13, part 6: the period is the city's setting, not a number typed at each run."""
    unset = run("retention", data_dir=tmp_path, db=db)
    assert unset.returncode == 1 and "保存期間がまだ決められていません" in unset.stderr
    saved = run("retention", "--keep-years", "5", "--save", data_dir=tmp_path, db=db)
    assert saved.returncode == 0, saved.stderr
    assert "保存期間を 5 年度にしました（以前: —" in saved.stdout and "確認のみ" in saved.stdout
    again = run("retention", data_dir=tmp_path, db=db)  # the stored period applies
    assert again.returncode == 0 and "保存 5 年度" in again.stdout
    changed = run("retention", "--keep-years", "7", "--save", data_dir=tmp_path, db=db)
    assert "以前: 5" in changed.stdout
    silly = run("retention", "--keep-years", "500", "--save", data_dir=tmp_path, db=db)
    assert silly.returncode == 1 and "1 から 100 年度の間" in silly.stderr
    logged = run("audit", "list", "--action", "retention_setting", data_dir=tmp_path, db=db)
    assert logged.stdout.count("retention_setting") == 2
