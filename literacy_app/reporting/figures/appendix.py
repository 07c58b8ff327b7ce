"""The summary's item-statistics appendix, with Moodle's caching of quiz statistics.

Computing the statistics reads every answer of an assessment (a third of a million rows for a
city-wide window), while the rest of the summary reads a few thousand group rows.  Like Moodle,
the result is cached per assessment and reused while its *signature* — the number of finished
attempts and the last finish — is unchanged; one attempt finishing later makes it stale.

Building a summary only reads (it runs in a read-only unit of work so it never blocks answer
saves); entries computed on a miss travel with the summary and ``store_pending`` writes them
afterwards in a short transaction of their own.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import delete, func, select

from ...core.model import Actor
from ...storage.models import Assessment, Attempt, StatisticsCache
from ...storage.uow import Database, UnitOfWork

PAYLOAD_VERSION = 2
"""Part of the signature: a cache written by an older release (without pilot figures) is stale."""

FEW_PEOPLE = 30
"""Below this many people a figure is shown with a note that it rests on few people."""


@dataclass(frozen=True)
class ItemAppendix:
    """Per assessment: reliability (by slot) and the items the statistics flag."""

    title: str
    attempts: int
    cic: float | None
    standard_error: float | None
    flagged: list[tuple[str, int, float | None, float | None, tuple[str, ...]]]
    """(item id, n, facility, discrimination index, flags) for flagged items with n ≥ 30."""
    few_items: int
    """Items seen by fewer than 30 people (their statistics are not interpreted)."""
    pilot: list[tuple[str, int, float | None, float | None]] = field(default_factory=list)
    """(item id, n, facility, correlation with the scored total) of unscored pilot items."""

    @classmethod
    def from_payload(cls, payload: dict[str, Any]) -> ItemAppendix:
        flagged = [(row[0], row[1], row[2], row[3], tuple(row[4])) for row in payload["flagged"]]
        pilot = [tuple(row) for row in payload.get("pilot", [])]
        return cls(payload["title"], payload["attempts"], payload["cic"], payload["standard_error"], flagged,
                   payload["few_items"], pilot)


@dataclass
class Pending:
    """Cache entries computed while building a summary, to be stored after the read."""

    entries: list[tuple[int, str, dict[str, Any]]] = field(default_factory=list)


def appendix(uow: UnitOfWork, actor: Actor, assessments: list[tuple[str, int]],
             pending: Pending) -> list[ItemAppendix]:
    """The appendix entries of the given (title, id) assessments, from the cache when fresh."""
    ids = [number for _title, number in assessments]
    signatures = {number: f"v{PAYLOAD_VERSION}:{count}:{last.isoformat() if last else ''}:{top}"
                  for number, count, last, top in
                  uow.session.execute(
                      select(Attempt.assessment_id, func.count(), func.max(Attempt.finished_at), func.max(Attempt.id))
                      .where(Attempt.assessment_id.in_(ids), Attempt.status == "finished")
                      .group_by(Attempt.assessment_id))}
    cached = {row.assessment_id: row for row in uow.session.scalars(
        select(StatisticsCache).where(StatisticsCache.assessment_id.in_(ids)))}
    entries = []
    for title, number in assessments:
        if number not in signatures:
            continue  # nobody has finished: nothing to analyse
        hit = cached.get(number)
        if hit is not None and hit.signature == signatures[number]:
            entry = ItemAppendix.from_payload(hit.payload)
        else:
            computed = compute(uow, actor, number, title)
            if computed is None:
                continue
            entry = computed
            pending.entries.append((number, signatures[number], asdict(entry)))
        entries.append(entry)
    return entries


def compute(uow: UnitOfWork, actor: Actor, assessment_id: int, title: str) -> ItemAppendix | None:
    from .item_stats import assessment_item_statistics

    stats = assessment_item_statistics(uow, actor, assessment_id, flag_min_n=FEW_PEOPLE)
    if stats is None:
        return None
    flagged = [(item_id, item.n, item.facility, item.discrimination_index,
                tuple(f for f in item.flags if f != "few_responses"))
               for item_id, item in zip(stats.item_ids, stats.items, strict=True)
               if item.n >= FEW_PEOPLE and set(item.flags) - {"few_responses"}]
    form = stats.by_position
    pilot = [(p.item_id, p.n, p.facility, p.total_correlation) for p in stats.pilot]
    return ItemAppendix(title, form.attempts, form.cic, form.standard_error, flagged,
                        sum(1 for item in stats.items if item.n < FEW_PEOPLE), pilot)


def store_pending(database: Database, pending: Pending) -> None:
    """Write freshly computed entries (replacing stale ones) in one short write transaction."""
    if not pending.entries:
        return
    with database.uow() as uow:
        ids = [number for number, _signature, _payload in pending.entries]
        existing = set(uow.session.scalars(select(Assessment.id).where(Assessment.id.in_(ids))))
        uow.session.execute(delete(StatisticsCache).where(StatisticsCache.assessment_id.in_(ids)))
        uow.session.add_all(StatisticsCache(assessment_id=number, signature=signature, computed_at=uow.now,
                                            payload=payload)
                            for number, signature, payload in pending.entries if number in existing)
        uow.commit()
    pending.entries.clear()
