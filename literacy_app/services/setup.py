"""A new installation: the first administrator, and a sandbox (体験モード) to try the app at once.

A fresh installation has the shipped banks but nobody in it: no staff account to sign in with, no
examinee, no open window, so its login screen leads nowhere.  The window therefore opens 初期設定
while no staff account exists.  There the newcomer either creates the administrator — allowed
only while there is none, so nobody can use this door on an installation in use — or tries the app
in a **sandbox**: a separate SQLite file beside the real one, with demo staff, an open window and an
HR account whose password is shown on screen.  Nothing done in the sandbox reaches the real
database; it is made afresh each time.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from ..core.errors import UserError
from ..core.model import SYSTEM, Actor
from ..storage.models import StaffAccount
from ..storage.uow import UnitOfWork
from . import accounts, assessments, people

SETUP = Actor("staff", 0, "初期設定", "admin")
"""Who the audit log names for what the first-run screen does."""

SANDBOX_FILE = "sandbox.sqlite3"
SANDBOX_STAFF = (("900001", "体験 太郎", "総務局/総務部/総務課", "recruit"),
                 ("900002", "体験 花子", "市民局/区政部/戸籍住民課", "promotion"),
                 ("900003", "体験 次郎", "財政局/財政部/財政課", "manager"))
SANDBOX_HR = "demo-hr"


def needs_setup(uow: UnitOfWork) -> bool:
    """No staff account yet: the window offers 初期設定 instead of the login."""
    return not uow.session.scalar(select(func.count()).select_from(StaffAccount))


def create_first_admin(uow: UnitOfWork, username: str, password: str, display_name: str = "") -> int:
    """The first administrator; refused once any staff account exists (then an administrator adds
    accounts).  The password rules are ``accounts.add_user``'s."""
    if not needs_setup(uow):
        raise UserError("setup_done")
    username = username.strip()
    if not username:
        raise UserError("roster_empty_field", column="ユーザー名")
    return accounts.add_user(uow, SETUP, username, password, "admin", display_name.strip() or None)


@dataclass(frozen=True)
class Sandbox:
    """What the sandbox's login screen shows."""

    url: str
    staff_no: str
    hr_username: str
    hr_password: str
    title: str


def sandbox_path(data_dir: Path) -> Path:
    return data_dir / SANDBOX_FILE


def fill_sandbox(uow: UnitOfWork, now: dt.datetime, url: str) -> Sandbox:
    """Demo staff (one per 区分), an open 新規採用 window without a code for a week, and an HR
    account with a fresh random password; on a freshly made sandbox database."""
    for staff_no, name, org, audience in SANDBOX_STAFF:
        people.add_examinee(uow, SYSTEM, staff_no, name, org, audience)
    title = "【体験】新規採用職員 ICTリテラシー確認"
    assessments.open_assessment(uow, SYSTEM, "recruit-standard", now - dt.timedelta(minutes=1),
                                now + dt.timedelta(days=7), title=title)
    password = "taiken-" + secrets.token_hex(4)
    accounts.add_user(uow, SYSTEM, SANDBOX_HR, password, "hr", "体験用の人事担当")
    return Sandbox(url, SANDBOX_STAFF[0][0], SANDBOX_HR, password, title)
