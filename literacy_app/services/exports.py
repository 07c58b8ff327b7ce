"""Exports of raw results.  Every export is written to the audit log."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import select

from ..core.fiscal import JST
from ..core.model import Actor
from ..core.tables import Table, write_csv
from ..storage.models import Answer, Assessment, Attempt, AttemptItem, Examinee, ItemVersion
from ..storage.uow import UnitOfWork
from ._common import audit, require_staff

RESPONSE_COLUMNS = ("職員番号", "試験", "受験ID", "問題ID", "版", "解答", "得点", "保存日時")


def readable_response(response: Any) -> str:
    """A response as HR reads it: option ids, joined in order; matching as premise=option."""
    if response is None:
        return ""
    if isinstance(response, bool):
        return "true" if response else "false"
    if isinstance(response, list):
        return ",".join(str(part) for part in response)
    if isinstance(response, dict):
        return ";".join(f"{key}={value}" for key, value in response.items())
    if isinstance(response, float) and response.is_integer():
        return str(int(response))
    return str(response)


def iter_responses(uow: UnitOfWork) -> Iterator[tuple[Any, ...]]:
    """One row per stored answer, streamed in attempt and position order."""
    query = (
        select(Examinee.staff_no, Assessment.title, Attempt.id, ItemVersion.item_id, ItemVersion.version_no,
               Answer.response, Answer.fraction, ItemVersion.content["points"], Answer.saved_at)
        .join(Attempt, Attempt.id == Answer.attempt_id)
        .join(Examinee, Examinee.id == Attempt.examinee_id)
        .join(Assessment, Assessment.id == Attempt.assessment_id)
        .join(AttemptItem, (AttemptItem.attempt_id == Answer.attempt_id)
              & (AttemptItem.position == Answer.position))
        .join(ItemVersion, ItemVersion.id == AttemptItem.item_version_id)
        .where(Answer.response.is_not(None) | Answer.fraction.is_not(None))
        .order_by(Attempt.id, Answer.position))
    for staff_no, title, attempt_id, item_id, version, response, fraction, points, saved_at in \
            uow.session.execute(query).yield_per(2000):
        score = None if fraction is None else round(fraction * float(points or 1.0), 6)
        shown = readable_response(response)
        yield (staff_no, title, attempt_id, item_id, version, shown, score,
               saved_at.astimezone(JST).isoformat(timespec="seconds"))  # Japan time, with its offset


def export_responses(uow: UnitOfWork, actor: Actor, out: Path, encoding: str = "utf-8-sig") -> int:
    """Write the responses CSV (UTF-8 with BOM so Excel on Japanese Windows reads it)."""
    require_staff(actor, "hr")
    count = write_csv(Table("responses", RESPONSE_COLUMNS, iter_responses(uow)), out, encoding)
    audit(uow, actor, "export_responses", file=str(out), rows=count)
    uow.commit()
    return count
