"""Roster CSV import (all-or-nothing, idempotent, exact characters) and the responses export."""

from __future__ import annotations

import csv

import pytest
from sqlalchemy import select

from literacy_app.core.errors import NotAllowed
from literacy_app.core.model import SYSTEM, Actor
from literacy_app.services import attempts, exports, people
from literacy_app.services.people import RosterInvalid
from literacy_app.storage.models import AuditLog, Examinee

from ..conftest import add_examinee, open_window

GOOD = "職員番号,氏名,所属,区分\n000123,髙橋 一郎,総務局/総務部/総務課,新規採用\n004560,山﨑 花子,市民局/区政部/戸籍課,管理職\n"


def _import(database, path, actor=SYSTEM, dry_run=False):
    with database.uow() as uow:
        return people.import_roster_csv(uow, actor, path, dry_run=dry_run)


def test_roster_import_keeps_zeros_and_old_characters_and_is_idempotent(database, tmp_path):
    path = tmp_path / "roster.csv"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD.encode("utf-8"))
    assert _import(database, path) == 2
    assert _import(database, path) == 2
    with database.uow(read_only=True) as uow:
        rows = uow.session.execute(select(Examinee.staff_no, Examinee.name, Examinee.audience)
                                   .order_by(Examinee.staff_no)).all()
    assert rows == [("000123", "髙橋 一郎", "recruit"), ("004560", "山﨑 花子", "manager")]


def test_bad_rows_are_all_listed_and_nothing_is_stored(database, tmp_path):
    path = tmp_path / "roster.csv"
    path.write_text(GOOD + "12 34,名前,課,新規採用\n000777,,課,新規採用\n000888,名前,課,係長\n000123,重複,課,新規採用\n",
                    encoding="utf-8")
    with pytest.raises(RosterInvalid) as caught:
        _import(database, path)
    lines = caught.value.lines
    assert [line.split(": ")[0] for line in lines] == [f"{path}:{n}" for n in (4, 5, 6, 7)]
    assert "区分" in lines[2] and "2 行目" in lines[3]
    with database.uow(read_only=True) as uow:
        assert uow.session.scalars(select(Examinee)).all() == []


def test_dry_run_stores_nothing_and_hr_role_is_required(database, tmp_path):
    path = tmp_path / "roster.csv"
    path.write_text(GOOD, encoding="utf-8")
    assert _import(database, path, dry_run=True) == 2
    with database.uow(read_only=True) as uow:
        assert uow.session.scalars(select(Examinee)).all() == []
    with pytest.raises(NotAllowed):
        _import(database, path, actor=Actor("staff", 1, "trainer", "trainer"))


def test_export_responses_one_row_per_answer_with_audit(published, clock, tmp_path):
    examinee = add_examinee(published, "000123")
    assessment_id = open_window(published, clock)
    with published.uow() as uow:
        state = attempts.start_attempt(uow, examinee, assessment_id, seed=3)
    single = next(i for i in state.items if i.type == "single")
    with published.uow() as uow:
        attempts.save_answer(uow, examinee, state.attempt_id, single.position, single.options[0][0], seq=1)
    out = tmp_path / "responses.csv"
    hr = Actor("staff", 2, "hr-user", "hr")
    with published.uow(read_only=True) as uow:
        assert exports.export_responses(uow, hr, out) == 1
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0] == list(exports.RESPONSE_COLUMNS)
    assert rows[1][0] == "000123" and rows[1][3] == single.item_id and rows[1][5] == single.options[0][0]
    with published.uow(read_only=True) as uow:
        audit = uow.session.scalars(select(AuditLog).where(AuditLog.action == "export_responses")).one()
    assert audit.actor == "hr-user" and audit.detail["rows"] == 1
