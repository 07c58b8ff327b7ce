"""Item statistics of an assessment, from the database to core.statistics in a few arrays.

Forms are drawn at random from the pool, so the attempts × items matrix is sparse: item figures
use the attempts that saw each item (np.nan elsewhere).  Reliability needs every attempt to have
answered the same "test": like Moodle with random questions, it is computed by position on the
form (slot), the forms being parallel by blueprint.  Pilot items stay out of every total and of
the reliability; they get their own figures — facility, and the correlation of the item with the
scored total, which for an unscored item is an outside criterion — so trainers can decide whether
to promote them.  Rows come from one SQL query and are pivoted with numpy: no Python loop over
answer rows.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sqlalchemy import select

from ...core.model import Actor
from ...core.statistics import FormStatistics, ItemStatistics, item_analysis
from ...services._common import require_staff
from ...storage.models import Answer, Attempt, AttemptItem, ItemVersion
from ...storage.uow import UnitOfWork


@dataclass(frozen=True)
class PilotStatistics:
    item_id: str
    n: int
    facility: float | None
    """Mean mark / max mark over the attempts that saw the item."""
    total_correlation: float | None
    """Pearson r of the item's mark with the scored total (None when either does not vary)."""


@dataclass(frozen=True)
class AssessmentItemStatistics:
    item_ids: tuple[str, ...]
    items: tuple[ItemStatistics, ...]
    by_position: FormStatistics
    pilot: tuple[PilotStatistics, ...] = ()


def assessment_item_statistics(uow: UnitOfWork, actor: Actor, assessment_id: int,
                               flag_min_n: int = 30) -> AssessmentItemStatistics | None:
    """Per-item statistics and slot-based reliability of one assessment's finished attempts."""
    require_staff(actor, "hr", "trainer")
    answers = AttemptItem.__table__.join(Attempt.__table__, Attempt.id == AttemptItem.attempt_id).join(
        Answer.__table__, (Answer.attempt_id == AttemptItem.attempt_id) & (Answer.position == AttemptItem.position))
    result = uow.connection.execute(  # numbers only, no JSON per row: versions are looked up once below
        select(AttemptItem.attempt_id, AttemptItem.position, AttemptItem.item_version_id, Answer.fraction,
               AttemptItem.pilot).select_from(answers)
        .where(Attempt.assessment_id == assessment_id, Attempt.status == "finished"))
    # the driver's plain tuples straight into one float array (NULL → nan): a third of a million
    # rows without building a Row object for each
    table = np.array(result.cursor.fetchall(), dtype=float)
    result.close()
    if not len(table):
        return None
    attempt_ids, positions, version_ids = (table[:, column].astype(np.int64) for column in range(3))
    fractions, pilots = table[:, 3], table[:, 4]
    versions, version_index = np.unique(version_ids, return_inverse=True)
    info = {number: (item_id, points) for number, item_id, points in uow.session.execute(
        select(ItemVersion.id, ItemVersion.item_id, ItemVersion.content["points"].as_float())
        .where(ItemVersion.id.in_([int(v) for v in versions])))}
    item_ids = np.array([info[int(v)][0] for v in versions])[version_index]
    points = np.array([info[int(v)][1] or 1.0 for v in versions], dtype=float)[version_index]
    marks = np.nan_to_num(np.array(fractions, dtype=float)) * points
    scored = ~pilots.astype(bool)  # pilot items are unscored: they stay out of every total
    attempts, attempt_index = np.unique(attempt_ids, return_inverse=True)
    items, item_index = np.unique(item_ids[scored].astype(str), return_inverse=True)
    by_item = np.full((len(attempts), len(items)), np.nan)
    by_item[attempt_index[scored], item_index] = marks[scored]
    max_by_item = np.ones(len(items))
    max_by_item[item_index] = points[scored]
    item_stats = item_analysis(by_item, max_by_item, attempt_ids=attempts, flag_min_n=flag_min_n)

    # slot k = the k-th scored item of each attempt (pilot items sit at random positions)
    scored_attempt = attempt_index[scored]
    order = np.lexsort((positions[scored], scored_attempt))
    starts = np.searchsorted(scored_attempt[order], np.arange(len(attempts)))
    slot_of_sorted = np.arange(len(order)) - starts[scored_attempt[order]]
    slot_index = np.empty(len(order), dtype=int)
    slot_index[order] = slot_of_sorted
    slots = int(slot_index.max()) + 1
    by_slot = np.full((len(attempts), slots), np.nan)
    by_slot[scored_attempt, slot_index] = marks[scored]
    max_by_slot = np.ones(slots)
    max_by_slot[slot_index] = points[scored]
    slot_stats = item_analysis(by_slot, max_by_slot, attempt_ids=attempts, flag_min_n=flag_min_n)
    totals = np.bincount(attempt_index[scored], weights=marks[scored], minlength=len(attempts))
    pilot = _pilot_statistics(item_ids[~scored].astype(str), attempt_index[~scored], marks[~scored],
                              points[~scored], totals)
    return AssessmentItemStatistics(tuple(items), item_stats.items, slot_stats, pilot)


def _pilot_statistics(item_ids: np.ndarray, attempt_index: np.ndarray, marks: np.ndarray, points: np.ndarray,
                      totals: np.ndarray) -> tuple[PilotStatistics, ...]:
    """Facility and item–total correlation of each pilot item, vectorised over its answers."""
    if not len(item_ids):
        return ()
    names, index = np.unique(item_ids, return_inverse=True)
    n = np.bincount(index, minlength=len(names)).astype(float)
    x = marks
    t = totals[attempt_index]

    def per_item(values: np.ndarray) -> np.ndarray:
        return np.bincount(index, weights=values, minlength=len(names))

    facility = per_item(x / points) / n
    mean_x, mean_t = per_item(x) / n, per_item(t) / n
    cov = per_item(x * t) / n - mean_x * mean_t
    var_x = np.maximum(per_item(x * x) / n - mean_x ** 2, 0.0)
    var_t = np.maximum(per_item(t * t) / n - mean_t ** 2, 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        r = cov / np.sqrt(var_x * var_t)
    return tuple(PilotStatistics(str(name), int(count), float(f), None if not np.isfinite(rv) or min(vx, vt) < 1e-12
                                 else float(rv))
                 for name, count, f, rv, vx, vt in zip(names, n, facility, r, var_x, var_t, strict=True))

