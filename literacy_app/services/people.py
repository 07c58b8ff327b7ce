"""Examinees: add or update one by hand (HR's roster file import is ``services.roster``).

職員番号 is text everywhere (leading zeros matter); names keep their exact characters (髙, 﨑).
The same rules as the roster import apply (``core.roster``).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from ..core.errors import UserError
from ..core.model import Actor, ExamineeInfo
from ..core.roster import MAX_LENGTH, NAME, ORG, STAFF_NO_PATTERN, audience_of, normalise_staff_no, org_path_of
from ..storage.models import Examinee
from ..storage.uow import UnitOfWork
from ._common import audit, require_staff
from .cohort import freeze_closed


@dataclass(frozen=True)
class RosterRow:
    staff_no: str
    name: str
    org_path: str
    audience: str


def add_examinee(uow: UnitOfWork, actor: Actor, staff_no: str, name: str, org_path: str,
                 audience: str, *, reactivate: bool = True) -> ExamineeInfo:
    """Add or update one examinee (idempotent by 職員番号).  Someone added is active; an edit in HR's
    window (``reactivate=False``) corrects the details and leaves the person as they were."""
    require_staff(actor, "hr")
    row = _validated(staff_no, name, org_path, audience)
    info = _upsert(uow, row, reactivate)
    audit(uow, actor, "examinee_upsert", staff_no=row.staff_no)
    uow.commit()
    return info


def _validated(staff_no: str, name: str, org_path: str, audience: str) -> RosterRow:
    staff_no = normalise_staff_no(staff_no)
    if not STAFF_NO_PATTERN.match(staff_no):
        raise UserError("staff_no_invalid", staff_no=staff_no)
    if not name.strip():
        raise UserError("roster_empty_field", column="氏名")
    resolved = audience_of(audience)
    if resolved is None:
        raise UserError("roster_bad_audience", value=audience)
    row = RosterRow(staff_no, name.strip(), org_path_of(org_path), resolved)
    for column, value in ((NAME, row.name), (ORG, row.org_path)):  # the same limits as a roster import
        if len(value) > MAX_LENGTH[column]:
            raise UserError("roster_too_long", column=column, max=MAX_LENGTH[column])
    return row


def _refuse_applicant(uow: UnitOfWork, examinee: Examinee | None) -> None:
    """A 受験番号 of the hiring selection is never turned into, or edited as, a member of staff."""
    if examinee is not None and examinee.selection_id is not None:
        from ..storage.models import Selection

        selection = uow.session.get(Selection, examinee.selection_id)
        raise UserError("staff_no_is_applicant", staff_no=examinee.staff_no,
                        selection=selection.code if selection else "?")


def _upsert(uow: UnitOfWork, row: RosterRow, reactivate: bool = True) -> ExamineeInfo:
    session = uow.session
    freeze_closed(uow)  # closed windows keep the people and 所属 they had
    examinee = session.scalar(select(Examinee).where(Examinee.staff_no == row.staff_no))
    _refuse_applicant(uow, examinee)
    if examinee is None:
        examinee = Examinee(staff_no=row.staff_no, active=True, updated_at=uow.now, name=row.name,
                            org_path=row.org_path, audience=row.audience)
        session.add(examinee)
    else:
        examinee.name, examinee.org_path, examinee.audience = row.name, row.org_path, row.audience
        examinee.active = examinee.active or reactivate
        examinee.updated_at = uow.now
    session.flush()
    return ExamineeInfo(examinee.id, examinee.staff_no, examinee.name, examinee.org_path,
                        examinee.audience)


@dataclass(frozen=True)
class PersonRow:
    """One person as HR's search lists them."""

    staff_no: str
    name: str
    org_path: str
    audience: str
    active: bool


def search_people(uow: UnitOfWork, actor: Actor, text: str, limit: int = 200) -> tuple[list[PersonRow], int]:
    """People whose 職員番号 or 氏名 starts with ``text``, or whose 所属 contains it (full/half width
    alike); returns up to ``limit`` of them and how many match in all.  Read-only, HR only."""
    require_staff(actor, "hr")
    needle = normalise_staff_no(text)  # NFKC: 全角 digits and letters match their ASCII
    if not needle:
        return [], 0
    condition = Examinee.selection_id.is_(None) & (  # staff only: applicants are listed by their selection
        Examinee.staff_no.startswith(needle, autoescape=True)
        | Examinee.name.startswith(needle, autoescape=True)
        | Examinee.org_path.contains(needle, autoescape=True))
    total = int(uow.session.scalar(select(func.count()).select_from(Examinee).where(condition)) or 0)
    rows = uow.session.execute(select(Examinee.staff_no, Examinee.name, Examinee.org_path, Examinee.audience,
                                      Examinee.active).where(condition)
                               .order_by(Examinee.org_path, Examinee.staff_no).limit(limit)).all()
    return [PersonRow(*row) for row in rows], total


def set_active(uow: UnitOfWork, actor: Actor, staff_no: str, active: bool) -> None:
    """Deactivate one person (left the city) or make them active again; audited.  Results stay."""
    require_staff(actor, "hr")
    freeze_closed(uow)
    examinee = uow.session.scalar(select(Examinee).where(Examinee.staff_no == normalise_staff_no(staff_no)))
    if examinee is None:
        raise UserError("unknown_examinee")
    _refuse_applicant(uow, examinee)
    examinee.active = active
    examinee.updated_at = uow.now
    audit(uow, actor, "examinee_active", staff_no=examinee.staff_no, active=active)
    uow.commit()


def edit_person(uow: UnitOfWork, actor: Actor, staff_no: str, *, name: str | None = None, org_path: str | None = None,
                audience: str | None = None, active: bool | None = None) -> None:
    """HR's correction of one person: with ``name`` the details (under the roster's rules; an
    inactive person stays inactive), with ``active`` the switch between 在籍 and 無効.  Audited."""
    if name is not None:
        add_examinee(uow, actor, staff_no, name, org_path or "", audience or "", reactivate=False)
    if active is not None:
        set_active(uow, actor, staff_no, active)
