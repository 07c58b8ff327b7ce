"""The figures of HR's 年度 summary, aggregated in SQL and protected by the minimum group size.

Every figure is computed by the database (GROUP BY per audience and per full 所属 path; the
roll-up to 局 and 局/部 adds those few hundred group rows in Python, never the answer rows).
A group with fewer people than the minimum — or one whose figures could be recovered by
subtracting shown groups from their parent — is marked suppressed and carries no figures.
Figures resting on fewer than ``FEW_PEOPLE`` people are marked so the report can say so.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, case, func, literal, select, union

from ...core.catalog import AREAS
from ...core.errors import UserError
from ...core.fiscal import fiscal_label, fiscal_year_instants
from ...core.model import Actor
from ...core.suppression import DEFAULT_MIN_GROUP, check_min_group, hidden_groups
from ...services._common import require_staff
from ...services.cohort import cohort_conditions, cohort_members
from ...services.progress import in_unit
from ...storage.models import Assessment, Attempt, AttemptAreaScore, BlueprintVersion, CohortMember, Examinee
from ...storage.uow import Database, UnitOfWork
from .appendix import FEW_PEOPLE, ItemAppendix, Pending, store_pending
from .appendix import appendix as appendix_entries

BINS = tuple(range(0, 100, 10))


@dataclass(frozen=True)
class GroupFigures:
    key: str
    people: int
    mean_percent: float | None
    pass_rate: float | None
    area_means: dict[str, float | None]
    suppressed: bool
    few: bool


@dataclass
class Summary:
    year: int
    label: str
    min_group: int
    assessments: list[str]
    eligible: int
    finished: int
    mean_percent: float | None
    pass_rate: float | None
    distribution: list[tuple[str, int]]
    area_means: dict[str, float | None]
    by_audience: list[GroupFigures] = field(default_factory=list)
    by_org: list[GroupFigures] = field(default_factory=list)
    previous: Summary | None = None
    weakest_areas: list[str] = field(default_factory=list)
    appendix: list[ItemAppendix] = field(default_factory=list)
    org_unit: str | None = None
    """The 所属 the summary is limited to (None: the whole city)."""
    pending: Pending = field(default_factory=Pending, repr=False, compare=False)
    """Item statistics computed on a cache miss, for ``store_pending`` after the read."""

    @property
    def participation(self) -> float | None:
        return self.finished / self.eligible if self.eligible else None


def build_summary(uow: UnitOfWork, actor: Actor, year: int, *, assessment_id: int | None = None,
                  org_unit: str | None = None, min_group: int = DEFAULT_MIN_GROUP,
                  with_previous: bool = True, blueprint_id: str | None = None) -> Summary:
    """All figures for one 年度 (optionally one assessment, one 所属 and the units below it),
    with small groups suppressed."""
    require_staff(actor, "hr", "viewer")  # aggregates only: the viewer role may
    min_group = check_min_group(min_group)
    start, end = fiscal_year_instants(year)
    session = uow.session
    # staff only: a hiring selection's windows are never part of a staff figure
    window = and_(Assessment.opens_at >= start, Assessment.opens_at < end, Assessment.selection_id.is_(None))
    if assessment_id is not None:
        chosen = session.get(Assessment, assessment_id)
        if chosen is not None and chosen.selection_id is not None:
            raise UserError("selection_not_for_staff_reports")
        window = and_(window, Assessment.id == assessment_id)
        blueprint_id = session.scalar(select(BlueprintVersion.blueprint_id).join(
            Assessment, Assessment.blueprint_version_id == BlueprintVersion.id).where(Assessment.id == assessment_id))
    if blueprint_id is not None:  # one assessment's trend: the same blueprint's windows a year before
        window = and_(window, Assessment.blueprint_version_id.in_(
            select(BlueprintVersion.id).where(BlueprintVersion.blueprint_id == blueprint_id)))
    assessments = session.execute(
        select(Assessment.title, Assessment.id).where(window).order_by(Assessment.opens_at)).all()
    finished = _counted(window, org_unit)
    # the previous 年度 is shown as totals and area means only: no groups, no eligibility
    full = with_previous
    eligible = _eligible(uow, window, finished, org_unit) if full else 0
    cells, area_cells = _cells(uow, finished, full)
    attempts = sum(row[4] for row in cells)
    people = int(session.scalar(select(func.count(func.distinct(finished.c.examinee_id)))) or 0)
    totals = (people, sum(float(row[3] or 0) for row in cells) / attempts if attempts else None,
              sum(int(row[5] or 0) for row in cells) / attempts if attempts else None)
    area_sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0])
    for _org, _audience, area, percent_sum, count in area_cells:
        area_sums[area][0] += float(percent_sum or 0)
        area_sums[area][1] += count
    area_rows = [(area, total / count) for area, (total, count) in area_sums.items() if count]
    distribution: dict[int, int] = {}
    if with_previous:  # the previous 年度 is shown as totals and area means only
        # a portable CASE ladder: SQLite has no floor() in every build and PostgreSQL rounds on CAST
        bucket = case(*[(finished.c.percent < low + 10, low) for low in BINS[:-1]], else_=BINS[-1])
        distribution = dict(session.execute(select(bucket, func.count()).group_by(bucket)).all())

    def grouped(index: int) -> tuple[list[tuple], list[tuple]]:
        """Fold the cells into groups by 所属 (index 0) or audience (index 1)."""
        people: dict[str, list[float]] = defaultdict(lambda: [0, 0.0, 0, 0])
        for row in cells:
            entry = people[row[index]]
            for position, value in enumerate(row[2:]):
                entry[position] += value or 0
        areas: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0])
        for row in area_cells:
            entry = areas[(row[index], row[2])]
            entry[0] += float(row[3] or 0)
            entry[1] += row[4]
        return ([(key, *values) for key, values in people.items()],
                [(key, area, *values) for (key, area), values in areas.items()])

    audience_people, audience_areas = grouped(1) if with_previous else ([], [])
    org_people, org_areas = grouped(0) if with_previous else ([], [])
    summary = Summary(
        year=year, label=fiscal_label(year), min_group=min_group, org_unit=org_unit,
        assessments=[title for title, _id in assessments], eligible=eligible, finished=totals[0],
        mean_percent=_round(totals[1]) if totals[0] >= min_group else None,
        pass_rate=_round(totals[2]) if totals[0] >= min_group else None,
        distribution=[(f"{low}–{low + 10 if low < 90 else 100}%", int(distribution.get(low, 0))) for low in BINS],
        area_means={area: _round(mean) for area, mean in area_rows} if totals[0] >= min_group else {},
        by_audience=_figures(audience_people, audience_areas, min_group, roll_up=False),
        by_org=_figures(org_people, org_areas, min_group, roll_up=True))
    if totals[0] < min_group:
        summary.distribution = []
    known = {area: mean for area, mean in summary.area_means.items() if mean is not None}
    summary.weakest_areas = sorted(known, key=lambda area: known[area])[:3]
    if with_previous and totals[0] >= min_group:
        summary.appendix = appendix_entries(uow, actor, [(title, number) for title, number in assessments],
                                    summary.pending)
    if with_previous:
        previous = build_summary(uow, actor, year - 1, org_unit=org_unit, min_group=min_group, with_previous=False,
                                 blueprint_id=blueprint_id)
        summary.previous = previous if previous.finished else None
    return summary


def _counted(window: Any, org_unit: str | None) -> Any:
    """The attempts that count: per person and blueprint, the last one finished in the windows
    (a retake replaces the earlier result, so a person is counted once, never per attempt), with
    the 所属 and 区分 the person had when it started.  ``org_unit`` then keeps those in that unit."""
    ranked = (select(Attempt.id, Attempt.examinee_id, Attempt.percent, Attempt.passed, Attempt.org_path,
                     Attempt.audience,
                     func.row_number().over(partition_by=(Attempt.examinee_id, BlueprintVersion.blueprint_id),
                                            order_by=(Attempt.finished_at.desc(), Attempt.id.desc())).label("rank"))
              .join(Assessment, Assessment.id == Attempt.assessment_id)
              .join(BlueprintVersion, BlueprintVersion.id == Assessment.blueprint_version_id)
              .where(window, Attempt.status == "finished")).subquery()
    query = select(ranked.c.id, ranked.c.examinee_id, ranked.c.percent, ranked.c.passed, ranked.c.org_path,
                   ranked.c.audience).where(ranked.c.rank == 1)
    if org_unit:
        query = query.where(in_unit(org_unit, ranked.c.org_path))
    return query.subquery()


def make_summary(database: Database, actor: Actor, year: int, *, preview: bool = False, **options: Any) -> Summary:
    """Build a summary in a read-only transaction, then cache any item statistics it computed.
    ``preview``: the summary is shown on screen, not saved — written to the audit log as
    ``report_preview`` (a save is recorded as ``report_summary`` by the caller instead), so that
    comparing many filtered views leaves a trace."""
    with database.uow(read_only=True) as uow:
        summary = build_summary(uow, actor, year, **options)
    store_pending(database, summary.pending)
    if preview:
        from ...services._common import audit

        with database.uow() as uow:
            audit(uow, actor, "report_preview", year=year, assessment_id=options.get("assessment_id"),
                  org_unit=options.get("org_unit"), min_group=summary.min_group)
            uow.commit()
    return summary


def _eligible(uow: UnitOfWork, window, finished, org_unit: str | None) -> int:
    """Everyone the 年度's windows were open to, plus anyone who sat one anyway.  A closed window
    whose cohort was kept (``services.cohort.freeze_closed``) counts those people with their 所属
    then; an open one counts today's roster — in SQL, unless it names a staff list (matched in
    chunks, in Python)."""
    windows = uow.session.execute(select(Assessment.id, Assessment.cohort, Assessment.cohort_frozen_at)
                                  .where(window)).all()
    kept = [number for number, _cohort, frozen in windows if frozen is not None]
    live = [cohort for _number, cohort, frozen in windows if frozen is None]
    sat = select(finished.c.examinee_id)
    members = select(CohortMember.examinee_id).where(
        CohortMember.assessment_id.in_(kept), *([in_unit(org_unit, CohortMember.org_path)] if org_unit else []))
    if any(cohort.get("staff_nos") for cohort in live):
        eligible_ids = set(uow.session.scalars(sat.distinct())) | set(uow.session.scalars(members))
        current: set[int] = set()
        for cohort in live:
            current |= cohort_members(uow, cohort)
        if org_unit:
            current &= set(uow.session.scalars(select(Examinee.id).where(in_unit(org_unit))))
        return len(eligible_ids | current)
    unit = [in_unit(org_unit)] if org_unit else []
    today = [select(Examinee.id).where(Examinee.active.is_(True), *cohort_conditions(cohort), *unit)
             for cohort in live]
    return int(uow.session.scalar(select(func.count()).select_from(union(sat, members, *today).subquery())) or 0)


def _cells(uow: UnitOfWork, finished, full: bool) -> tuple[list, list]:
    """Two GROUP BY queries carry every figure: per (所属, audience) and per (所属, audience, area),
    by the 所属 and 区分 each counted attempt kept from its start.  Without ``full`` (the previous
    年度) the groups collapse to one row and one per area."""
    keys = [finished.c.org_path, finished.c.audience] if full else [literal(""), literal("")]
    cells = uow.session.execute(
        select(*keys, func.count(func.distinct(finished.c.examinee_id)), func.sum(finished.c.percent),
               func.count(), func.sum(func.cast(finished.c.passed, _int()))).select_from(finished)
        .group_by(*keys[:2 if full else 0])).all()
    area_cells = uow.session.execute(
        select(*keys, AttemptAreaScore.area, func.sum(AttemptAreaScore.percent), func.count())
        .join(finished, finished.c.id == AttemptAreaScore.attempt_id)
        .group_by(*keys[:2 if full else 0], AttemptAreaScore.area)).all()
    return [row for row in cells if row[4]], list(area_cells)


def _int():
    from sqlalchemy import Integer

    return Integer


def _round(value: float | None) -> float | None:
    return None if value is None else round(float(value), 4)


def _figures(people_rows, area_rows, min_group: int, roll_up: bool) -> list[GroupFigures]:
    """Group rows from SQL → figures per group (and per 局, 局/部 prefix when rolling up)."""
    people: dict[str, list[float]] = defaultdict(lambda: [0, 0.0, 0, 0])
    areas: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(lambda: [0.0, 0]))
    for key, count, percent_sum, attempts, passed in people_rows:
        for group in _prefixes(key or "", roll_up):
            entry = people[group]
            entry[0] += count
            entry[1] += float(percent_sum or 0)
            entry[2] += attempts
            entry[3] += int(passed or 0)
    for key, area, percent_sum, count in area_rows:
        for group in _prefixes(key or "", roll_up):
            areas[group][area][0] += float(percent_sum or 0)
            areas[group][area][1] += count
    counts = {group: int(values[0]) for group, values in people.items()}
    hidden = hidden_groups(counts, min_group) if roll_up else {g for g, n in counts.items() if n < min_group}
    result = []
    for group in sorted(people):  # 局, then its 部, then their 課: children follow their parent
        count, percent_sum, attempts, passed = people[group]
        suppressed = group in hidden
        result.append(GroupFigures(
            key=group, people=int(count),
            mean_percent=None if suppressed else _round(percent_sum / attempts),
            pass_rate=None if suppressed else _round(passed / attempts),
            area_means={} if suppressed else {
                area: _round(areas[group][area][0] / areas[group][area][1])
                for area in AREAS if areas[group][area][1]},
            suppressed=suppressed, few=count < FEW_PEOPLE))
    return result


def _prefixes(path: str, roll_up: bool) -> list[str]:
    """A person in 局/部/課 counts in 局, 局/部 and 局/部/課 (all three are reported)."""
    if not roll_up or not path:
        return [path]
    parts = path.split("/")
    return ["/".join(parts[: i + 1]) for i in range(len(parts))]
