"""受験者一覧 (issue 13): everyone of one window, once each, with the result that counts — HR only, audited."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from literacy_app.core.errors import NotAllowed
from literacy_app.core.model import Actor
from literacy_app.services import attempts, candidates, finishing
from literacy_app.storage.models import Assessment, AuditLog

from ..conftest import add_examinee, open_window

HR = Actor("staff", 2, "hr-user", "hr")


def _sit(database, person, window, finish=True):  # type: ignore[no-untyped-def]
    with database.uow() as uow:
        state = attempts.start_attempt(uow, person, window, seed=person.id)
    if finish:
        with database.uow() as uow:
            finishing.finish_attempt(uow, person, state.attempt_id)
    return state


def test_each_person_once_with_the_attempt_that_counts_and_the_unit_they_sat_in(published, clock, tmp_path):
    database = published
    people = [add_examinee(database, f"00010{n}", "recruit", "総務局/総務部/総務課", name=f"職員 {n}")
              for n in range(5)]
    tricky = add_examinee(database, "000200", "recruit", "市民局/区政部", name="=HYPERLINK(\"http://x\")")
    window = open_window(database, clock)
    with database.uow() as uow:  # two attempts allowed: one person retakes
        uow.session.get(Assessment, window).max_attempts = 2
        uow.commit()
    _sit(database, people[0], window)
    _sit(database, people[0], window)
    _sit(database, people[1], window)
    _sit(database, tricky, window)
    _sit(database, people[2], window, finish=False)
    add_examinee(database, people[1].name, "recruit", "財政局/財政部", name="職員 1")  # moved after sitting
    with database.uow() as uow:
        rows = candidates.candidate_list(uow, HR, window)
    by_no = {row.staff_no: row for row in rows}
    assert len(rows) == 6 and len(by_no) == 6  # 5 + 1, each once
    assert [row.status for row in rows] == ["受験済み"] * 3 + ["受験中"] + ["未受験"] * 2
    assert by_no["000100"].attempts == 2 and by_no["000100"].percent == 0.0
    assert by_no["000101"].org_path == "総務局/総務部/総務課"  # where they sat, not where they went
    assert by_no["000103"].status == "未受験" and by_no["000103"].percent is None
    out = tmp_path / "受験者一覧.xlsx"
    with database.uow() as uow:
        assert candidates.export_candidates(uow, HR, window, out) == 6
    sheet = load_workbook(out).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0][:5] == ["職員番号", "氏名", "所属（受験時）", "区分（受験時）", "状況"]
    named = {row[0]: row for row in values[1:]}
    assert named["000200"][1] == "'=HYPERLINK(\"http://x\")"  # a name never becomes a live formula
    assert named["000100"][4] == "受験済み" and named["000100"][10] == 2 and named["000100"][3] == "新規採用"
    with database.uow(read_only=True) as uow:
        logged = uow.session.scalars(select(AuditLog).where(AuditLog.action == "candidate_list")
                                     .order_by(AuditLog.id)).all()
    assert [(row.actor, row.detail["people"]) for row in logged] == [("hr-user", 6), ("hr-user", 6)]
    assert logged[1].detail["purpose"] == "export:受験者一覧.xlsx"


def test_only_hr_and_admin_see_names(published, clock):
    window = open_window(published, clock)
    with published.uow() as uow, pytest.raises(NotAllowed):
        candidates.candidate_list(uow, Actor("staff", 3, "trainer", "trainer"), window)
