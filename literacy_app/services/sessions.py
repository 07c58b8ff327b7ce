"""Staff sessions on the server: a random token after a password check, kept only as its hash.

The server is stateless (several processes may answer one address), so a session lives in the
database.  Every staff call sends the token; the role comes from the account row at that moment,
never from anything the caller sends, so a role changed or an account disabled takes effect on
the next call.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from sqlalchemy import delete, select

from ..core.errors import UserError
from ..core.model import Actor
from ..storage.models import StaffAccount, StaffSession
from ..storage.uow import UnitOfWork
from ._common import audit
from .accounts import login_staff

SESSION_TIME = dt.timedelta(hours=9)
"""A working day: HR signs in once in the morning."""


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def sign_in(uow: UnitOfWork, username: str, password: str, address: str | None) -> tuple[str, Actor, dt.datetime]:
    """Check the password (``accounts.login_staff``) and open a session: (token, actor, expires)."""
    actor = login_staff(uow, username, password, address)
    token = secrets.token_urlsafe(32)
    expires = uow.now + SESSION_TIME
    uow.session.execute(delete(StaffSession).where(StaffSession.expires_at <= uow.now))
    uow.session.add(StaffSession(token_hash=_digest(token), account_id=actor.id, created_at=uow.now,
                                 expires_at=expires))
    uow.commit()
    return token, actor, expires


def session_actor(uow: UnitOfWork, token: str) -> Actor:
    """The staff member a session token belongs to, with the role the account has now."""
    row = uow.session.execute(
        select(StaffAccount.id, StaffAccount.username, StaffAccount.role, StaffAccount.active,
               StaffAccount.locked, StaffSession.expires_at)
        .join(StaffSession, StaffSession.account_id == StaffAccount.id)
        .where(StaffSession.token_hash == _digest(token))).first()
    if row is None or not row.active or row.locked:
        raise UserError("session_expired")
    if uow.now >= row.expires_at:
        raise UserError("session_expired")
    return Actor("staff", row.id, row.username, row.role)


def sign_out(uow: UnitOfWork, token: str) -> None:
    actor = session_actor(uow, token)
    uow.session.execute(delete(StaffSession).where(StaffSession.token_hash == _digest(token)))
    audit(uow, actor, "staff_logout")
    uow.commit()
