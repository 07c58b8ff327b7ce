"""Staff calls on a real ``serve`` process: sessions, roles from the server, bad uploads."""

from __future__ import annotations

import base64

import pytest
from sqlalchemy import func, select

from literacy_app.core.errors import UserError
from literacy_app.storage.models import AuditLog, Publish

from ._lan import PASSWORD

pytestmark = pytest.mark.slow


def test_a_session_ends_at_sign_out_and_logins_are_audited(lan):
    pc = lan.client()
    actor = pc.sign_in("hr1", PASSWORD)
    assert (actor.name, actor.role) == ("hr1", "hr")
    token = pc.staff_token
    pc.sign_out()
    pc.staff_token = token
    with pytest.raises(UserError) as caught:
        pc.hr_choices(2026)
    assert caught.value.code == "session_expired"
    with pytest.raises(UserError):
        pc.sign_in("hr1", "not the password")
    with lan.database.uow(read_only=True) as uow:
        rows = uow.session.execute(select(AuditLog.action, AuditLog.actor, AuditLog.detail)
                                   .where(AuditLog.action.like("staff_%")).order_by(AuditLog.id)).all()
    assert [(a, who) for a, who, _d in rows][-3:] == [("staff_login", "hr1"), ("staff_logout", "hr1"),
                                                      ("staff_login_failed", "hr1")]
    assert rows[-1][2]["address"] == "127.0.0.1"  # the address the server saw, not one the PC claims


@pytest.mark.parametrize("path", ["../outside.yaml", "/etc/evil.yaml", "a/../../b.yaml"])
def test_an_upload_cannot_write_outside_its_folder(lan, path):
    pc = lan.client()
    pc.sign_in("trainer1", PASSWORD)
    with lan.database.uow(read_only=True) as uow:
        before = uow.session.scalar(select(func.count()).select_from(Publish))
    files = [{"path": path, "data": base64.b64encode(b"items: []").decode()}]
    with pytest.raises(UserError) as caught:
        pc._staff("POST", "/trainer/publish", {"files": files, "retire_missing": True})
    assert caught.value.code == "bad_request" and path in caught.value.render()
    with lan.database.uow(read_only=True) as uow:
        assert uow.session.scalar(select(func.count()).select_from(Publish)) == before


@pytest.mark.parametrize(("body", "words"), [
    ({"username": "hr1"}, "password"),
    ({"username": 5, "password": PASSWORD}, "username"),
    ({"username": "hr1", "password": PASSWORD, "role": "admin"}, "知らない項目"),
])
def test_bad_sign_in_bodies_get_a_sentence(lan, body, words):
    sent = lan.client().http.post("/staff/sign-in", json=body)
    assert sent.status_code == 400 and words in sent.json()["message"]


def _finished_sitting(lan) -> str:  # type: ignore[no-untyped-def]
    """A new examinee who started and submitted the recruit window on a PC of their own."""
    from ._lan import CODE

    staff_no = lan.examinee()
    sitter = lan.client()
    state = sitter.start(staff_no, lan.windows["recruit-standard"], CODE)
    sitter.finish(state.attempt_id)
    return staff_no


def test_hr_lists_the_candidates_through_the_server_and_a_trainer_cannot(lan):
    staff_no = _finished_sitting(lan)
    hr = lan.client()
    hr.sign_in("hr1", PASSWORD)
    rows = hr.candidates(lan.windows["recruit-standard"], "export:一覧.xlsx")
    mine = next(row for row in rows if row.staff_no == staff_no)
    assert mine.status == "受験済み" and mine.attempts == 1 and mine.finished_at is not None
    trainer = lan.client()
    trainer.sign_in("trainer1", PASSWORD)
    with pytest.raises(UserError) as refused:  # a trainer never lists names
        trainer.candidates(lan.windows["recruit-standard"], "view")
    assert refused.value.code == "not_allowed"
    too_long = hr.http.post(f"/hr/assessments/{lan.windows['recruit-standard']}/candidates",
                            json={"purpose": "x" * 500}, headers={"Authorization": f"Bearer {hr.staff_token}"})
    assert too_long.status_code == 400


def test_hr_imports_a_roster_through_the_server_preview_first(lan, tmp_path):
    """The file is on the PC; the server reads it with the same import and names the PC's file."""
    from sqlalchemy import select as pick

    from literacy_app.storage.models import Examinee

    hr = lan.client()
    hr.sign_in("hr1", PASSWORD)
    bad = tmp_path / "名簿.csv"
    bad.write_bytes("職員番号,氏名,所属,区分\r\n007001,転入 一郎,総務局,係長\r\n".encode("cp932"))
    report = hr.roster_import(bad, full=False, dry_run=True, confirmed=[])
    assert report.problems == ("名簿.csv:2: 区分「係長」は 新規採用・昇任候補・管理職 のいずれかにしてください",)
    bad.write_bytes("職員番号,氏名,所属,区分\r\n007001,転入 一郎,総務局,新規採用\r\n".encode("cp932"))
    preview = hr.roster_import(bad, full=False, dry_run=True, confirmed=[])
    assert (preview.new, preview.problems) == (1, ())
    with lan.database.uow(read_only=True) as uow:
        assert uow.session.scalar(pick(Examinee.id).where(Examinee.staff_no == "007001")) is None
    done = hr.roster_import(bad, full=False, dry_run=False, confirmed=[])
    assert done.new == 1
    with lan.database.uow(read_only=True) as uow:
        assert uow.session.scalar(pick(Examinee.name).where(Examinee.staff_no == "007001")) == "転入 一郎"
    trainer = lan.client()
    trainer.sign_in("trainer1", PASSWORD)
    with pytest.raises(UserError) as refused:  # a trainer never imports a roster
        trainer.roster_import(bad, full=False, dry_run=True, confirmed=[])
    assert refused.value.code == "not_allowed"


def test_hr_opens_a_window_through_the_server(lan):
    import datetime as dt

    from literacy_app.storage.models import Assessment

    hr = lan.client()
    hr.sign_in("hr1", PASSWORD)
    names = [info.id for info in hr.published_blueprints()]
    assert "recruit-standard" in names
    jst = dt.timezone(dt.timedelta(hours=9))
    number = hr.open_window({"blueprint": "recruit-standard", "opens_at": dt.datetime(2030, 4, 1, 9, 0, tzinfo=jst),
                             "closes_at": dt.datetime(2030, 4, 30, 17, 0, tzinfo=jst), "access_code": "ume-5",
                             "max_attempts": 2, "org_prefixes": ["総務局"]})
    with lan.database.uow(read_only=True) as uow:
        made = uow.session.get(Assessment, number)
        assert made.opens_at == dt.datetime(2030, 4, 1, 0, 0, tzinfo=dt.UTC) and made.created_by == "hr1"
    with pytest.raises(UserError) as caught:
        hr.open_window({"blueprint": "recruit-standrad", "opens_at": dt.datetime(2030, 4, 1, tzinfo=jst),
                        "closes_at": dt.datetime(2030, 4, 2, tzinfo=jst)})
    assert caught.value.code == "blueprint_unknown" and "recruit-standard" in caught.value.render("ja")
    with pytest.raises(UserError) as caught:  # a list naming people the roster does not know
        hr.open_window({"blueprint": "recruit-standard", "opens_at": dt.datetime(2030, 4, 1, tzinfo=jst),
                        "closes_at": dt.datetime(2030, 4, 2, tzinfo=jst), "person_codes": True,
                        "staff_nos": ["nobody-1"]})
    assert caught.value.code == "staff_list_unknown_many" and "nobody-1" in caught.value.render("ja")
    # extend, then close now: the server's clock decides "now", and both are audited as hr1
    before = hr.change_window(number, dt.datetime(2030, 5, 31, 17, 0, tzinfo=jst))
    assert before == dt.datetime(2030, 4, 30, 8, 0, tzinfo=dt.UTC)
    with pytest.raises(UserError) as caught:
        hr.change_window(number, None)
    assert caught.value.code == "assessment_end_before_start"  # not open yet: nothing to close
    started = hr.open_window({"blueprint": "recruit-standard", "opens_at": dt.datetime.now(jst) - dt.timedelta(hours=1),
                              "closes_at": dt.datetime(2030, 4, 2, tzinfo=jst), "access_code": "ume-5"})
    hr.change_window(started, None)
    with lan.database.uow(read_only=True) as uow:
        closed = uow.session.get(Assessment, started).closes_at
        actors = uow.session.scalars(select(AuditLog.actor).where(AuditLog.action == "assessment_window_change")).all()
    assert closed <= dt.datetime.now(dt.UTC) and actors == ["hr1", "hr1"]


def test_the_result_sheets_of_a_window_come_from_the_server_and_are_audited(lan):
    staff_no = _finished_sitting(lan)
    hr = lan.client()
    hr.sign_in("hr1", PASSWORD)
    people = hr.people_results(lan.windows["recruit-standard"], "個人結果票.pdf")
    assert staff_no in [person.staff_no for person in people]
    with lan.database.uow(read_only=True) as uow:
        row = uow.session.scalars(select(AuditLog).where(AuditLog.action == "report_person_cohort")
                                  .order_by(AuditLog.id.desc())).first()
    assert row.actor == "hr1" and row.detail["file"] == "個人結果票.pdf"


def test_hr_searches_and_edits_people_through_the_server(lan):
    hr = lan.client()
    hr.sign_in("hr1", PASSWORD)
    staff_no = lan.examinee()
    rows, total = hr.search_people(staff_no)
    assert total == 1 and rows[0].staff_no == staff_no and rows[0].active
    hr.edit_person({"staff_no": staff_no, "active": False})
    hr.edit_person({"staff_no": staff_no, "name": "改名 花子", "org_path": "財政局", "audience": "昇任候補"})
    rows, _total = hr.search_people(staff_no)
    assert (rows[0].name, rows[0].org_path, rows[0].audience, rows[0].active) == ("改名 花子", "財政局", "promotion",
                                                                                   False)
    with pytest.raises(UserError) as caught:
        hr.edit_person({"staff_no": staff_no, "name": "x", "org_path": "", "audience": "係長"})
    assert caught.value.code == "roster_bad_audience"


def test_hr_manages_applicants_through_the_server(lan, tmp_path):
    """Issue 13, part 7 on a LAN: the applicant list travels to the server, problems name the PC's
    file; a trainer cannot list the selections."""
    listed = tmp_path / "応募者.csv"
    listed.write_bytes("受験番号,氏名\r\nS-01,応募 一郎\r\nS-01,応募 重複\r\n".encode("cp932"))
    hr = lan.client()
    hr.sign_in("hr1", PASSWORD)
    bad = hr.applicants_import(listed, "R9-S", "令和9年度 一般行政", None, dry_run=True)
    assert bad.problems and bad.problems[0].startswith("応募者.csv:3:")
    listed.write_bytes("受験番号,氏名\r\nS-01,応募 一郎\r\nS-02,応募 二郎\r\n".encode("cp932"))
    stored = hr.applicants_import(listed, "R9-S", "令和9年度 一般行政", None, dry_run=False)
    assert stored.stored and stored.new == 2
    [info] = hr.selections()
    assert (info.code, info.applicants) == ("R9-S", 2)
    with pytest.raises(UserError) as caught:
        hr.delete_selection("R9-S", apply=True)
    assert caught.value.code == "selection_retained"
    trainer = lan.client()
    trainer.sign_in("trainer1", PASSWORD)
    with pytest.raises(UserError):
        trainer.selections()


def test_a_viewer_gets_aggregates_through_the_server_and_no_names(lan):
    """Issue 14, part 2 on a LAN: the role is the server's; every summary it builds is audited."""
    from literacy_app.core.fiscal import JST, fiscal_year
    from literacy_app.core.model import SYSTEM
    from literacy_app.services import accounts

    with lan.database.uow() as uow:
        accounts.add_user(uow, SYSTEM, "board1", PASSWORD, "viewer")
    board = lan.client()
    assert board.sign_in("board1", PASSWORD).role == "viewer"
    import datetime as dt

    year = fiscal_year(dt.datetime.now(JST))
    board.build_summary(year, None, None, 5)
    assert board.assessment_progress(lan.windows["recruit-standard"], 5)[0].org_path == ""
    with pytest.raises(UserError) as refused:
        board.candidates(lan.windows["recruit-standard"], "view")
    assert refused.value.code == "not_allowed"
    with lan.database.uow(read_only=True) as uow:
        actions = uow.session.scalars(select(AuditLog.action).where(AuditLog.actor == "board1")).all()
    assert "report_preview" in actions and "progress_view" in actions
