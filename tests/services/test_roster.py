"""HR's roster import into the database: all-or-nothing, idempotent, dry run, exact characters.

Runs on SQLite and on PostgreSQL (the ``database`` fixture).
"""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from sqlalchemy import select

from literacy_app.core.errors import NotAllowed, UserError
from literacy_app.core.model import SYSTEM, Actor
from literacy_app.services import roster
from literacy_app.storage.models import AuditLog, Examinee

from ..conftest import add_examinee

HEADER = "職員番号,氏名,所属,職位,区分,採用年月日"
GOOD = (f"{HEADER}\r\n000123,髙﨑 一郎,総務局/総務部/総務課,主事,新規採用,R8.4.1\r\n"
        "004560,山﨑 花子,市民局＞区政部＞戸籍住民課,課長,管理職,2001/4/1\r\n")


def _file(tmp_path, text=GOOD, encoding="cp932", name="roster.csv"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def _import(database, path, actor=SYSTEM, **options):
    with database.uow() as uow:
        return roster.import_roster(uow, actor, path, **options)


def _examinees(database):
    with database.uow(read_only=True) as uow:
        return uow.session.execute(
            select(Examinee.staff_no, Examinee.name, Examinee.org_path, Examinee.audience, Examinee.job_title,
                   Examinee.hired_on).order_by(Examinee.staff_no)).all()


def _audits(database):
    with database.uow(read_only=True) as uow:
        return uow.session.scalars(select(AuditLog).where(AuditLog.action == "roster_import")
                                   .order_by(AuditLog.id)).all()


def test_import_stores_exact_characters_and_leading_zeros(database, tmp_path, hr):
    report = _import(database, _file(tmp_path), hr)
    assert (report.ok, report.stored, report.rows, report.new, report.updated, report.unchanged) == \
        (True, True, 2, 2, 0, 0)
    assert _examinees(database) == [
        ("000123", "髙﨑 一郎", "総務局/総務部/総務課", "recruit", "主事", dt.date(2026, 4, 1)),
        ("004560", "山﨑 花子", "市民局/区政部/戸籍住民課", "manager", "課長", dt.date(2001, 4, 1)),
    ]
    [audit] = _audits(database)
    assert audit.actor == "hr-user"
    assert audit.detail == {"file": str(tmp_path / "roster.csv"), "encoding": "cp932", "rows": 2, "new": 2,
                            "updated": 0, "unchanged": 0}


def test_second_import_of_the_same_file_changes_nothing(database, tmp_path, hr, clock):
    path = _file(tmp_path)
    _import(database, path, hr)
    with database.uow(read_only=True) as uow:
        stamps = uow.session.scalars(select(Examinee.updated_at).order_by(Examinee.staff_no)).all()
    clock.advance(hours=1)
    report = _import(database, path, hr)
    assert (report.new, report.updated, report.unchanged) == (0, 0, 2)
    with database.uow(read_only=True) as uow:
        assert uow.session.scalars(select(Examinee.updated_at).order_by(Examinee.staff_no)).all() == stamps
    assert len(_audits(database)) == 2


def test_a_changed_row_is_updated_and_a_new_one_added(database, tmp_path, hr, clock):
    _import(database, _file(tmp_path), hr)
    clock.advance(days=1)
    changed = GOOD.replace("総務局/総務部/総務課,主事,新規採用", "総務局/総務部/人事課,主任,昇任候補") + \
        "000789,髙橋 三郎,議会局,,管理職,\r\n"
    report = _import(database, _file(tmp_path, changed, "utf-8-sig", "changed.csv"), hr)
    assert (report.new, report.updated, report.unchanged) == (1, 1, 1)
    rows = _examinees(database)
    assert rows[0] == ("000123", "髙﨑 一郎", "総務局/総務部/人事課", "promotion", "主任", dt.date(2026, 4, 1))
    assert rows[1] == ("000789", "髙橋 三郎", "議会局", "manager", None, None)
    with database.uow(read_only=True) as uow:
        updated = uow.session.scalar(select(Examinee).where(Examinee.staff_no == "000123"))
        untouched = uow.session.scalar(select(Examinee).where(Examinee.staff_no == "004560"))
    assert updated.updated_at == clock() and untouched.updated_at == clock() - dt.timedelta(days=1)


def test_columns_the_file_lacks_keep_what_the_database_holds(database, tmp_path, hr):
    _import(database, _file(tmp_path), hr)
    report = _import(database, _file(tmp_path, "職員番号,氏名,局,部,課,区分\r\n000123,髙﨑 一郎,総務局,総務部,総務課,新規採用\r\n",
                                     name="short.csv"), hr)
    assert (report.new, report.updated, report.unchanged) == (0, 0, 1)
    assert _examinees(database)[0][4:] == ("主事", dt.date(2026, 4, 1))


def test_one_bad_row_stores_nothing_and_every_bad_row_is_listed(database, tmp_path, hr):
    path = _file(tmp_path, GOOD + "12 34,名前,課,,新規採用,\r\n000777,,課,,新規採用,\r\n000123,重複,課,,管理職,\r\n")
    report = _import(database, path, hr)
    assert not report.ok and not report.stored
    assert [line.split(": ")[0] for line in report.problems] == [f"{path}:{n}" for n in (4, 5, 6)]
    assert "2 行目と重複" in report.problems[2]
    assert _examinees(database) == [] and _audits(database) == []
    english = _import(database, path, hr, lang="en")
    assert english.problems[2] == f"{path}:6: staff number '000123' repeats row 2"


def test_bad_rows_do_not_touch_existing_examinees(database, tmp_path, hr):
    add_examinee(database, "000123", "manager", "旧局", "髙﨑 一郎")
    path = _file(tmp_path, GOOD + "000999,名前,課,,係長,\r\n")
    assert not _import(database, path, hr).stored
    assert _examinees(database) == [("000123", "髙﨑 一郎", "旧局", "manager", None, None)]


def test_dry_run_reports_what_would_happen_and_stores_nothing(database, tmp_path, hr):
    add_examinee(database, "000123", "manager", "旧局", "髙﨑 一郎")
    report = _import(database, _file(tmp_path), hr, dry_run=True)
    assert (report.ok, report.stored, report.dry_run) == (True, False, True)
    assert (report.new, report.updated, report.unchanged) == (1, 1, 0)
    assert _examinees(database) == [("000123", "髙﨑 一郎", "旧局", "manager", None, None)]
    assert _audits(database) == []
    bad = _import(database, _file(tmp_path, GOOD + "x y,名前,課,,係長,\r\n", name="bad.csv"), hr, dry_run=True)
    assert len(bad.problems) == 2 and not bad.stored


def test_xlsx_with_text_staff_numbers_and_old_characters_read_back_unchanged(database, tmp_path, hr):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["社員番号", "氏名", "局", "部", "課", "区分", "採用日"])
    sheet.append(["000123", "髙﨑　一郎", "総務局", "総務部", "総務課", "新規採用", dt.datetime(2026, 4, 1)])
    sheet.append(["000124", "𠮷田 花子", "総務局", "総務部", "総務課", "新規採用", "令和8年4月1日"])
    path = tmp_path / "roster.xlsx"
    workbook.save(path)
    report = _import(database, path, hr, mapping={"職員番号": "社員番号"})
    assert report.ok and report.new == 2
    assert [row[:2] for row in _examinees(database)] == [("000123", "髙﨑　一郎"), ("000124", "𠮷田 花子")]


def test_only_hr_or_admin_may_import(database, tmp_path):
    path = _file(tmp_path)
    for role in ("trainer", None):
        with pytest.raises(NotAllowed):
            _import(database, path, Actor("staff", 1, "someone", role))
    with pytest.raises(NotAllowed):
        _import(database, path, Actor("examinee", 1, "000123"))
    assert _import(database, path, Actor("staff", 2, "admin-user", "admin")).stored


def test_a_full_roster_deactivates_only_the_people_that_were_shown_and_confirmed(database, tmp_path):
    path = _file(tmp_path)
    assert _import(database, path).stored
    add_examinee(database, "000900", "recruit", "総務局", name="退職 予定")
    preview = _import(database, path, full=True, dry_run=True)
    assert [staff_no for staff_no, _n, _o in preview.deactivated] == ["000900"]
    add_examinee(database, "000901", "recruit", "総務局", name="確認のあとに登録")  # someone else meanwhile
    with pytest.raises(UserError) as caught:
        _import(database, path, full=True, confirmed=["000900"])
    assert caught.value.code == "roster_changed_meanwhile" and "何も保存していません" in caught.value.render("ja")
    with database.uow(read_only=True) as uow:  # nothing changed, not even the first one
        assert all(uow.session.scalars(select(Examinee.active)))
    done = _import(database, path, full=True, confirmed=["000900", "000901"])
    assert done.stored and len(done.deactivated) == 2
    with database.uow(read_only=True) as uow:
        assert dict(uow.session.execute(select(Examinee.staff_no, Examinee.active)).all()) == {
            "000123": True, "004560": True, "000900": False, "000901": False}
