"""The cohort rule: who an assessment window is open to, in Python and in SQL, side by side.

A window's cohort may name audiences (区分), 所属 prefixes and a list of 職員番号; every part
given must hold.  Staff and applicants never mix: a window whose cohort names a ``selection`` (a
hiring selection's id) is open to that selection's applicants only, any other window to staff only.
``in_cohort`` decides for one examinee (starting or listing an attempt);
``cohort_conditions`` + ``cohort_members`` select the whole cohort in SQL (progress, reports).
Both are written here and only here, and ``tests/services/test_cohort.py`` proves on generated
people and cohorts that they select the same people.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

from sqlalchemy import or_, select
from sqlalchemy.sql.elements import ColumnElement

from ..storage.models import Assessment, Attempt, CohortMember, Examinee
from ..storage.uow import UnitOfWork

T = TypeVar("T")
_CHUNK = 500  # staff numbers per IN (…): well under SQLite's and PostgreSQL's parameter limits


def chunks(values: Sequence[T]) -> Iterable[Sequence[T]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start:start + _CHUNK]


def unknown_staff_nos(uow: UnitOfWork, staff_nos: Iterable[str]) -> set[str]:
    """The numbers that are not in the roster (an assessment's staff list must name real people)."""
    wanted = sorted(set(staff_nos))
    known: set[str] = set()
    for chunk in chunks(wanted):
        known.update(uow.session.scalars(select(Examinee.staff_no).where(Examinee.staff_no.in_(chunk))))
    return set(wanted) - known


def in_cohort(cohort: dict[str, Any], examinee: Examinee) -> bool:
    """Is this examinee in the cohort?  (Whether they are active is the caller's concern.)"""
    if examinee.selection_id != cohort.get("selection"):
        return False
    if cohort.get("staff_nos") and examinee.staff_no not in cohort["staff_nos"]:
        return False
    if cohort.get("audiences") and examinee.audience not in cohort["audiences"]:
        return False
    prefixes = cohort.get("org_prefixes")
    if prefixes and not any(examinee.org_path.startswith(prefix) for prefix in prefixes):
        return False
    return True


def cohort_conditions(cohort: dict[str, Any]) -> list[ColumnElement[bool]]:
    """``in_cohort`` as SQL, except the staff list (applied in chunks by the caller)."""
    selection = cohort.get("selection")
    conditions: list[ColumnElement[bool]] = [
        Examinee.selection_id.is_(None) if selection is None else Examinee.selection_id == selection]
    if cohort.get("audiences"):
        conditions.append(Examinee.audience.in_(list(cohort["audiences"])))
    if cohort.get("org_prefixes"):
        conditions.append(or_(*(Examinee.org_path.startswith(prefix, autoescape=True)
                                for prefix in cohort["org_prefixes"])))
    return conditions


def cohort_members(uow: UnitOfWork, cohort: dict[str, Any]) -> set[int]:
    """Ids of the active examinees an assessment window is open to (its cohort)."""
    base = select(Examinee.id).where(Examinee.active.is_(True), *cohort_conditions(cohort))
    staff_nos = list(cohort.get("staff_nos") or [])
    queries = [base.where(Examinee.staff_no.in_(chunk)) for chunk in chunks(staff_nos)] if staff_nos else [base]
    return {number for query in queries for number in uow.session.scalars(query)}


def freeze_closed(uow: UnitOfWork) -> int:
    """Keep the cohort of every closed window not yet kept, with each person's 所属 and 区分 now.

    Called before any change to the roster (import, add, edit), so a closed window's 受験率 and
    groups never move with a later 人事異動: who it was open to is what the roster said when it
    closed, plus everyone who sat it.  Returns how many windows were kept (the caller commits).
    """
    windows = list(uow.session.scalars(select(Assessment).where(
        Assessment.closes_at <= uow.now, Assessment.cohort_frozen_at.is_(None))))
    for window in windows:
        members = cohort_members(uow, window.cohort)
        members |= set(uow.session.scalars(select(Attempt.examinee_id).where(Attempt.assessment_id == window.id)))
        rows: list[Any] = []
        for chunk in chunks(sorted(members)):
            rows += uow.session.execute(select(Examinee.id, Examinee.org_path, Examinee.audience)
                                        .where(Examinee.id.in_(chunk))).all()
        uow.session.add_all(CohortMember(assessment_id=window.id, examinee_id=examinee_id, org_path=org_path or "",
                                         audience=audience) for examinee_id, org_path, audience in rows)
        window.cohort_frozen_at = uow.now
    uow.session.flush()
    return len(windows)
