"""Examinees: add one, or import a simple CSV (HR's full roster import is its own feature).

職員番号 is text everywhere (leading zeros matter); names keep their exact characters (髙, 﨑).
An import is all-or-nothing: one bad row and nothing is stored, with every bad row listed.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from ..core.catalog import AUDIENCE_BY_JA, AUDIENCES
from ..core.errors import UserError
from ..core.model import Actor, ExamineeInfo
from ..storage.models import Examinee
from ..storage.uow import UnitOfWork
from ._common import audit, require_staff
from .accounts import STAFF_NO_PATTERN


@dataclass(frozen=True)
class RosterRow:
    staff_no: str
    name: str
    org_path: str
    audience: str


class RosterInvalid(UserError):
    """Rows that cannot be imported, each rendered as ``file:row: reason``."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__("roster_invalid", count=len(lines))
        self.lines = lines


def _audience(value: str) -> str | None:
    value = value.strip()
    if value in AUDIENCES:
        return value
    return AUDIENCE_BY_JA.get(value)


def add_examinee(uow: UnitOfWork, actor: Actor, staff_no: str, name: str, org_path: str,
                 audience: str) -> ExamineeInfo:
    """Add or update one examinee (idempotent by 職員番号)."""
    require_staff(actor, "hr")
    row = _validated(staff_no, name, org_path, audience)
    info = _upsert(uow, row)
    audit(uow, actor, "examinee_upsert", staff_no=row.staff_no)
    uow.commit()
    return info


def _validated(staff_no: str, name: str, org_path: str, audience: str) -> RosterRow:
    staff_no = staff_no.strip()
    if not STAFF_NO_PATTERN.match(staff_no):
        raise UserError("staff_no_invalid", staff_no=staff_no)
    if not name.strip():
        raise UserError("roster_empty_field", column="氏名")
    resolved = _audience(audience)
    if resolved is None:
        raise UserError("roster_bad_audience", value=audience)
    return RosterRow(staff_no, name.strip(), org_path.strip(), resolved)


def _upsert(uow: UnitOfWork, row: RosterRow) -> ExamineeInfo:
    session = uow.session
    examinee = session.scalar(select(Examinee).where(Examinee.staff_no == row.staff_no))
    if examinee is None:
        examinee = Examinee(staff_no=row.staff_no, active=True, updated_at=uow.now, name=row.name,
                            org_path=row.org_path, audience=row.audience)
        session.add(examinee)
    else:
        examinee.name, examinee.org_path, examinee.audience = row.name, row.org_path, row.audience
        examinee.active = True
        examinee.updated_at = uow.now
    session.flush()
    return ExamineeInfo(examinee.id, examinee.staff_no, examinee.name, examinee.org_path,
                        examinee.audience)


def import_roster_csv(uow: UnitOfWork, actor: Actor, path: Path, dry_run: bool = False) -> int:
    """Import 職員番号,氏名,所属,区分 rows from a UTF-8 CSV; returns the number of rows."""
    require_staff(actor, "hr")
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UserError("file_not_text") from None
    except OSError as exc:
        raise UserError("file_unreadable", detail=exc.strerror or str(exc)) from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    columns = {"職員番号", "氏名", "所属", "区分"}
    missing = columns - set(reader.fieldnames or [])
    if missing:
        raise RosterInvalid([f"{path}:1: " + UserError("roster_missing_column",
                                                      column="・".join(sorted(missing))).render()])
    rows: list[RosterRow] = []
    problems: list[str] = []
    first_row: dict[str, int] = {}
    for number, record in enumerate(reader, start=2):
        try:
            row = _validated(record.get("職員番号") or "", record.get("氏名") or "",
                             record.get("所属") or "", record.get("区分") or "")
        except UserError as exc:
            problems.append(f"{path}:{number}: {exc.render()}")
            continue
        if row.staff_no in first_row:
            problems.append(f"{path}:{number}: " + UserError(
                "roster_duplicate", staff_no=row.staff_no, first=first_row[row.staff_no]).render())
            continue
        first_row[row.staff_no] = number
        rows.append(row)
    if problems:
        raise RosterInvalid(problems)
    if dry_run:
        return len(rows)
    for row in rows:
        _upsert(uow, row)
    audit(uow, actor, "roster_import", file=str(path), rows=len(rows))
    uow.commit()
    return len(rows)
