"""Helpers shared by the services: role checks and the audit trail."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, text

from ..core.audit_hash import GENESIS, normalise_detail, row_hash
from ..core.errors import NotAllowed
from ..core.model import Actor
from ..storage.models import AuditLog
from ..storage.uow import UnitOfWork

AUDIT_LOCK = 0x6C697465  # PostgreSQL advisory lock key: one appender of the chain at a time


def require_staff(actor: Actor, *roles: str) -> None:
    """Refuse unless the caller is staff with one of ``roles`` (admin may do everything)."""
    if not actor.is_staff or (actor.role not in roles and actor.role != "admin"):
        raise NotAllowed()


def require_examinee(actor: Actor, examinee_id: int) -> None:
    if actor.kind != "examinee" or actor.id != examinee_id:
        raise NotAllowed()


def audit(uow: UnitOfWork, actor: Actor, action: str, **detail: Any) -> None:
    """Add an audit row in the caller's transaction: it commits or rolls back with the change.

    The row is chained to the previous one (``core.audit_hash``).  Appenders take turns: on
    PostgreSQL a transaction-scoped advisory lock (several server processes append at once), on
    SQLite the write lock every write transaction already holds (``BEGIN IMMEDIATE``).
    """
    session = uow.session
    if uow.database.dialect == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": AUDIT_LOCK})
    session.flush()  # rows added earlier in this transaction are part of the chain
    previous = session.scalar(select(AuditLog.row_hash).order_by(AuditLog.id.desc()).limit(1))
    previous = GENESIS if previous is None else previous
    stored = normalise_detail(detail)
    at = uow.now
    session.add(AuditLog(at=at, actor=actor.name, action=action, detail=stored, prev_hash=previous,
                         row_hash=row_hash(previous, at, actor.name, action, stored)))
    session.flush()
