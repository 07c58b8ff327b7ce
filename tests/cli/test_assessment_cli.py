"""`literacy-app assessment open … --staff-list / --org` and `assessment progress` as HR runs them."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..conftest import BASIC_BANK
from .test_cli import run

ROSTER = "職員番号,氏名,所属,区分\r\n" + "".join(
    f"{n:06d},職員 {n},総務局/総務部/総務課,新規採用\r\n" for n in range(1, 7))


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    assert run("bank", "publish", str(BASIC_BANK), data_dir=tmp_path, db=url).returncode == 0
    roster = tmp_path / "名簿.csv"
    roster.write_bytes(ROSTER.encode("cp932"))
    imported = run("roster", "import", str(roster), data_dir=tmp_path, db=url)
    assert imported.returncode == 0, imported.stderr
    return url


def test_window_must_end_after_it_starts(tmp_path, db):
    result = run("assessment", "open", "test-blueprint", "--from", "2026-12-01T09:00", "--to", "2026-11-30T17:00",
                 data_dir=tmp_path, db=db)
    assert result.returncode == 1
    assert "終了日時（--to 2026-11-30T17:00）は開始日時（--from 2026-12-01T09:00）より後にしてください" in result.stderr


def test_times_are_japan_time_and_a_window_without_a_code_says_what_that_means(tmp_path, db):
    """Found: 09:00 JST was echoed as 00:00+00:00, and nothing said a window without a code cannot be
    sat on a LAN."""
    import datetime as dt

    from sqlalchemy import create_engine, text

    opened = run("assessment", "open", "test-blueprint", "--from", "2026-12-01T09:00", "--to", "2026-12-02T17:30",
                 data_dir=tmp_path, db=db, env={"TZ": "UTC"})  # a server kept on UTC: typed times are still JST
    assert opened.returncode == 0, opened.stderr
    assert "（2026-12-01 09:00 JST 〜 2026-12-02 17:30 JST）" in opened.stdout
    assert "LAN の試験サーバーからは受験できません" in opened.stdout and "--code" in opened.stdout
    engine = create_engine(db)
    with engine.connect() as connection:
        opens = connection.execute(text("SELECT opens_at FROM assessment")).scalar_one()
    engine.dispose()
    assert str(opens).startswith("2026-12-01 00:00:00")  # stored as the instant, in UTC
    with_code = run("assessment", "open", "test-blueprint", "--code", "ume-3", data_dir=tmp_path, db=db)
    assert with_code.returncode == 0 and "LAN" not in with_code.stdout
    assert dt.datetime.now().strftime("%Y") in with_code.stdout


def test_an_unknown_blueprint_lists_the_published_ones(tmp_path, db):
    wrong = run("assessment", "open", "recruit-standrad", data_dir=tmp_path, db=db)
    assert wrong.returncode == 1
    assert "出題設計「recruit-standrad」は公開されていません（公開中の出題設計: test-blueprint）" in wrong.stderr


def test_a_cp932_console_gets_every_line_and_no_crash(tmp_path, db):
    """Found: `assessment progress` to a cp932 console (Windows, Japanese) crashed on 「—」 (rc 2)."""
    import os
    import subprocess
    import sys

    from ..conftest import ROOT

    staff = tmp_path / "list.txt"
    staff.write_text("000001\n000002\n", encoding="utf-8")
    assert run("assessment", "open", "test-blueprint", "--staff-list", str(staff), data_dir=tmp_path,
               db=db).returncode == 0
    environment = {**os.environ, "LITERACY_DATA_DIR": str(tmp_path), "PYTHONIOENCODING": "cp932"}
    environment.pop("LITERACY_DB", None)
    result = subprocess.run([sys.executable, "-m", "literacy_app", "--db", db, "assessment", "progress", "1"],
                            capture_output=True, cwd=ROOT, env=environment, timeout=120)
    out = result.stdout.decode("cp932")  # every byte is cp932
    assert result.returncode == 0, result.stderr.decode("cp932", "replace")
    assert out.splitlines()[0] == "所属\t対象\t未受験\t受験中\t完了"
    assert out.splitlines()[1] == "（全体）\t?\t?\t?\t?"  # 「—」 is not in cp932: replaced, not a crash


def test_staff_list_with_unknown_number_opens_nothing(tmp_path, db):
    staff = tmp_path / "対象者.csv"
    staff.write_text("職員番号,氏名\n000001,職員 1\n\n009999,誰か\n", encoding="utf-8")
    result = run("assessment", "open", "test-blueprint", "--staff-list", str(staff), data_dir=tmp_path, db=db)
    assert result.returncode == 1
    assert f"{staff}:4: 職員番号「009999」は名簿に登録されていません" in result.stdout
    assert "000001" not in result.stdout and "試験を開きませんでした" in result.stderr
    missing = run("assessment", "progress", "1", data_dir=tmp_path, db=db)
    assert missing.returncode == 1 and "試験 1 は見つかりません" in missing.stderr


def test_open_by_list_and_by_org_then_progress(tmp_path, db):
    staff = tmp_path / "list.txt"
    staff.write_text("000001\n000002\n", encoding="utf-8")  # leading zeros kept
    opened = run("assessment", "open", "test-blueprint", "--staff-list", str(staff), data_dir=tmp_path, db=db)
    assert opened.returncode == 0, opened.stdout + opened.stderr
    assert "試験 1 を開きました" in opened.stdout
    small = run("assessment", "progress", "1", data_dir=tmp_path, db=db)
    assert small.returncode == 0, small.stderr
    lines = small.stdout.splitlines()
    assert lines[0] == "所属\t対象\t未受験\t受験中\t完了"
    assert lines[1] == "（全体）\t—\t—\t—\t—"  # two people: under 5
    by_org = run("assessment", "open", "test-blueprint", "--org", "総務局／総務部", "--audience", "新規採用",
                 data_dir=tmp_path, db=db)
    assert by_org.returncode == 0 and "試験 2 を開きました" in by_org.stdout
    table = run("assessment", "progress", "2", data_dir=tmp_path, db=db)
    assert table.returncode == 0, table.stderr
    assert table.stdout.splitlines()[1:] == ["（全体）\t6\t6\t0\t0", "総務局\t6\t6\t0\t0",
                                             "総務局/総務部\t6\t6\t0\t0", "総務局/総務部/総務課\t6\t6\t0\t0"]


def test_seat_slips_print_a_personal_code_for_everyone(tmp_path, db):
    import re

    from sqlalchemy import create_engine, select

    from literacy_app.core.model import Actor
    from literacy_app.services import attempts
    from literacy_app.storage.uow import Database

    from ..reporting.test_person import _pdf_text

    assert run("assessment", "open", "test-blueprint", data_dir=tmp_path, db=db).returncode == 0
    out = tmp_path / "受験票.pdf"
    result = run("assessment", "slips", "1", "--out", str(out), data_dir=tmp_path, db=db)
    assert result.returncode == 0, result.stderr
    assert "6 人分の受験票" in result.stdout
    text = _pdf_text(out)
    assert text.count("受験票") >= 6 and "000001" in text and "職員 6" in text
    codes = dict(re.findall(r"職員番号: (\d{6}).*?受験コード:\s+([A-Z0-9]{4}-[A-Z0-9]{4})", text, re.S))
    assert len(codes) == 6 and len(set(codes.values())) == 6
    database = Database(create_engine(db))
    try:
        from literacy_app.storage.models import Examinee

        with database.uow(read_only=True) as uow:
            examinee_id = uow.session.scalar(select(Examinee.id).where(Examinee.staff_no == "000001"))
        actor = Actor("examinee", examinee_id, "000001")
        with database.uow() as uow:  # the printed code opens that person's attempt
            assert attempts.start_attempt(uow, actor, 1, codes["000001"]).status == "in_progress"
    finally:
        database.dispose()
    missing = run("assessment", "slips", "99", "--out", str(tmp_path / "x.pdf"), data_dir=tmp_path, db=db)
    assert missing.returncode == 1 and "見つかりません" in missing.stderr


def test_audit_list_prints_japan_time_filters_and_exports(tmp_path, db):
    """Issue 13: the audit log read from the command line, times in JST, filtered, exported (and recorded)."""
    listed = run("audit", "list", "--action", "roster_import", data_dir=tmp_path, db=db, env={"TZ": "UTC"})
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert len(lines) == 1 and "\troster_import\t" in lines[0] and lines[0].split("\t")[1].endswith(" JST")
    assert "1 行のうち 1 行を表示しました" in listed.stderr
    none = run("audit", "list", "--from", "2099-01-01", data_dir=tmp_path, db=db)
    assert none.returncode == 0 and none.stdout == ""
    out = tmp_path / "audit.xlsx"
    exported = run("audit", "list", "--out", str(out), data_dir=tmp_path, db=db)
    assert exported.returncode == 0 and out.stat().st_size > 1000
    again = run("audit", "list", "--action", "audit_export", data_dir=tmp_path, db=db)
    assert '"file": "audit.xlsx"' in again.stdout


def test_close_and_extend_a_window_from_the_command_line(tmp_path, db):
    opened = run("assessment", "open", "test-blueprint", "--code", "kaki-1", data_dir=tmp_path, db=db)
    assert opened.returncode == 0, opened.stderr
    extended = run("assessment", "extend", "1", "--to", "2099-03-31T17:00", data_dir=tmp_path, db=db)
    assert extended.returncode == 0, extended.stderr
    assert "2099-03-31 17:00 JST に変えました" in extended.stdout
    closed = run("assessment", "close", "1", data_dir=tmp_path, db=db)
    assert closed.returncode == 0 and "受験中の人は" in closed.stdout
    wrong = run("assessment", "extend", "1", "--to", "2000-01-01", data_dir=tmp_path, db=db)
    assert wrong.returncode == 1 and "より後にしてください" in wrong.stderr


def test_open_with_personal_codes_prints_the_slips_at_once(tmp_path, db):
    """Issue 13: 受験票 when the window is opened (a window with personal codes never runs without
    them); a room code and personal codes at once is refused with a sentence."""
    from ..reporting.test_person import _pdf_text

    both = run("assessment", "open", "test-blueprint", "--code", "x-1", "--slips", str(tmp_path / "s.pdf"),
               data_dir=tmp_path, db=db)
    assert both.returncode == 1 and "どちらか一方だけ" in both.stderr
    slips = tmp_path / "受験票.pdf"
    opened = run("assessment", "open", "test-blueprint", "--slips", str(slips), data_dir=tmp_path, db=db)
    assert opened.returncode == 0, opened.stderr
    assert "6 人分の受験票" in opened.stdout and "開きました" in opened.stdout
    assert "職員 6" in _pdf_text(slips)


def test_applicants_from_the_command_line_import_sit_list_and_delete(tmp_path, db):
    """Issue 13, part 7: the hiring selection on the CLI — a check first, then --yes; a window for the
    selection; the committee's list with 受験番号; deletion refused before the retention date."""
    listed = tmp_path / "応募者.csv"
    listed.write_bytes("受験番号,氏名\r\nR-0001,応募 一郎\r\n000001,番号 重複\r\n".encode("cp932"))
    bad = run("applicants", "import", str(listed), "--selection", "R9-A", "--title", "令和9年度 一般行政",
              data_dir=tmp_path, db=db)
    assert bad.returncode == 1 and f"{listed}:3: 受験番号「000001」は職員の番号として既に使われています" in bad.stdout
    listed.write_bytes("受験番号,氏名\r\nR-0001,応募 一郎\r\nR-0002,応募 二郎\r\n".encode("cp932"))
    checked = run("applicants", "import", str(listed), "--selection", "R9-A", "--title", "令和9年度 一般行政",
                  "--keep-until", "2099-03-31", data_dir=tmp_path, db=db)
    assert checked.returncode == 0 and "確認のみ" in checked.stdout and "追加 2 人" in checked.stdout
    stored = run("applicants", "import", str(listed), "--selection", "R9-A", "--title", "令和9年度 一般行政",
                 "--keep-until", "2099-03-31", "--yes", data_dir=tmp_path, db=db)
    assert stored.returncode == 0, stored.stderr
    opened = run("assessment", "open", "test-blueprint", "--applicants", "R9-A", "--code", "k-1",
                 data_dir=tmp_path, db=db)
    assert opened.returncode == 0, opened.stderr
    listing = run("assessment", "candidates", "1", data_dir=tmp_path, db=db)
    lines = listing.stdout.splitlines()
    assert lines[0].startswith("受験番号\t氏名\t採用区分") and len(lines) == 3
    assert "R-0001\t応募 一郎\t令和9年度 一般行政" in listing.stdout
    shown = run("applicants", "list", data_dir=tmp_path, db=db)
    assert "R9-A\t令和9年度 一般行政\t2\t0\t2099-03-31" in shown.stdout
    early = run("applicants", "delete", "R9-A", "--apply", data_dir=tmp_path, db=db)
    assert early.returncode == 1 and "2099-03-31 です。期限を過ぎるまで削除できません" in early.stderr


def test_the_city_sets_its_minimum_group_size_once(tmp_path, db):
    """Issue 14: the minimum cuts the blocks every report is made of, so it is one setting of the
    city (audited), not a number each report picks; never below 3."""
    shown = run("report", "min-group", data_dir=tmp_path, db=db)
    assert shown.returncode == 0 and "5 人以上" in shown.stdout
    low = run("report", "min-group", "2", data_dir=tmp_path, db=db)
    assert low.returncode == 1 and "3 から 50 人の間" in low.stderr
    saved = run("report", "min-group", "7", data_dir=tmp_path, db=db)
    assert saved.returncode == 0 and "7 人にしました（以前: 5 人" in saved.stdout
    logged = run("audit", "list", "--action", "min_group_setting", data_dir=tmp_path, db=db)
    assert logged.stdout.count("min_group_setting") == 1
