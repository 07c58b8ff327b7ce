"""Helpers shared by the services: role checks and the audit trail."""

from __future__ import annotations

from typing import Any

from ..core.errors import NotAllowed
from ..core.model import Actor
from ..storage.models import AuditLog
from ..storage.uow import UnitOfWork


def require_staff(actor: Actor, *roles: str) -> None:
    """Refuse unless the caller is staff with one of ``roles`` (admin may do everything)."""
    if not actor.is_staff or (actor.role not in roles and actor.role != "admin"):
        raise NotAllowed()


def require_examinee(actor: Actor, examinee_id: int) -> None:
    if actor.kind != "examinee" or actor.id != examinee_id:
        raise NotAllowed()


def audit(uow: UnitOfWork, actor: Actor, action: str, **detail: Any) -> None:
    """Add an audit row in the caller's transaction: it commits or rolls back with the change."""
    uow.session.add(AuditLog(at=uow.now, actor=actor.name, action=action, detail=detail))
