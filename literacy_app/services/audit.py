"""Checking the audit trail: every row must hash to its stored hash and name its predecessor's.

The triggers stop the server's own database role from changing the table; this catches what
they cannot: the database owner (or a restored, edited backup) removing or editing a row.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from ..core.audit_hash import GENESIS, row_hash
from ..core.model import Actor
from ..storage.models import AuditLog
from ..storage.uow import UnitOfWork
from ._common import require_staff


@dataclass(frozen=True)
class ChainCheck:
    rows: int
    broken_at: int | None
    """Id of the first row whose hash or link does not match; None when the chain is whole."""
    problem: str | None = None
    """``edited`` (the row's own hash is wrong) or ``missing_before`` (a row before it is gone)."""

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def verify_chain(uow: UnitOfWork, actor: Actor) -> ChainCheck:
    require_staff(actor, "admin")
    previous = GENESIS
    count = 0
    result = uow.session.execute(
        select(AuditLog.id, AuditLog.at, AuditLog.actor, AuditLog.action, AuditLog.detail, AuditLog.prev_hash,
               AuditLog.row_hash).order_by(AuditLog.id).execution_options(yield_per=2000))
    for row_id, at, who, action, detail, prev_hash, stored in result:
        count += 1
        if prev_hash != previous:
            return ChainCheck(count, row_id, "missing_before")
        if row_hash(prev_hash, at, who, action, detail) != stored:
            return ChainCheck(count, row_id, "edited")
        previous = stored
    return ChainCheck(count, None)
