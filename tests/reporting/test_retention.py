"""Retention (issue 13): people who left long ago are pseudonymised; the figures of their years stay."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import select

from literacy_app.core.errors import NotAllowed
from literacy_app.core.model import SYSTEM, Actor
from literacy_app.reporting.figures.summary import build_summary
from literacy_app.services import roster
from literacy_app.services.retention import REMOVED_NAME, apply_retention
from literacy_app.storage.models import AuditLog, Examinee

from .test_summary import HR


def _summary(database) -> dict:  # type: ignore[no-untyped-def]
    with database.uow(read_only=True) as uow:
        found = dataclasses.asdict(build_summary(uow, HR, 2026))
    found.pop("pending")
    return found


def test_people_who_left_are_pseudonymised_and_the_2026_report_is_unchanged(year_2026, clock, tmp_path):
    database, staff, _percents = year_2026
    clock.now = dt.datetime(2027, 4, 10, tzinfo=dt.UTC)  # five people left in the 2027 人事異動
    stayed = "\n".join(f"{staff_no},職員 {staff_no},{org},新規採用" for staff_no, org in staff[5:])
    file = tmp_path / "roster-2027.csv"
    file.write_text(f"職員番号,氏名,所属,区分\n{stayed}\n", encoding="utf-8")
    leaving = [staff_no for staff_no, _org in staff[:5]]
    with database.uow() as uow:
        assert roster.import_roster(uow, SYSTEM, file, full=True, confirmed=leaving).stored
    before = _summary(database)
    clock.now = dt.datetime(2032, 5, 1, tzinfo=dt.UTC)  # 年度 2032; keep five: 2028–2032
    with database.uow() as uow:
        preview = apply_retention(uow, SYSTEM, 5)
    assert (preview.people, preview.before_year, preview.dry_run) == (5, 2028, True)
    with database.uow(read_only=True) as uow:  # a preview changes nothing
        assert sorted(uow.session.scalars(select(Examinee.staff_no).where(Examinee.active.is_(False)))) == leaving
    with database.uow() as uow, pytest.raises(NotAllowed):
        apply_retention(uow, HR, 5, dry_run=False)  # administrators only
    with database.uow() as uow:
        assert apply_retention(uow, SYSTEM, 5, dry_run=False).people == 5
    with database.uow(read_only=True) as uow:
        gone = uow.session.execute(select(Examinee.staff_no, Examinee.name).where(Examinee.active.is_(False))).all()
        logged = uow.session.scalars(select(AuditLog).where(AuditLog.action == "retention_pseudonymise")).one()
    assert all(name == REMOVED_NAME and staff_no.startswith("x-") for staff_no, name in gone) and len(gone) == 5
    assert not {staff_no for staff_no, _name in gone} & set(leaving)
    assert logged.detail == {"keep_years": 5, "before_year": 2028, "people": 5}  # counts, never names
    assert _summary(database) == before  # every figure of 2026 reproduced from what remains
    with database.uow() as uow:
        assert apply_retention(uow, SYSTEM, 5, dry_run=False).people == 0  # done once


def test_someone_who_left_recently_or_sat_recently_is_kept(year_2026, clock, tmp_path):
    database, staff, _percents = year_2026
    clock.now = dt.datetime(2031, 4, 10, tzinfo=dt.UTC)  # left only in 2031
    stayed = "\n".join(f"{staff_no},職員 {staff_no},{org},新規採用" for staff_no, org in staff[1:])
    file = tmp_path / "roster-2031.csv"
    file.write_text(f"職員番号,氏名,所属,区分\n{stayed}\n", encoding="utf-8")
    with database.uow() as uow:
        roster.import_roster(uow, SYSTEM, file, full=True, confirmed=[staff[0][0]])
    clock.now = dt.datetime(2032, 5, 1, tzinfo=dt.UTC)
    with database.uow() as uow:
        assert apply_retention(uow, Actor("staff", 1, "admin", "admin"), 5).people == 0
