"""HR's view of an assessment window: how many people of its cohort have not started, are sitting,
or have finished — per 所属 (局, 局/部, 局/部/課) and in total.

Counts only, never names: HR follows up through the line managers, and this view must not turn
into a list of who has not sat the test.  Groups under the minimum size are suppressed (with the
secondary suppression of ``core.suppression``) and carry no figures at all.

The cohort is selected in SQL by ``services.cohort`` (the one home of the cohort rule); the database
groups by (org_path, state) and the roll-up over the few resulting groups is done here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import case, func, literal_column, or_, select
from sqlalchemy.sql.elements import ColumnElement

from ..core.errors import UserError
from ..core.model import Actor
from ..core.suppression import DEFAULT_MIN_GROUP, SEPARATOR, check_min_group, hidden_groups
from ..storage.models import Assessment, Attempt, CohortMember, Examinee
from ..storage.uow import UnitOfWork
from ._common import require_staff
from .cohort import chunks, cohort_conditions

NOT_STARTED, IN_PROGRESS, FINISHED = 0, 1, 2


@dataclass(frozen=True)
class ProgressRow:
    """One group: ``org_path`` "" is the whole cohort.  A suppressed row has no figures."""

    org_path: str
    depth: int  # 0 total, 1 局, 2 局/部, 3 局/部/課 …
    suppressed: bool
    target: int | None = None
    not_started: int | None = None
    in_progress: int | None = None
    finished: int | None = None


def _group_counts(uow: UnitOfWork, assessment: Assessment) -> dict[str, list[int]]:
    """org_path → [not started, in progress, finished] for the cohort, one GROUP BY query per
    chunk of the staff list (or one query when there is no list)."""
    now = uow.now
    # an unfinished attempt past its deadline is finished (scored) as soon as anyone looks
    done = or_(Attempt.status == "finished", Attempt.deadline_at <= now)
    states = (select(Attempt.examinee_id,
                     func.max(case((done, literal_column(str(FINISHED))),
                                   else_=literal_column(str(IN_PROGRESS)))).label("state"))
              .where(Attempt.assessment_id == assessment.id)
              .group_by(Attempt.examinee_id).subquery())
    # a literal, not a bound parameter: PostgreSQL must see the same expression in GROUP BY
    state = func.coalesce(states.c.state, literal_column(str(NOT_STARTED)))
    base = (select(Examinee.org_path, state, func.count())
            .outerjoin(states, states.c.examinee_id == Examinee.id)
            .where(or_(Examinee.active, states.c.state.is_not(None)), *cohort_conditions(assessment.cohort))
            .group_by(Examinee.org_path, state))
    staff_nos = sorted(set(assessment.cohort.get("staff_nos") or []))
    queries = ([base.where(Examinee.staff_no.in_(chunk)) for chunk in chunks(staff_nos)]
               if staff_nos else [base])
    if assessment.cohort_frozen_at is not None:  # closed, and the roster changed since: the kept cohort
        queries = [select(CohortMember.org_path, state, func.count()).select_from(CohortMember)
                   .outerjoin(states, states.c.examinee_id == CohortMember.examinee_id)
                   .where(CohortMember.assessment_id == assessment.id).group_by(CohortMember.org_path, state)]
    counts: dict[str, list[int]] = {}
    for query in queries:
        for org_path, group_state, n in uow.session.execute(query):
            counts.setdefault(org_path or "", [0, 0, 0])[int(group_state)] += int(n)
    return counts


def _prefixes(org_path: str) -> list[str]:
    parts = [part for part in org_path.split(SEPARATOR) if part]
    return [""] + [SEPARATOR.join(parts[:depth]) for depth in range(1, len(parts) + 1)]


def assessment_progress(uow: UnitOfWork, actor: Actor, assessment_id: int,
                        min_group: int = DEFAULT_MIN_GROUP) -> list[ProgressRow]:
    """Per 所属 counts of the cohort by state, the whole cohort first, then 局 › 部 › 課 in order."""
    require_staff(actor, "hr")
    min_group = check_min_group(min_group)
    assessment = uow.session.get(Assessment, assessment_id)
    if assessment is None:
        raise UserError("assessment_unknown", id=assessment_id)
    rolled: dict[str, list[int]] = {"": [0, 0, 0]}
    for org_path, figures in _group_counts(uow, assessment).items():
        for prefix in _prefixes(org_path):
            total = rolled.setdefault(prefix, [0, 0, 0])
            for index, n in enumerate(figures):
                total[index] += n
    hidden = hidden_groups({path: sum(figures) for path, figures in rolled.items()}, min_group)
    rows = []
    for path in sorted(rolled, key=lambda p: p.split(SEPARATOR) if p else []):
        depth = len(path.split(SEPARATOR)) if path else 0
        if path in hidden:
            rows.append(ProgressRow(path, depth, True))
        else:
            not_started, in_progress, finished = rolled[path]
            rows.append(ProgressRow(path, depth, False, not_started + in_progress + finished,
                                    not_started, in_progress, finished))
    return rows



@dataclass(frozen=True)
class WindowInfo:
    id: int
    title: str
    opens_at: dt.datetime
    closes_at: dt.datetime


def assessments_in_year(uow: UnitOfWork, actor: Actor, year: int) -> list[WindowInfo]:
    """The windows that opened in a 年度 (April–March), for HR's choice of assessment."""
    from ..core.fiscal import fiscal_year_instants

    require_staff(actor, "hr")
    start, end = fiscal_year_instants(year)
    return [WindowInfo(*row) for row in uow.session.execute(
        select(Assessment.id, Assessment.title, Assessment.opens_at, Assessment.closes_at)
        .where(Assessment.opens_at >= start, Assessment.opens_at < end).order_by(Assessment.opens_at, Assessment.id))]


def org_units(uow: UnitOfWork, actor: Actor, depth: int = 2) -> list[str]:
    """局 and 局/部 (down to ``depth`` levels) of the roster, for HR's 所属 filter."""
    require_staff(actor, "hr")
    units: set[str] = set()
    for path in uow.session.scalars(select(Examinee.org_path).distinct()):
        units.update(prefix for prefix in _prefixes(path or "")[1:depth + 1])
    return sorted(units, key=lambda unit: unit.split(SEPARATOR))


def in_unit(prefix: str, column: Any = Examinee.org_path) -> ColumnElement[bool]:
    """People in a 所属 and every unit below it (``市民局`` holds ``市民局/区政部/戸籍課``); ``column``
    is the roster's 所属 by default, or a kept one (an attempt's, a closed window's member's)."""
    return or_(column == prefix, column.startswith(prefix + SEPARATOR, autoescape=True))
