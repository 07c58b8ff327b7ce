"""Checking the audit trail: every row must hash to its stored hash and name its predecessor's.

The triggers stop the server's own database role from changing the table; this catches what
they cannot: the database owner (or a restored, edited backup) removing or editing a row.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from ..core.audit_hash import GENESIS, row_hash
from ..core.model import Actor
from ..storage.models import AuditLog
from ..storage.uow import UnitOfWork
from ._common import audit, require_staff


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


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: dt.datetime
    actor: str
    action: str
    detail: dict[str, Any]


@dataclass(frozen=True)
class AuditPage:
    """Rows matching the filters, newest first; ``total`` counts them all, ``entries`` holds one page."""

    entries: tuple[AuditEntry, ...]
    total: int
    actions: tuple[str, ...]
    """Every action the log holds, for the viewer's choice list."""


def audit_entries(uow: UnitOfWork, actor: Actor, *, since: dt.datetime | None = None,
                  until: dt.datetime | None = None, who: str = "", action: str = "", limit: int = 500,
                  offset: int = 0) -> AuditPage:
    """The audit log for HR and administrators: who did what and when, newest first.

    ``who`` matches the start of the actor's name (a 職員番号 or an account), ``action`` exactly;
    ``since``/``until`` bound the time (``until`` excluded).  Read-only: looking leaves no row.
    """
    require_staff(actor, "hr")
    conditions = []
    if since is not None:
        conditions.append(AuditLog.at >= since)
    if until is not None:
        conditions.append(AuditLog.at < until)
    if who.strip():
        conditions.append(AuditLog.actor.startswith(who.strip(), autoescape=True))
    if action:
        conditions.append(AuditLog.action == action)
    total = int(uow.session.scalar(select(func.count()).select_from(AuditLog).where(*conditions)) or 0)
    rows = uow.session.execute(
        select(AuditLog.id, AuditLog.at, AuditLog.actor, AuditLog.action, AuditLog.detail).where(*conditions)
        .order_by(AuditLog.id.desc()).limit(max(1, min(limit, 5000))).offset(max(0, offset))).all()
    actions = tuple(uow.session.scalars(select(AuditLog.action).distinct().order_by(AuditLog.action)))
    return AuditPage(tuple(AuditEntry(*row) for row in rows), total, actions)


def read_audit(uow: UnitOfWork, actor: Actor, *, export_file: str | None = None, limit: int | None = None,
               **filters: Any) -> AuditPage:
    """The viewer's call: a page of 500 rows, or — when the rows are about to be written to
    ``export_file`` (on this machine or a LAN PC) — up to 5000, with the export recorded."""
    page = audit_entries(uow, actor, limit=limit or (5000 if export_file else 500), **filters)
    if export_file:
        record_audit_export(uow, actor, export_file, len(page.entries), filters)
    return page


def export_audit(uow: UnitOfWork, actor: Actor, out: Path, **filters: Any) -> int:
    """The filtered log (up to 5000 rows) written to ``out``; the export is audited."""
    page = audit_entries(uow, actor, limit=5000, **filters)
    write_audit(page.entries, out)
    record_audit_export(uow, actor, out.name, len(page.entries), filters)
    return len(page.entries)


def record_audit_export(uow: UnitOfWork, actor: Actor, file: str, rows: int, filters: dict[str, Any]) -> None:
    """The audit row of an export of the audit log (on a LAN the PC writes the file, the server records)."""
    require_staff(actor, "hr")
    audit(uow, actor, "audit_export", file=file, rows=rows,
          filters={key: str(value) for key, value in filters.items() if value})
    uow.commit()


def write_audit(entries: Sequence[AuditEntry], out: Path) -> None:
    """.xlsx, or .csv by the name's suffix; times in JST; cells neutralised by ``core.tables``."""
    from ..core.fiscal import JST
    from ..core.tables import Table, write_csv, write_xlsx

    rows = [[entry.id, entry.at.astimezone(JST).strftime("%Y-%m-%d %H:%M:%S"), entry.actor, entry.action,
             json.dumps(entry.detail, ensure_ascii=False, sort_keys=True)] for entry in entries]
    table = Table("監査ログ", ("番号", "日時（日本時間）", "誰が", "操作", "内容"), rows)
    if out.suffix.lower() == ".csv":
        write_csv(table, out)
    else:
        write_xlsx([table], out)
