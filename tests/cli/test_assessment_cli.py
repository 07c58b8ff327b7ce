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
