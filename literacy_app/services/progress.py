"""HR's view of an assessment window: how many people of its cohort have not started, are sitting,
or have finished — per 所属 (局, 局/部, 局/部/課) and in total.

Counts only, never names: HR follows up through the line managers, and this view must not turn
into a list of who has not sat the test.  Every figure is a sum over blocks of at least the
minimum size (``core.partition``, docs/privacy.md): a small 課 is counted in its parent's
「その他（少人数）」 row instead of being blanked, a row that leaves out people merged above it is
marked ``partial``, and no difference of rows — here or in another filter — describes fewer people.

The cohort is selected in SQL by ``services.cohort`` (the one home of the cohort rule); the database
groups by (org_path, state) and the roll-up over the few resulting groups is done here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import case, func, literal_column, or_, select
from sqlalchemy.sql.elements import ColumnElement

from ..core.errors import UserError
from ..core.model import Actor
from ..core.partition import partition, select_blocks, under
from ..core.suppression import DEFAULT_MIN_GROUP, SEPARATOR, check_min_group
from ..storage.models import Assessment, Attempt, AuditLog, CohortMember, Examinee
from ..storage.uow import UnitOfWork
from ._common import audit, require_staff
from .cohort import chunks, cohort_conditions
from .settings import privacy_min_group

NOT_STARTED, IN_PROGRESS, FINISHED = 0, 1, 2


@dataclass(frozen=True)
class ProgressRow:
    """One group: ``org_path`` "" is the whole cohort.  A suppressed row has no figures."""

    org_path: str
    depth: int  # 0 total, 1 局, 2 局/部, 3 局/部/課 …
    suppressed: bool
    """No block of its own: its people are counted in a 「その他（少人数）」 row above."""
    target: int | None = None
    not_started: int | None = None
    in_progress: int | None = None
    finished: int | None = None
    partial: bool = False
    """Some people of this unit are counted in a 「その他（少人数）」 row above, not here."""
    other: bool = False
    """The 「その他（少人数）」 of ``org_path``: its own members and its small units together."""


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


VIEW_AUDIT_QUIET = dt.timedelta(minutes=10)
"""The same person following the same window's progress is written to the audit log once per this
long: the view refreshes itself every 30 s, and the log must stay readable."""


def _audit_view(uow: UnitOfWork, actor: Actor, assessment_id: int, min_group: int) -> None:
    """Every look at a window's 受験状況 leaves a trace (committed here), repeated looks once per
    ``VIEW_AUDIT_QUIET``; a different minimum group size is always a new row."""
    recent = uow.session.scalars(select(AuditLog.detail).where(
        AuditLog.actor == actor.name, AuditLog.action == "progress_view", AuditLog.at > uow.now - VIEW_AUDIT_QUIET)
        .order_by(AuditLog.id.desc()).limit(50)).all()
    if any(detail.get("assessment_id") == assessment_id and detail.get("min_group") == min_group
           for detail in recent):
        return
    audit(uow, actor, "progress_view", assessment_id=assessment_id, min_group=min_group)
    uow.commit()


def _node(org_path: str) -> tuple[str, ...]:
    return tuple(part for part in org_path.split(SEPARATOR) if part)


def assessment_progress(uow: UnitOfWork, actor: Actor, assessment_id: int,
                        min_group: int = DEFAULT_MIN_GROUP) -> list[ProgressRow]:
    """Per 所属 counts of the cohort by state — the whole cohort first, then 局 › 部 › 課 in order,
    each unit's 「その他（少人数）」 after its sub-units — every row a sum over whole blocks."""
    require_staff(actor, "hr", "viewer")
    min_group = check_min_group(min_group)
    assessment = uow.session.get(Assessment, assessment_id)
    if assessment is None:
        raise UserError("assessment_unknown", id=assessment_id)
    _audit_view(uow, actor, assessment_id, min_group)
    counts = {_node(path): figures for path, figures in _group_counts(uow, assessment).items()}
    # a unit's own people always fall in one block together, so a block is a set of units
    people: dict[Hashable, tuple[str, ...]] = {
        (node, index): node for node, figures in counts.items() for index in range(sum(figures))}
    # the city's minimum cuts the blocks (the same blocks whoever looks); a larger ``min_group``
    # only hides more rows
    blocks = partition(people, privacy_min_group(uow))

    def figures(members: frozenset[Any]) -> list[int]:
        total = [0, 0, 0]
        for node in {member[0] for member in members}:
            total = [a + b for a, b in zip(total, counts[node], strict=True)]
        return total

    def row(node: tuple[str, ...], members: frozenset[Any], *, partial: bool = False,
            other: bool = False) -> ProgressRow:
        path = SEPARATOR.join(node)
        depth = len(node) + (1 if other else 0)
        if len(members) < min_group:  # nobody, or fewer than the caller asked for
            return ProgressRow(path, depth, True)
        not_started, in_progress, finished = figures(members)
        return ProgressRow(path, depth, False, not_started + in_progress + finished, not_started, in_progress,
                           finished, partial, other)

    units = sorted({()} | {node[:depth] for node in counts for depth in range(len(node) + 1)})  # total first
    rows = []
    for node in units:
        chosen = select_blocks(blocks, people, under(node))
        rows.append((node, 0, row(node, chosen.members, partial=chosen.partial)))
    rows += [(block.node, 1, row(block.node, block.members, other=True)) for block in blocks
             if not block.whole and select_blocks(blocks, people, under(block.node)).blocks != (block,)]
    # (a 「その他」 that is all its unit holds would only repeat the unit's own row)
    # the tree order, each unit's 「その他」 after everything below it
    rows.sort(key=lambda entry: ([*entry[0], "\uffff"] if entry[1] else list(entry[0])))
    return [entry[2] for entry in rows]


@dataclass(frozen=True)
class WindowInfo:
    id: int
    title: str
    opens_at: dt.datetime
    closes_at: dt.datetime


def assessments_in_year(uow: UnitOfWork, actor: Actor, year: int) -> list[WindowInfo]:
    """The windows that opened in a 年度 (April–March), for HR's choice of assessment."""
    from ..core.fiscal import fiscal_year_instants

    require_staff(actor, "hr", "viewer")
    start, end = fiscal_year_instants(year)
    return [WindowInfo(*row) for row in uow.session.execute(
        select(Assessment.id, Assessment.title, Assessment.opens_at, Assessment.closes_at)
        .where(Assessment.opens_at >= start, Assessment.opens_at < end).order_by(Assessment.opens_at, Assessment.id))]


def org_units(uow: UnitOfWork, actor: Actor, depth: int = 2) -> list[str]:
    """局 and 局/部 (down to ``depth`` levels) of the roster, for HR's 所属 filter."""
    require_staff(actor, "hr", "viewer")
    units: set[str] = set()
    for path in uow.session.scalars(select(Examinee.org_path).distinct()):
        parts = _node(path or "")
        units.update(SEPARATOR.join(parts[:level]) for level in range(1, min(depth, len(parts)) + 1))
    return sorted(units, key=lambda unit: unit.split(SEPARATOR))


def in_unit(prefix: str, column: Any = Examinee.org_path) -> ColumnElement[bool]:
    """People in a 所属 and every unit below it (``市民局`` holds ``市民局/区政部/戸籍課``); ``column``
    is the roster's 所属 by default, or a kept one (an attempt's, a closed window's member's)."""
    return or_(column == prefix, column.startswith(prefix + SEPARATOR, autoescape=True))
