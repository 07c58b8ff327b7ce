"""The figures of HR's 年度 summary: sums over whole blocks of at least the city's minimum.

The database groups the counted results by 区分, window and 所属 (``cells``: a few hundred rows,
never the answers); the 年度's cells are cut once into blocks (``core.partition``) and every figure
— totals, 区分 rows, 所属 rows, any filter, the 前年度 line — adds whole blocks, so no figure nor
any difference of figures describes fewer people than the minimum (docs/privacy.md).  A unit
without a block of its own is shown hidden; one whose small pieces were merged upward is marked
``partial``; each unit's merged pieces appear as its 「その他（少人数）」 row.  Figures resting on
fewer than ``FEW_PEOPLE`` people are marked so the report can say so.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from ...core.catalog import AREAS
from ...core.errors import UserError
from ...core.fiscal import fiscal_label, fiscal_year_instants
from ...core.model import Actor
from ...core.partition import Block, Selection, partition, select_blocks
from ...core.suppression import DEFAULT_MIN_GROUP, check_min_group
from ...services._common import require_staff
from ...services.settings import privacy_min_group
from ...storage.models import Assessment, BlueprintVersion
from ...storage.uow import Database, UnitOfWork
from .appendix import FEW_PEOPLE, ItemAppendix, Pending, store_pending
from .appendix import appendix as appendix_entries
from .cells import BINS, Cell, Node, Window, year_cells, year_windows

OTHER = "/その他（少人数）"
"""Appended to a unit's path for its 「その他（少人数）」 row: its own members and small units."""



@dataclass(frozen=True)
class GroupFigures:
    key: str
    people: int
    mean_percent: float | None
    pass_rate: float | None
    area_means: dict[str, float | None]
    suppressed: bool
    few: bool
    partial: bool = False
    """Some people of this unit are counted in a 「その他（少人数）」 above it, not in this row."""


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
    """All figures for one 年度 (optionally one assessment, one 所属 and the units below it).

    Every figure is a sum over whole blocks of the 年度's one partition (``core.partition``,
    docs/privacy.md): the same blocks whatever the filter, so no difference of two summaries — other
    filters, the 前年度 line of the next 年度 — describes fewer than the city's minimum.  ``min_group``
    may only raise what is shown: a group whose figures rest on fewer is shown as hidden."""
    require_staff(actor, "hr", "viewer")  # aggregates only: the viewer role may
    min_group = check_min_group(min_group)
    block_size = privacy_min_group(uow)
    shown_from = max(min_group, block_size)
    session = uow.session
    if assessment_id is not None:
        chosen = session.get(Assessment, assessment_id)
        if chosen is not None and chosen.selection_id is not None:
            raise UserError("selection_not_for_staff_reports")
        blueprint_id = session.scalar(select(BlueprintVersion.blueprint_id).join(
            Assessment, Assessment.blueprint_version_id == BlueprintVersion.id).where(Assessment.id == assessment_id))
    year_data = year_blocks(uow, year, block_size)
    windows, cells = year_data.windows, year_data.cells
    chosen_windows = {str(w.id) for w in windows if (assessment_id is None or w.id == assessment_id)
                      and (blueprint_id is None or w.blueprint == blueprint_id)}
    picked = summary_selections(year_data, chosen_windows, org_unit)
    total = _add(cells, picked.total.members)
    shown = total.results >= shown_from
    summary = Summary(
        year=year, label=fiscal_label(year), min_group=min_group, org_unit=org_unit,
        assessments=[w.title for w in windows if str(w.id) in chosen_windows],
        eligible=total.eligible, finished=total.results,
        mean_percent=_round(total.percent_sum / total.results) if shown else None,
        pass_rate=_round(total.passed / total.results) if shown else None,
        distribution=[(f"{low}–{low + 10 if low < 90 else 100}%", int(total.bins.get(low, 0))) for low in BINS]
        if shown and with_previous else [],
        area_means=_area_means(total) if shown else {})
    if with_previous:
        summary.by_audience = [_group(key, cells, found, shown_from) for key, found in picked.by_audience]
        summary.by_org = [_group(key, cells, found, shown_from) for key, found in picked.by_org]
    known = {area: mean for area, mean in summary.area_means.items() if mean is not None}
    summary.weakest_areas = sorted(known, key=lambda area: known[area])[:3]
    if with_previous and shown:
        summary.appendix = appendix_entries(uow, actor, [(w.title, w.id) for w in windows
                                                         if str(w.id) in chosen_windows], summary.pending)
    if with_previous:
        previous = build_summary(uow, actor, year - 1, org_unit=org_unit, min_group=min_group, with_previous=False,
                                 blueprint_id=blueprint_id)
        summary.previous = previous if previous.finished else None
    return summary


def _audience_is(audience: str) -> Callable[[Node], bool]:
    return lambda node: node[0] == audience


def _add(cells: dict[Node, Cell], members: Iterable[Any]) -> Cell:
    total = Cell()
    for node in members:
        cell = cells[node]
        total.eligible += cell.eligible
        total.results += cell.results
        total.percent_sum += cell.percent_sum
        total.passed += cell.passed
        for area, (percent_sum, count) in cell.areas.items():
            total.areas[area][0] += percent_sum
            total.areas[area][1] += count
        for low, count in cell.bins.items():
            total.bins[low] += count
    return total


def _area_means(cell: Cell) -> dict[str, float | None]:
    return {area: _round(cell.areas[area][0] / cell.areas[area][1]) for area in AREAS
            if area in cell.areas and cell.areas[area][1]}


def _group(key: str, cells: dict[Node, Cell], chosen: Selection, shown_from: int) -> GroupFigures:
    """One row: hidden when no block of its own holds enough results (its people are then counted in
    a 「その他（少人数）」 above), marked ``partial`` when some of its people are counted above."""
    total = _add(cells, chosen.members)
    hidden = total.results < shown_from
    return GroupFigures(
        key=key, people=total.results,
        mean_percent=None if hidden else _round(total.percent_sum / total.results),
        pass_rate=None if hidden else _round(total.passed / total.results),
        area_means={} if hidden else _area_means(total), suppressed=hidden, few=total.results < FEW_PEOPLE,
        partial=chosen.partial and not hidden)


def _org_selections(data: YearBlocks, selects: Callable[..., Callable[[Node], bool]]) -> list[tuple[str, Selection]]:
    """局, 部 and 課 rows (within the chosen windows and 所属), each unit's 「その他（少人数）」 after its
    sub-units: its small pieces, merged in blocks that belong to it, across windows and 区分."""
    base = selects()
    paths = sorted({node[2:depth] for node in data.cells if base(node) for depth in range(3, len(node) + 1)})
    rows: list[tuple[list[str], str, Selection]] = []
    for org in paths:
        chosen = select_blocks(data.blocks, data.nodes, selects(_org_is(org)))
        rows.append((list(org), "/".join(org), chosen))
        others = [block for block in chosen.blocks if not block.whole and block.node[2:] == org]
        if others and len(others) < len(chosen.blocks):  # a 「その他」 that is all of the unit repeats it
            members = frozenset().union(*(block.members for block in others))
            rows.append(([*org, "\uffff"], "/".join(org) + OTHER, Selection(members, tuple(others), False)))
    rows.sort(key=lambda entry: entry[0])
    return [(key, found) for _order, key, found in rows]


@dataclass(frozen=True)
class YearBlocks:
    """A 年度's cells and its one partition into blocks: every summary of the 年度 is made from these."""

    windows: list[Window]
    cells: dict[Node, Cell]
    blocks: list[Block]

    @property
    def nodes(self) -> dict[Node, Node]:
        return {node: node for node in self.cells}


def year_blocks(uow: UnitOfWork, year: int, block_size: int) -> YearBlocks:
    start, end = fiscal_year_instants(year)
    windows = year_windows(uow, start, end)
    cells = year_cells(uow, windows)
    blocks = partition({node: node for node in cells}, block_size,
                       weight={node: cell.results for node, cell in cells.items()},
                       heads={node: cell.eligible for node, cell in cells.items()})
    return YearBlocks(windows, cells, blocks)


@dataclass(frozen=True)
class Selections:
    total: Selection
    by_audience: list[tuple[str, Selection]]
    by_org: list[tuple[str, Selection]]


def summary_selections(data: YearBlocks, chosen_windows: set[str], org_unit: str | None) -> Selections:
    """Which blocks each figure of a summary adds: the total, each 区分, each 所属 (and its その他).
    ``build_summary`` turns these into numbers; the attacker test reads them as sets of people."""
    unit = tuple(part for part in (org_unit or "").split("/") if part)

    def selects(extra: Callable[[Node], bool] = lambda node: True) -> Callable[[Node], bool]:
        """A filter on the cells (each a full node: 区分, window, 所属 path)."""
        return lambda node: node[1] in chosen_windows and node[2:2 + len(unit)] == unit and extra(node)

    nodes = data.nodes
    audiences = sorted({node[0] for node in data.cells if node[1] in chosen_windows})
    return Selections(select_blocks(data.blocks, nodes, selects()),
                      [(audience, select_blocks(data.blocks, nodes, selects(_audience_is(audience))))
                       for audience in audiences],
                      _org_selections(data, selects))


def _org_is(org: Node) -> Callable[[Node], bool]:
    return lambda node: node[2:2 + len(org)] == org


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


def _round(value: float | None) -> float | None:
    return None if value is None else round(float(value), 4)


