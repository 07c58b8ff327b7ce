"""Applicants of the city's hiring selection (採用試験), kept apart from staff.

An applicant is not staff: no 職員番号, no 所属, no place in any staff figure.  HR imports the
applicant list of one 採用区分 (``Selection``: a short code such as ``R9-GYOSEI``, a title and the
date until which its results are kept), opens a window for that selection (the cohort names it, so
no member of staff can sit it and no applicant can sit a staff window), and the selection committee
gets the 受験者一覧 of that window.  Applicants log in with their 受験番号, which is therefore unique
among all numbers the app knows: an import that would reuse a 職員番号 or another selection's
受験番号 is refused, row by row.

After ``retain_until`` the selection's applicants — names, numbers, attempts, answers, seat codes —
are deleted (``delete_selection``, previewed first).  The selection's row stays with the date and
count, and the audit log keeps who did it; audit rows of the applicants' own sittings keep their
受験番号 (the log is append-only), never their names.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, func, select

from ..core.applicants import read_applicants
from ..core.errors import UserError
from ..core.fiscal import JST
from ..core.i18n import message
from ..core.model import Actor
from ..core.roster import STAFF_NO_PATTERN, RosterProblem
from ..storage.models import (
    Answer,
    Attempt,
    AttemptAreaScore,
    AttemptItem,
    CohortMember,
    Examinee,
    SeatCode,
    Selection,
    Throttle,
)
from ..storage.uow import UnitOfWork
from ._common import audit, require_staff
from .cohort import chunks

DEFAULT_KEEP_DAYS = 365
"""A new selection's results are kept a year unless HR states another date."""


@dataclass(frozen=True)
class SelectionInfo:
    id: int
    code: str
    title: str
    retain_until: dt.date
    applicants: int
    sat: int
    """Applicants with a finished attempt."""
    deleted_at: dt.datetime | None = None
    deleted_people: int | None = None


@dataclass(frozen=True)
class ApplicantImport:
    """What an import did (or, dry run, would do).  With problems nothing was stored."""

    path: str
    code: str
    rows: int
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: tuple[str, ...] = ()
    unlisted: int = 0
    dry_run: bool = False
    created: bool = False
    """The selection is new (created by this import)."""

    @property
    def stored(self) -> bool:
        return not self.problems and not self.dry_run


@dataclass(frozen=True)
class SelectionDeletion:
    code: str
    people: int
    attempts: int
    dry_run: bool


def _today(uow: UnitOfWork) -> dt.date:
    return uow.now.astimezone(JST).date()


def find_selection(uow: UnitOfWork, code: str) -> Selection:
    found = uow.session.scalar(select(Selection).where(Selection.code == code.strip()))
    if found is None:
        known = uow.session.scalars(select(Selection.code).order_by(Selection.code)).all()
        raise UserError("selection_unknown", selection=code, known="、".join(known) or "—")
    return found


def list_selections(uow: UnitOfWork, actor: Actor) -> list[SelectionInfo]:
    require_staff(actor, "hr")
    counts = dict(uow.session.execute(select(Examinee.selection_id, func.count()).where(
        Examinee.selection_id.is_not(None)).group_by(Examinee.selection_id)).all())
    sat = dict(uow.session.execute(
        select(Examinee.selection_id, func.count(func.distinct(Attempt.examinee_id)))
        .join(Attempt, Attempt.examinee_id == Examinee.id)
        .where(Examinee.selection_id.is_not(None), Attempt.status == "finished")
        .group_by(Examinee.selection_id)).all())
    return [SelectionInfo(row.id, row.code, row.title, row.retain_until, int(counts.get(row.id, 0)),
                          int(sat.get(row.id, 0)), row.deleted_at, row.deleted_people)
            for row in uow.session.scalars(select(Selection).order_by(Selection.created_at.desc(), Selection.id))]


def import_applicants(uow: UnitOfWork, actor: Actor, path: Path, code: str, *, title: str | None = None,
                      retain_until: dt.date | None = None, dry_run: bool = False,
                      lang: str = "ja") -> ApplicantImport:
    """Read, check and (unless a dry run or a problem) store one selection's applicant list.

    A new ``code`` creates the selection (``title`` needed; kept ``DEFAULT_KEEP_DAYS`` unless
    ``retain_until`` says otherwise); a known one takes new and changed applicants (applicants
    missing from the file stay: a list may come in parts)."""
    require_staff(actor, "hr")
    code = code.strip()
    if not STAFF_NO_PATTERN.match(code):
        raise UserError("selection_code_invalid", selection=code)
    selection = uow.session.scalar(select(Selection).where(Selection.code == code))
    if selection is not None and selection.deleted_at is not None:
        raise UserError("selection_deleted", selection=code, at=f"{selection.deleted_at.astimezone(JST):%Y-%m-%d}")
    if selection is None and not (title or "").strip():
        raise UserError("selection_title_needed", selection=code)
    if retain_until is not None and retain_until <= _today(uow):
        raise UserError("selection_retain_past", until=retain_until.isoformat())
    read = read_applicants(Path(path))
    problems = list(read.problems)
    existing: dict[str, Examinee] = {}
    numbers = [applicant.exam_no for applicant in read.applicants]
    for chunk in chunks(numbers):
        existing.update((person.staff_no, person) for person in uow.session.scalars(
            select(Examinee).where(Examinee.staff_no.in_(chunk))))
    codes = dict(uow.session.execute(select(Selection.id, Selection.code)).all())
    new = updated = unchanged = 0
    for applicant in read.applicants:
        person = existing.get(applicant.exam_no)
        if person is None:
            new += 1
        elif selection is None or person.selection_id != selection.id:
            owner = (message("applicant_owner_staff", lang) if person.selection_id is None
                     else message("applicant_owner_selection", lang, selection=codes.get(person.selection_id, "?")))
            problems.append(RosterProblem(read.path, applicant.row, "applicant_number_taken",
                                          {"exam_no": applicant.exam_no, "owner": owner}))
        elif person.name != applicant.name:
            updated += 1
        else:
            unchanged += 1
    problems.sort(key=lambda problem: problem.row or 0)
    report = ApplicantImport(read.path, code, len(read.applicants), new, updated, unchanged,
                             tuple(problem.render(lang) for problem in problems), read.unlisted, dry_run,
                             created=selection is None)
    if not report.stored:
        return report
    if selection is None:
        selection = Selection(code=code, title=(title or "").strip()[:200], created_at=uow.now,
                              created_by=actor.name,
                              retain_until=retain_until or _today(uow) + dt.timedelta(days=DEFAULT_KEEP_DAYS))
        uow.session.add(selection)
        uow.session.flush()
    else:
        if title and title.strip():
            selection.title = title.strip()[:200]
        if retain_until is not None:
            selection.retain_until = retain_until
    for applicant in read.applicants:
        person = existing.get(applicant.exam_no)
        if person is None:
            uow.session.add(Examinee(staff_no=applicant.exam_no, name=applicant.name, org_path="",
                                     audience="recruit", selection_id=selection.id, active=True,
                                     updated_at=uow.now))
        elif person.name != applicant.name:
            person.name = applicant.name
            person.updated_at = uow.now
    audit(uow, actor, "applicants_import", selection=code, file=read.path, rows=report.rows, new=new,
          updated=updated, unchanged=unchanged, retain_until=selection.retain_until.isoformat())
    uow.commit()
    return report


def delete_selection(uow: UnitOfWork, actor: Actor, code: str, *, dry_run: bool = True) -> SelectionDeletion:
    """Delete a selection's applicants and everything they left — once its ``retain_until`` has
    passed (refused before, with the date).  A dry run counts and stores nothing."""
    require_staff(actor, "hr")
    selection = find_selection(uow, code)
    if selection.deleted_at is not None:
        raise UserError("selection_deleted", selection=code, at=f"{selection.deleted_at.astimezone(JST):%Y-%m-%d}")
    if _today(uow) <= selection.retain_until:
        raise UserError("selection_retained", selection=selection.code, until=selection.retain_until.isoformat())
    people = list(uow.session.scalars(select(Examinee.id).where(Examinee.selection_id == selection.id)))
    attempts: list[int] = []
    for chunk in chunks(people):
        attempts += uow.session.scalars(select(Attempt.id).where(Attempt.examinee_id.in_(chunk)))
    if not dry_run:
        for chunk in chunks(attempts):
            for table in (Answer, AttemptAreaScore, AttemptItem):
                uow.session.execute(delete(table).where(table.attempt_id.in_(chunk)))
            uow.session.execute(delete(Attempt).where(Attempt.id.in_(chunk)))
        for chunk in chunks(people):
            for linked in (SeatCode, CohortMember):
                uow.session.execute(delete(linked).where(linked.examinee_id.in_(chunk)))
            uow.session.execute(delete(Throttle).where(Throttle.key.in_([f"examinee:{number}" for number in chunk])))
            uow.session.execute(delete(Examinee).where(Examinee.id.in_(chunk)))
        selection.deleted_at = uow.now
        selection.deleted_people = len(people)
        audit(uow, actor, "applicants_deleted", selection=selection.code, people=len(people), attempts=len(attempts),
              retain_until=selection.retain_until.isoformat())
        uow.commit()
    return SelectionDeletion(selection.code, len(people), len(attempts), dry_run)
