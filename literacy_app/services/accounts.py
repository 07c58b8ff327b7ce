"""Staff accounts (trainer / hr / admin) and examinee identification.

Passwords are hashed with scrypt; five wrong passwords in a row lock the account until an
administrator unlocks it.  Every change is written to the audit log.
"""

from __future__ import annotations

import functools

from sqlalchemy import select

from ..core import roster
from ..core.catalog import ROLES
from ..core.errors import UserError
from ..core.model import Actor
from ..core.passwords import hash_password, verify_password
from ..storage.models import Examinee, StaffAccount
from ..storage.uow import UnitOfWork
from ._common import audit, require_staff

MAX_FAILED_LOGINS = 5
MIN_PASSWORD_LENGTH = 10
STAFF_NO_PATTERN = roster.STAFF_NO_PATTERN  # one rule for hand entry, the roster import and login


def add_user(uow: UnitOfWork, actor: Actor, username: str, password: str, role: str,
             display_name: str | None = None) -> int:
    """Create a staff account (admin only)."""
    require_staff(actor, "admin")
    if role not in ROLES:
        raise UserError("bad_response", detail=f"role must be one of {', '.join(ROLES)}")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UserError("password_too_short", min=MIN_PASSWORD_LENGTH)
    session = uow.session
    if session.scalar(select(StaffAccount.id).where(StaffAccount.username == username)) is not None:
        raise UserError("user_exists", username=username)
    account = StaffAccount(username=username, display_name=display_name or username, role=role,
                           password_hash=hash_password(password), created_at=uow.now,
                           failed_logins=0, locked=False, active=True)
    session.add(account)
    session.flush()
    audit(uow, actor, "user_add", username=username, role=role)
    uow.commit()
    return account.id


def unlock_user(uow: UnitOfWork, actor: Actor, username: str) -> None:
    require_staff(actor, "admin")
    account = uow.session.scalar(select(StaffAccount).where(StaffAccount.username == username))
    if account is None:
        raise UserError("login_failed")
    account.locked = False
    account.failed_logins = 0
    audit(uow, actor, "user_unlock", username=username)
    uow.commit()


def login_staff(uow: UnitOfWork, username: str, password: str) -> Actor:
    """Check a password; count failures and lock after five, committing the count either way."""
    account = uow.session.scalar(select(StaffAccount).where(StaffAccount.username == username))
    if account is None or not account.active:
        verify_password(password, _dummy_hash())  # same cost whether or not the user exists
        raise UserError("login_failed")
    if account.locked:
        raise UserError("account_locked")
    if not verify_password(password, account.password_hash):
        account.failed_logins += 1
        if account.failed_logins >= MAX_FAILED_LOGINS:
            account.locked = True
            audit(uow, Actor("staff", account.id, username, account.role), "user_locked",
                  username=username, failed_logins=account.failed_logins)
        uow.commit()
        raise UserError("account_locked" if account.locked else "login_failed")
    account.failed_logins = 0
    account.last_login_at = uow.now
    uow.commit()
    return Actor("staff", account.id, account.username, account.role)


@functools.cache
def _dummy_hash() -> str:
    return hash_password("timing-equaliser-not-a-password")


def identify_examinee(uow: UnitOfWork, staff_no: str) -> Actor:
    """Examinee 'login' by 職員番号; an unknown number gets the same message as any refusal."""
    staff_no = roster.normalise_staff_no(staff_no)  # ０００１２３ typed in full width is 000123
    examinee = uow.session.scalar(
        select(Examinee).where(Examinee.staff_no == staff_no, Examinee.active.is_(True)))
    if examinee is None:
        raise UserError("unknown_examinee")
    return Actor("examinee", examinee.id, examinee.staff_no)

