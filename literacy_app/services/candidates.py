"""受験者一覧: one assessment window's people, by name, with their results — for HR's decisions.

Unlike the summary this list names people, so it is for HR (and admin) only, and every view and
export is written to the audit log with how many people it showed.  Each person appears once:
their counted attempt is the last one finished in this window (the rule of the summary,
``docs/statistics.md``); the 所属 and 区分 shown are those the person had when it started.
People the window was open to who have not finished appear too, as 受験中 or 未受験, so the list
is complete for a decision.  For a window of the hiring selection (採用試験) the same list is the
selection committee's: 受験番号 instead of 職員番号, the 採用区分 instead of a 所属.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy import func, select

from ..core.catalog import AREAS
from ..core.errors import UserError
from ..core.model import Actor
from ..core.tables import Table, write_xlsx
from ..storage.models import Assessment, Attempt, AttemptAreaScore, CohortMember, Examinee
from ..storage.uow import UnitOfWork
from ._common import audit, require_staff
from .cohort import chunks, cohort_members

FINISHED, IN_PROGRESS, NOT_STARTED = "受験済み", "受験中", "未受験"


@dataclass(frozen=True)
class CandidateRow:
    staff_no: str
    name: str
    org_path: str
    audience: str
    status: str
    score: float | None = None
    max_score: float | None = None
    percent: float | None = None
    passed: bool | None = None
    finished_at: dt.datetime | None = None
    areas: dict[str, float] = field(default_factory=dict)
    attempts: int = 0
    applicant: bool = False
    """An applicant of the hiring selection: ``staff_no`` is the 受験番号, ``org_path`` the 採用区分."""


def candidate_list(uow: UnitOfWork, actor: Actor, assessment_id: int, *, purpose: str = "view") -> list[CandidateRow]:
    """Everyone of the window, finished first by 職員番号 order of their 所属; audited."""
    require_staff(actor, "hr")
    assessment = uow.session.get(Assessment, assessment_id)
    if assessment is None:
        raise UserError("assessment_unknown", id=assessment_id)
    ranked = (select(Attempt.id, Attempt.examinee_id, Attempt.status, Attempt.score, Attempt.max_score,
                     Attempt.percent, Attempt.passed, Attempt.finished_at, Attempt.org_path, Attempt.audience,
                     func.count().over(partition_by=Attempt.examinee_id).label("attempts"),
                     func.row_number().over(partition_by=Attempt.examinee_id, order_by=(
                         (Attempt.status == "finished").desc(), Attempt.finished_at.desc(), Attempt.id.desc()))
                     .label("rank"))
              .where(Attempt.assessment_id == assessment_id)).subquery()
    rows = uow.session.execute(
        select(ranked, Examinee.staff_no, Examinee.name).join(Examinee, Examinee.id == ranked.c.examinee_id)
        .where(ranked.c.rank == 1)).all()
    counted = {row.id for row in rows if row.status == "finished"}
    areas: dict[int, dict[str, float]] = {}
    for attempt_id, area, percent in uow.session.execute(
            select(AttemptAreaScore.attempt_id, AttemptAreaScore.area, AttemptAreaScore.percent)
            .where(AttemptAreaScore.attempt_id.in_(counted))) if counted else ():
        areas.setdefault(attempt_id, {})[area] = percent
    result = [CandidateRow(row.staff_no, row.name, row.org_path, row.audience,
                           FINISHED if row.status == "finished" else IN_PROGRESS, row.score, row.max_score,
                           row.percent, row.passed, row.finished_at, areas.get(row.id, {}), row.attempts)
              for row in rows]
    result += _not_started(uow, assessment, {row.examinee_id for row in rows})
    if assessment.selection_id is not None:
        from ..storage.models import Selection

        selection = uow.session.get(Selection, assessment.selection_id)
        label = selection.title if selection is not None else ""
        result = [replace(row, org_path=label, audience=APPLICANT_KIND, applicant=True) for row in result]
    result.sort(key=lambda row: ({FINISHED: 0, IN_PROGRESS: 1}.get(row.status, 2), row.org_path, row.staff_no))
    audit(uow, actor, "candidate_list", assessment_id=assessment_id, purpose=purpose, people=len(result))
    uow.commit()
    return result


def _not_started(uow: UnitOfWork, assessment: Assessment, seen: set[int]) -> list[CandidateRow]:
    """The window's cohort (kept at its close, or today's) without an attempt."""
    if assessment.cohort_frozen_at is not None:
        found = uow.session.execute(select(Examinee.staff_no, Examinee.name, CohortMember.org_path,
                                           CohortMember.audience, Examinee.id)
                                    .join(CohortMember, CohortMember.examinee_id == Examinee.id)
                                    .where(CohortMember.assessment_id == assessment.id)).all()
    else:
        ids = sorted(cohort_members(uow, assessment.cohort) - seen)
        found = []
        for chunk in chunks(ids):
            found += uow.session.execute(select(Examinee.staff_no, Examinee.name, Examinee.org_path,
                                                Examinee.audience, Examinee.id)
                                         .where(Examinee.id.in_(chunk))).all()
    return [CandidateRow(staff_no, name, org or "", audience, NOT_STARTED)
            for staff_no, name, org, audience, number in found if number not in seen]


HEADERS = ("職員番号", "氏名", "所属（受験時）", "区分（受験時）", "状況", "得点", "満点", "得点率", "合否", "受験日時",
           "受験回数")
APPLICANT_HEADERS = ("受験番号", "氏名", "採用区分", "種別", *HEADERS[4:])
APPLICANT_KIND = "採用試験"


def headers_for(rows: list[CandidateRow]) -> tuple[str, ...]:
    return APPLICANT_HEADERS if rows and rows[0].applicant else HEADERS


def export_candidates(uow: UnitOfWork, actor: Actor, assessment_id: int, out: Path) -> int:
    """The list as .xlsx, audited as an export; returns the number of people."""
    rows = candidate_list(uow, actor, assessment_id, purpose=f"export:{out.name}")
    write_candidates(rows, out)
    return len(rows)


def write_candidates(rows: list[CandidateRow], out: Path) -> None:
    """Write rows already listed (and audited) as .xlsx; cells neutralised by ``core.tables``.
    On a LAN the server lists and audits, and the PC writes the file with this."""
    from ..core.catalog import AREA_NAMES, AUDIENCE_NAMES
    from ..core.fiscal import JST

    table_rows = []
    for row in rows:
        passed = "" if row.passed is None else ("合格" if row.passed else "不合格")
        when = row.finished_at.astimezone(JST).replace(tzinfo=None) if row.finished_at else None
        table_rows.append([row.staff_no, row.name, row.org_path,
                           AUDIENCE_NAMES.get(row.audience, {}).get("ja", row.audience),
                           row.status, row.score, row.max_score,
                           None if row.percent is None else row.percent / 100, passed, when, row.attempts or None,
                           *[None if area not in row.areas else row.areas[area] / 100 for area in AREAS]])
    headers = (*headers_for(rows), *[f"{AREA_NAMES[area]['ja']}（得点率）" for area in AREAS])
    formats = {7: "0.0%", 9: "yyyy-mm-dd hh:mm", **{len(HEADERS) + n: "0.0%" for n in range(len(AREAS))}}
    write_xlsx([Table("受験者一覧", headers, table_rows, formats)], out)
