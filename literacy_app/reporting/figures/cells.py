"""The 年度's figures per unit of the block tree: 区分 › 試験 › 局 › 部 › 課 (docs/privacy.md).

Every figure of the summary is a sum over these cells, taken over whole blocks of at least N
people (``core.partition``).  The database groups the counted results by (区分, window, 所属) —
a few hundred rows, never the answers — and eligibility is placed here:

* **Counted result**: per person and blueprint, the last attempt finished in the 年度's windows,
  with the 所属 and 区分 the person had when it started (docs/statistics.md).  It sits in the
  window where it was made — a retaker is counted in the window of their last result only, so
  window figures add up to the 年度's and no difference of them describes earlier attempts.
* **Eligible**: everyone a window was open to (a closed window's kept cohort, an open one's
  roster today) and everyone with a counted result, once per person and blueprint: a person
  with a result where the result is; one without, in the last window of that blueprint open to
  them, with the 所属 and 区分 of that cohort.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import case, func, select

from ...core.suppression import SEPARATOR
from ...services.cohort import chunks, cohort_conditions, cohort_members
from ...storage.models import Assessment, Attempt, AttemptAreaScore, BlueprintVersion, CohortMember, Examinee
from ...storage.uow import UnitOfWork

BINS = tuple(range(0, 100, 10))
Node = tuple[str, ...]


@dataclass
class Cell:
    eligible: int = 0
    results: int = 0
    percent_sum: float = 0.0
    passed: int = 0
    areas: dict[str, list[float]] = field(default_factory=lambda: defaultdict(lambda: [0.0, 0]))
    bins: dict[int, int] = field(default_factory=lambda: defaultdict(int))


@dataclass(frozen=True)
class Window:
    id: int
    title: str
    blueprint: str
    opens_at: dt.datetime


def node_of(audience: str, window: int, org_path: str | None) -> Node:
    return (audience or "", str(window), *(part for part in (org_path or "").split(SEPARATOR) if part))


def year_windows(uow: UnitOfWork, start: dt.datetime, end: dt.datetime) -> list[Window]:
    """The staff windows that opened in the 年度 (a hiring selection's never count), in order."""
    rows = uow.session.execute(
        select(Assessment.id, Assessment.title, BlueprintVersion.blueprint_id, Assessment.opens_at)
        .join(BlueprintVersion, BlueprintVersion.id == Assessment.blueprint_version_id)
        .where(Assessment.opens_at >= start, Assessment.opens_at < end, Assessment.selection_id.is_(None))
        .order_by(Assessment.opens_at, Assessment.id)).all()
    return [Window(*row) for row in rows]


def counted(window_ids: list[int]) -> Any:
    """The counted results of these windows as a subquery (one per person and blueprint)."""
    ranked = (select(Attempt.id, Attempt.examinee_id, Attempt.assessment_id, Attempt.percent, Attempt.passed,
                     Attempt.org_path, Attempt.audience, BlueprintVersion.blueprint_id,
                     func.row_number().over(partition_by=(Attempt.examinee_id, BlueprintVersion.blueprint_id),
                                            order_by=(Attempt.finished_at.desc(), Attempt.id.desc())).label("rank"))
              .join(Assessment, Assessment.id == Attempt.assessment_id)
              .join(BlueprintVersion, BlueprintVersion.id == Assessment.blueprint_version_id)
              .where(Assessment.id.in_(window_ids), Attempt.status == "finished")).subquery()
    return select(ranked).where(ranked.c.rank == 1).subquery()


def year_cells(uow: UnitOfWork, windows: list[Window]) -> dict[Node, Cell]:
    """Every figure's ingredients per node of the tree, for the whole 年度 (filters come later)."""
    cells: dict[Node, Cell] = defaultdict(Cell)
    if not windows:
        return cells
    results = counted([window.id for window in windows])
    keys = (results.c.audience, results.c.assessment_id, results.c.org_path)
    # a portable CASE ladder: SQLite has no floor() in every build and PostgreSQL rounds on CAST
    bucket = case(*[(results.c.percent < low + 10, low) for low in BINS[:-1]], else_=BINS[-1])
    for audience, window, org, low, count, percent_sum, passed in uow.session.execute(
            select(*keys, bucket, func.count(), func.sum(results.c.percent),
                   func.sum(case((results.c.passed.is_(True), 1), else_=0))).group_by(*keys, bucket)):
        cell = cells[node_of(audience, window, org)]  # one row per cell and score band
        cell.results += int(count)
        cell.eligible += int(count)
        cell.percent_sum += float(percent_sum or 0)
        cell.passed += int(passed or 0)
        cell.bins[int(low)] += int(count)
    for audience, window, org, area, percent_sum, count in uow.session.execute(
            select(*keys, AttemptAreaScore.area, func.sum(AttemptAreaScore.percent), func.count())
            .join(results, results.c.id == AttemptAreaScore.attempt_id).group_by(*keys, AttemptAreaScore.area)):
        entry = cells[node_of(audience, window, org)].areas[area]
        entry[0] += float(percent_sum or 0)
        entry[1] += int(count)
    _place_eligible(uow, windows, cells)
    return cells


def _place_eligible(uow: UnitOfWork, windows: list[Window], cells: dict[Node, Cell]) -> None:
    """People a window was open to who have no counted result of its blueprint: in the last such
    window, with the 所属 and 区分 of that window's (kept or current) cohort."""
    # a counted result exists exactly when some attempt of the blueprint finished in these windows
    have = {tuple(row) for row in uow.session.execute(
        select(Attempt.examinee_id, BlueprintVersion.blueprint_id).distinct()
        .join(Assessment, Assessment.id == Attempt.assessment_id)
        .join(BlueprintVersion, BlueprintVersion.id == Assessment.blueprint_version_id)
        .where(Assessment.id.in_([w.id for w in windows]), Attempt.status == "finished"))}
    placed: dict[tuple[int, str], Node] = {}
    settings = {number: (cohort, kept) for number, cohort, kept in uow.session.execute(
        select(Assessment.id, Assessment.cohort, Assessment.cohort_frozen_at)
        .where(Assessment.id.in_([w.id for w in windows])))}
    for window in windows:  # in order of opening: a later window of the same blueprint wins
        cohort, kept = settings[window.id]
        if kept is not None:
            members = uow.session.execute(select(CohortMember.examinee_id, CohortMember.org_path,
                                                 CohortMember.audience)
                                          .where(CohortMember.assessment_id == window.id)).all()
        elif not cohort.get("staff_nos"):  # the cohort rule in SQL: one query for the whole window
            members = uow.session.execute(select(Examinee.id, Examinee.org_path, Examinee.audience).where(
                Examinee.active.is_(True), *cohort_conditions(cohort))).all()
        else:
            members = []
            for chunk in chunks(sorted(cohort_members(uow, cohort))):
                members += uow.session.execute(select(Examinee.id, Examinee.org_path, Examinee.audience)
                                               .where(Examinee.id.in_(chunk))).all()
        for examinee_id, org_path, audience in members:
            if (examinee_id, window.blueprint) not in have:
                placed[(examinee_id, window.blueprint)] = node_of(audience, window.id, org_path)
    for node in placed.values():
        cells[node].eligible += 1
