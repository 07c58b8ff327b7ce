"""Retention: personal data is not kept for ever.

After a stated number of 年度 — the city's setting, stored in the database (``set_retention_years``,
audited) — the people who have left (deactivated in the roster) and sat nothing
since are **pseudonymised**: their 職員番号 becomes a code that names nobody, their name is
replaced, their 職位 and 採用年月日 are removed.  Their attempts, answers and the 所属 / 区分 kept with
each attempt stay, so every published figure of those years — summaries, 受験率, item statistics —
is reproduced exactly from what remains.  A preview (dry run) lists how many and from which 年度;
the run itself writes one audit row with the counts, never the names.

Applicants of the hiring selection are not staff and have their own, shorter rule
(``services.applicants.delete_selection``).

Not covered here (stated in docs/): the audit log is append-only, so the 職員番号 in its rows of
those years stays until the log itself is archived by the administrator.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import select

from ..core.errors import UserError
from ..core.fiscal import JST, fiscal_year, fiscal_year_instants
from ..core.model import Actor
from ..storage.models import Attempt, Examinee
from ..storage.uow import UnitOfWork
from ._common import audit, require_staff
from .settings import store_setting, stored_setting

PSEUDONYM_PREFIX = "x-"
REMOVED_NAME = "（保存期間経過）"
MIN_KEEP_YEARS = 1
MAX_KEEP_YEARS = 100
RETENTION_KEY = "retention"


@dataclass(frozen=True)
class RetentionReport:
    keep_years: int
    before_year: int
    """People whose last attempt (if any) belongs to a 年度 before this one are due."""
    people: int
    dry_run: bool


def retention_years(uow: UnitOfWork) -> int | None:
    """The stored retention period in 年度 (None: the city has not set one yet)."""
    value = stored_setting(uow, RETENTION_KEY)
    return int(value["years"]) if value is not None else None


def set_retention_years(uow: UnitOfWork, actor: Actor, years: int) -> int | None:
    """Store the retention period (admin; audited with the previous value, which is returned)."""
    require_staff(actor, "admin")
    if years < MIN_KEEP_YEARS or years > MAX_KEEP_YEARS:
        raise UserError("retention_out_of_range", min=MIN_KEEP_YEARS, max=MAX_KEEP_YEARS)
    before = store_setting(uow, actor, RETENTION_KEY, {"years": years})
    return int(before["years"]) if before is not None else None


def apply_retention(uow: UnitOfWork, actor: Actor, keep_years: int | None = None, *,
                    dry_run: bool = True) -> RetentionReport:
    """Pseudonymise the people who left (deactivated) before the last ``keep_years`` 年度 (this one
    included; by default the stored period) and sat nothing in them.  Admin only; a dry run stores
    nothing."""
    require_staff(actor, "admin")
    if keep_years is None:
        keep_years = retention_years(uow)
        if keep_years is None:
            raise UserError("retention_not_set")
    if keep_years < MIN_KEEP_YEARS:
        raise UserError("retention_too_short", min=MIN_KEEP_YEARS)
    current = fiscal_year(uow.now.astimezone(JST))
    before_year = current - keep_years + 1
    boundary, _end = fiscal_year_instants(before_year)
    recent = select(Attempt.examinee_id).where(Attempt.started_at >= boundary)
    due = list(uow.session.scalars(select(Examinee).where(
        Examinee.active.is_(False), Examinee.selection_id.is_(None), Examinee.staff_no.not_like(f"{PSEUDONYM_PREFIX}%"),
        Examinee.id.not_in(recent), Examinee.updated_at < boundary)))
    if not dry_run:
        salt = secrets.token_bytes(16)  # not kept: the code cannot be traced back to the number
        for person in due:
            person.staff_no = PSEUDONYM_PREFIX + hashlib.sha256(salt + person.staff_no.encode()).hexdigest()[:16]
            person.name = REMOVED_NAME
            person.job_title = None
            person.hired_on = None
            person.updated_at = uow.now
        audit(uow, actor, "retention_pseudonymise", keep_years=keep_years, before_year=before_year, people=len(due))
        uow.commit()
    return RetentionReport(keep_years, before_year, len(due), dry_run)



@dataclass(frozen=True)
class RetentionStatus:
    years: int | None
    """The stored period (None: not set yet)."""
    report: RetentionReport | None
    """What the period does now: a preview, or what was just done (None while no period is set)."""


def retention_action(uow: UnitOfWork, actor: Actor, *, years: int | None = None, save: bool = False,
                     apply: bool = False) -> RetentionStatus:
    """HR's window (and the exam server) in one call: optionally store ``years`` as the period,
    then preview — or with ``apply`` carry out — the pseudonymisation under the stored period."""
    require_staff(actor, "admin")
    if save:
        if years is None:
            raise UserError("retention_not_set")
        set_retention_years(uow, actor, years)
    stored = retention_years(uow)
    if stored is None:
        if apply:
            raise UserError("retention_not_set")
        return RetentionStatus(None, None)
    return RetentionStatus(stored, apply_retention(uow, actor, stored, dry_run=not apply))
