"""The cohort rule: who an assessment window is open to, in Python and in SQL, side by side.

A window's cohort may name audiences (区分), 所属 prefixes and a list of 職員番号; every part
given must hold.  ``in_cohort`` decides for one examinee (starting or listing an attempt);
``cohort_conditions`` + ``cohort_members`` select the whole cohort in SQL (progress, reports).
Both are written here and only here, and ``tests/services/test_cohort.py`` proves on generated
people and cohorts that they select the same people.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.sql.elements import ColumnElement

from ..storage.models import Examinee
from ..storage.uow import UnitOfWork

_CHUNK = 500  # staff numbers per IN (…): well under SQLite's and PostgreSQL's parameter limits


def chunks(values: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start:start + _CHUNK]


def in_cohort(cohort: dict[str, Any], examinee: Examinee) -> bool:
    """Is this examinee in the cohort?  (Whether they are active is the caller's concern.)"""
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
    conditions: list[ColumnElement[bool]] = []
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
