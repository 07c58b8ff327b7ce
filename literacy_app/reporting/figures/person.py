"""One person's 個人結果票 figures: their finished attempts with per-area results
(``rendering.person`` prints them as an A4 PDF).

For HR (and admins) only: an examinee sees their own result on screen, not through this report.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import and_, select

from ...core.catalog import AREAS, AUDIENCE_NAMES
from ...core.errors import UserError
from ...core.fiscal import JST, fiscal_label, fiscal_year, fiscal_year_instants
from ...core.model import Actor
from ...core.roster import normalise_staff_no
from ...services._common import require_staff
from ...storage.models import Assessment, Attempt, AttemptAreaScore, Examinee
from ...storage.uow import UnitOfWork

STUDY_BELOW = 60.0  # areas under this percent (or under their minimum) get a study suggestion


@dataclass(frozen=True)
class PersonArea:
    area: str
    percent: float
    minimum_percent: float
    passed: bool

    @property
    def needs_study(self) -> bool:
        return self.percent < STUDY_BELOW or not self.passed or self.percent < self.minimum_percent


@dataclass(frozen=True)
class PersonAttempt:
    attempt_id: int
    title: str
    year_label: str  # 2026年度（令和8年度）
    finished_on: dt.date  # Japan time
    score: float
    max_score: float
    percent: float
    passed: bool
    areas: tuple[PersonArea, ...]

    @property
    def study_areas(self) -> list[str]:
        return [a.area for a in self.areas if a.needs_study]


@dataclass(frozen=True)
class PersonResults:
    staff_no: str
    name: str
    org_path: str
    audience: str  # the label, e.g. 新規採用
    year: int | None
    attempts: tuple[PersonAttempt, ...] = field(default_factory=tuple)


def person_results(uow: UnitOfWork, actor: Actor, staff_no: str, year: int | None = None) -> PersonResults:
    """The person's finished attempts (of assessments opened in 年度 ``year`` if given), oldest first."""
    require_staff(actor, "hr")
    session = uow.session
    examinee = session.scalar(select(Examinee).where(Examinee.staff_no == normalise_staff_no(staff_no)))
    if examinee is None:
        raise UserError("unknown_examinee")
    query = (select(Attempt, Assessment.title, Assessment.opens_at)
             .join(Assessment, Assessment.id == Attempt.assessment_id)
             .where(Attempt.examinee_id == examinee.id, Attempt.status == "finished"))
    if year is not None:
        start, end = fiscal_year_instants(year)
        query = query.where(and_(Assessment.opens_at >= start, Assessment.opens_at < end))
    rows = session.execute(query.order_by(Attempt.finished_at, Attempt.id)).all()
    scores: dict[int, list[AttemptAreaScore]] = {}
    if rows:
        for score in session.scalars(select(AttemptAreaScore).where(
                AttemptAreaScore.attempt_id.in_([attempt.id for attempt, _t, _o in rows]))):
            scores.setdefault(score.attempt_id, []).append(score)
    attempts = []
    for attempt, title, opens_at in rows:
        assert attempt.finished_at is not None
        areas = sorted(scores.get(attempt.id, []), key=lambda r: AREAS.index(r.area) if r.area in AREAS else 99)
        attempts.append(PersonAttempt(
            attempt.id, title, fiscal_label(fiscal_year(opens_at.astimezone(JST))),
            attempt.finished_at.astimezone(JST).date(), attempt.score or 0.0, attempt.max_score or 0.0,
            attempt.percent or 0.0, bool(attempt.passed),
            tuple(PersonArea(r.area, r.percent, r.minimum_percent, r.passed) for r in areas)))
    return PersonResults(examinee.staff_no, examinee.name, examinee.org_path,
                         AUDIENCE_NAMES.get(examinee.audience, {}).get("ja", examinee.audience), year,
                         tuple(attempts))
