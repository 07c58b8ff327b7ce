"""Adding examinees by hand and the responses export (the roster file import: test_roster.py)."""

from __future__ import annotations

import csv

import pytest
from sqlalchemy import select

from literacy_app.core.errors import NotAllowed, UserError
from literacy_app.core.fiscal import JST
from literacy_app.core.model import SYSTEM, Actor
from literacy_app.services import attempts, exports, people
from literacy_app.storage.models import AuditLog, Examinee

from ..conftest import add_examinee, open_window


def test_add_examinee_normalises_the_number_keeps_the_name_and_is_idempotent(database):
    with database.uow() as uow:
        first = people.add_examinee(uow, SYSTEM, "０００１２３", "　髙﨑 一郎 ", "総務局／総務部", "新規採用")
    with database.uow() as uow:
        again = people.add_examinee(uow, SYSTEM, "000123", "髙﨑 一郎", "総務局/総務部", "recruit")
    assert (first.id, first.staff_no, first.name, first.org_path) == (again.id, "000123", "髙﨑 一郎", "総務局/総務部")
    with database.uow(read_only=True) as uow:
        assert uow.session.scalars(select(Examinee.staff_no)).all() == ["000123"]
    for bad in (("12 3", "名前", "新規採用"), ("000124", " ", "新規採用"), ("000125", "名前", "係長")):
        with pytest.raises(UserError), database.uow() as uow:
            people.add_examinee(uow, SYSTEM, bad[0], bad[1], "", bad[2])
    with pytest.raises(NotAllowed), database.uow() as uow:
        people.add_examinee(uow, Actor("staff", 1, "trainer", "trainer"), "000126", "名前", "", "manager")


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
    assert rows[1][7] == clock.now.astimezone(JST).isoformat(timespec="seconds")  # Japan time, with its offset
    assert rows[1][7].endswith("+09:00")
    with published.uow(read_only=True) as uow:
        audit = uow.session.scalars(select(AuditLog).where(AuditLog.action == "export_responses")).one()
    assert audit.actor == "hr-user" and audit.detail["rows"] == 1
