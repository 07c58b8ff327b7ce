"""Staff accounts (trainer / hr / admin) and examinee identification.

Passwords are hashed with scrypt (``core.passwords``); five wrong passwords in a row lock the
account for a quarter of an hour (an administrator can unlock sooner), and wrong passwords from
one PC address are slowed down whoever they are for.  Every change and every login is audited.
"""

from __future__ import annotations

import datetime as dt
import functools

from sqlalchemy import select

from ..core import roster
from ..core.catalog import ROLES
from ..core.errors import UserError
from ..core.model import Actor
from ..core.passwords import hash_password, needs_rehash, verify_password
from ..storage.models import Examinee, StaffAccount
from ..storage.uow import UnitOfWork
from . import throttle
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
    """Lift a lock at once: the administrator's own lock and the wrong-password wait."""
    require_staff(actor, "admin")
    account = uow.session.scalar(select(StaffAccount).where(StaffAccount.username == username))
    if account is None:
        raise UserError("login_failed")
    account.locked = False
    account.locked_until = None
    account.failed_logins = 0
    throttle.clear(uow, f"staff:{username}")
    audit(uow, actor, "user_unlock", username=username)
    uow.commit()


LOCK_TIME = dt.timedelta(minutes=15)
"""How long repeated wrong passwords lock an account: long enough to stop guessing, short enough
that someone typing wrong passwords under HR's name cannot keep HR out (and per-address
throttling slows that someone down first)."""


def login_staff(uow: UnitOfWork, username: str, password: str, address: str | None = None) -> Actor:
    """Check a password; count failures (per account and per PC address), committing either way.

    Five wrong passwords in a row lock the account for ``LOCK_TIME``; an administrator can lift
    the lock sooner.  Successes and failures are audited.
    """
    keys = throttle.address_key(address)
    throttle.check(uow, keys)
    account = uow.session.scalar(select(StaffAccount).where(StaffAccount.username == username))
    if account is None or not account.active:
        verify_password(password, _dummy_hash())  # same cost whether or not the user exists
        _failed(uow, username, keys, address, "unknown_user")
        raise UserError("login_failed")
    if account.locked or (account.locked_until is not None and uow.now < account.locked_until):
        raise UserError("account_locked", minutes=_minutes_left(uow, account))
    if not verify_password(password, account.password_hash):
        account.failed_logins += 1
        if account.failed_logins >= MAX_FAILED_LOGINS:
            account.locked_until = uow.now + LOCK_TIME
            account.failed_logins = 0
            audit(uow, Actor("staff", account.id, username, account.role), "user_locked",
                  username=username, until=account.locked_until.isoformat())
            _failed(uow, username, keys, address, "wrong_password")
            raise UserError("account_locked", minutes=_minutes_left(uow, account))
        _failed(uow, username, keys, address, "wrong_password")
        raise UserError("login_failed")
    account.failed_logins = 0
    account.locked_until = None
    account.last_login_at = uow.now
    if needs_rehash(account.password_hash):
        account.password_hash = hash_password(password)
    actor = Actor("staff", account.id, account.username, account.role)
    audit(uow, actor, "staff_login", address=address or "")
    uow.commit()
    return actor


def _failed(uow: UnitOfWork, username: str, keys: list[str], address: str | None, reason: str) -> None:
    throttle.fail(uow, keys)
    audit(uow, Actor("staff", 0, username[:100]), "staff_login_failed", reason=reason, address=address or "")
    uow.commit()


def _minutes_left(uow: UnitOfWork, account: StaffAccount) -> int:
    if account.locked or account.locked_until is None:
        return 0
    return max(1, int((account.locked_until - uow.now).total_seconds() // 60) + 1)


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

