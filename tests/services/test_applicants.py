"""Applicants of the hiring selection (issue 13, part 7): a roster per 採用区分 by 受験番号, kept
apart from staff figures and rosters, a list for the selection committee, deletion after the
selection's retention period."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from literacy_app.core.errors import UserError
from literacy_app.reporting.figures.summary import build_summary
from literacy_app.services import applicants, assessments, attempts, candidates, finishing, roster
from literacy_app.storage.models import Attempt, AuditLog, Examinee, Selection

from ..conftest import add_examinee, open_window

LIST = "受験番号,氏名\r\nA0001,採用 一郎\r\nA0002,髙橋 二葉\r\nA0003,応募 三子\r\n"


def _import(database, hr, path, code="R9-GYOSEI", **options):  # type: ignore[no-untyped-def]
    with database.uow() as uow:
        return applicants.import_applicants(uow, hr, path, code, **options)


def _sit(database, staff_no, window):  # type: ignore[no-untyped-def]
    with database.uow() as uow:
        actor, listed = assessments.examinee_login(uow, staff_no)
    assert [entry.id for entry in listed] == [window]
    with database.uow() as uow:
        state = attempts.start_attempt(uow, actor, window, seed=actor.id)
    with database.uow() as uow:
        finishing.finish_attempt(uow, actor, state.attempt_id)


def test_a_bad_applicant_list_stores_nothing_and_names_every_row(published, hr, tmp_path):
    add_examinee(published, "A0002", name="職員 二郎")  # a 職員番号 the list reuses
    bad = tmp_path / "応募者.csv"
    bad.write_bytes(("受験番号,氏名\r\nA0001,採用 一郎\r\nA0002,髙橋 二葉\r\nA0001,重複 太郎\r\n"
                     "A 9,空白\r\nA0005,\r\n").encode("cp932"))
    with pytest.raises(UserError) as caught:
        _import(published, hr, bad)  # a new selection needs a title
    assert caught.value.code == "selection_title_needed"
    report = _import(published, hr, bad, title="令和9年度 一般行政（大卒程度）")
    assert not report.stored and [line.split(": ", 1)[0] for line in report.problems] == [
        f"{bad}:3", f"{bad}:4", f"{bad}:5", f"{bad}:6"]
    assert "職員の番号として既に使われています" in report.problems[0]
    assert "2 行目と重複" in report.problems[1]
    with published.uow(read_only=True) as uow:
        assert uow.session.scalar(select(func.count()).select_from(Selection)) == 0
        assert uow.session.scalar(select(func.count()).select_from(Examinee)) == 1


def test_applicants_sit_their_own_window_and_stay_out_of_staff_figures_and_rosters(published, hr, clock, tmp_path):
    listed = tmp_path / "応募者.csv"
    listed.write_bytes(LIST.encode("cp932"))
    preview = _import(published, hr, listed, title="令和9年度 一般行政（大卒程度）", dry_run=True)
    assert (preview.new, preview.stored, preview.created) == (3, False, True)
    report = _import(published, hr, listed, title="令和9年度 一般行政（大卒程度）")
    assert report.stored and report.new == 3
    again = _import(published, hr, listed)  # the same list twice changes nothing
    assert (again.new, again.updated, again.unchanged) == (0, 0, 3)
    with published.uow(read_only=True) as uow:
        [info] = applicants.list_selections(uow, hr)
    assert (info.code, info.applicants) == ("R9-GYOSEI", 3)
    assert info.retain_until == dt.date(2027, 11, 2)  # a year after the import unless HR says otherwise

    staff = [add_examinee(published, f"00010{n}", name=f"職員 {n}") for n in range(5)]
    staff_window = open_window(published, clock)
    hiring = open_window(published, clock, cohort={"selection": info.id})
    for person in staff:
        _sit(published, person.name, staff_window)
    _sit(published, "A0001", hiring)  # the applicant sees the hiring window only; staff the staff one only
    _sit(published, "A0002", hiring)
    with published.uow() as uow:
        summary = build_summary(uow, hr, 2026)
    assert (summary.finished, summary.eligible) == (5, 5)  # no applicant in a staff figure
    with published.uow() as uow, pytest.raises(UserError) as caught:
        build_summary(uow, hr, 2026, assessment_id=hiring)
    assert caught.value.code == "selection_not_for_staff_reports"

    with published.uow() as uow:
        rows = candidates.candidate_list(uow, hr, hiring)
    assert [(row.staff_no, row.status, row.org_path) for row in rows] == [
        ("A0001", "受験済み", "令和9年度 一般行政（大卒程度）"), ("A0002", "受験済み", "令和9年度 一般行政（大卒程度）"),
        ("A0003", "未受験", "令和9年度 一般行政（大卒程度）")]
    assert candidates.headers_for(rows)[:3] == ("受験番号", "氏名", "採用区分")

    full = tmp_path / "名簿.csv"  # a full staff roster: applicants are not "missing staff"
    full.write_bytes(("職員番号,氏名,所属,区分\r\n" + "".join(
        f"00010{n},職員 {n},総務局/総務部/総務課,新規採用\r\n" for n in range(5))).encode("cp932"))
    with published.uow() as uow:
        staff_import = roster.import_roster(uow, hr, full, full=True, dry_run=True)
    assert staff_import.deactivated == ()
    clash = tmp_path / "名簿2.csv"
    clash.write_bytes("職員番号,氏名,所属,区分\r\nA0003,職員 三,総務局,新規採用\r\n".encode("cp932"))
    with published.uow() as uow:
        refused = roster.import_roster(uow, hr, clash)
    assert not refused.stored and "採用区分「R9-GYOSEI」" in refused.problems[0]


def test_applicants_are_deleted_only_after_the_retention_date(published, hr, clock, tmp_path):
    listed = tmp_path / "応募者.xlsx"
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["受験番号", "氏名"])
    book.active.append(["B-001", "採用 一郎"])
    book.active.append(["B-002", "採用 二郎"])
    book.save(listed)
    _import(published, hr, listed, "R9-DOBOKU", title="令和9年度 土木", retain_until=dt.date(2027, 3, 31))
    with published.uow(read_only=True) as uow:
        [info] = applicants.list_selections(uow, hr)
    window = open_window(published, clock, cohort={"selection": info.id})
    _sit(published, "B-001", window)
    with published.uow() as uow, pytest.raises(UserError) as caught:
        applicants.delete_selection(uow, hr, "R9-DOBOKU")
    assert caught.value.code == "selection_retained" and "2027-03-31" in caught.value.render("ja")
    clock.advance(days=150)  # 2027-04-01 in Japan
    with published.uow() as uow:
        preview = applicants.delete_selection(uow, hr, "R9-DOBOKU")
    assert (preview.people, preview.attempts, preview.dry_run) == (2, 1, True)
    with published.uow(read_only=True) as uow:
        assert uow.session.scalar(select(func.count()).select_from(Examinee)) == 2  # a preview stores nothing
    with published.uow() as uow:
        applicants.delete_selection(uow, hr, "R9-DOBOKU", dry_run=False)
    with published.uow(read_only=True) as uow:
        assert uow.session.scalar(select(func.count()).select_from(Examinee)) == 0
        assert uow.session.scalar(select(func.count()).select_from(Attempt)) == 0
        logged = uow.session.scalars(select(AuditLog).where(AuditLog.action == "applicants_deleted")).one()
        [after] = applicants.list_selections(uow, hr)
    assert logged.detail["people"] == 2 and logged.actor == "hr-user"
    assert after.deleted_people == 2 and after.deleted_at is not None
    with published.uow() as uow, pytest.raises(UserError) as caught:
        assessments.examinee_login(uow, "B-001")
    assert caught.value.code == "unknown_examinee"
    with published.uow() as uow, pytest.raises(UserError) as caught:
        _import(published, hr, listed, "R9-DOBOKU")
    assert caught.value.code == "selection_deleted"
