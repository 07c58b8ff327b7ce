"""Staff accounts: scrypt hashes, five-strike lockout, admin-only changes, audit; examinee login."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from literacy_app.core.errors import NotAllowed, UserError
from literacy_app.core.model import SYSTEM, Actor
from literacy_app.services import accounts
from literacy_app.storage.models import AuditLog, StaffAccount

from ..conftest import add_examinee

PASSWORD = "correct horse battery"


def _add(database, username="hr-tanaka", role="hr", actor=SYSTEM):
    with database.uow() as uow:
        return accounts.add_user(uow, actor, username, PASSWORD, role)


def _login(database, username, password):
    with database.uow() as uow:
        return accounts.login_staff(uow, username, password)


def test_password_is_stored_as_a_memory_hard_hash(database):
    _add(database)
    with database.uow(read_only=True) as uow:
        stored = uow.session.scalar(select(StaffAccount.password_hash))
    assert stored.startswith("scrypt$32768$8$1$") and PASSWORD not in stored
    actor = _login(database, "hr-tanaka", PASSWORD)
    assert (actor.kind, actor.role, actor.name) == ("staff", "hr", "hr-tanaka")


def test_five_wrong_passwords_lock_the_account(database):
    _add(database)
    for _ in range(4):
        with pytest.raises(UserError) as caught:
            _login(database, "hr-tanaka", "wrong password")
        assert caught.value.code == "login_failed"
    with pytest.raises(UserError) as caught:
        _login(database, "hr-tanaka", "wrong password")
    assert caught.value.code == "account_locked"
    with pytest.raises(UserError) as caught:  # even the right password is refused now
        _login(database, "hr-tanaka", PASSWORD)
    assert caught.value.code == "account_locked" and "ロック" in caught.value.render()
    with database.uow() as uow:
        accounts.unlock_user(uow, SYSTEM, "hr-tanaka")
    assert _login(database, "hr-tanaka", PASSWORD).role == "hr"
    with database.uow(read_only=True) as uow:
        actions = uow.session.scalars(select(AuditLog.action).order_by(AuditLog.id)).all()
    assert actions == ["user_add", "user_locked", "user_unlock"]


def test_a_success_resets_the_failure_count(database):
    _add(database)
    for _ in range(4):
        with pytest.raises(UserError):
            _login(database, "hr-tanaka", "nope-nope-nope")
    _login(database, "hr-tanaka", PASSWORD)
    with pytest.raises(UserError) as caught:
        _login(database, "hr-tanaka", "nope-nope-nope")
    assert caught.value.code == "login_failed"


def test_unknown_user_gets_the_same_message_as_a_wrong_password(database):
    with pytest.raises(UserError) as caught:
        _login(database, "nobody", PASSWORD)
    assert caught.value.code == "login_failed"


def test_only_admin_creates_accounts_and_rules_are_enforced(database):
    with pytest.raises(NotAllowed):
        _add(database, actor=Actor("staff", 3, "hr-user", "hr"))
    with pytest.raises(NotAllowed):
        _add(database, actor=Actor("examinee", 3, "000123"))
    _add(database)
    with pytest.raises(UserError) as caught:
        _add(database)
    assert caught.value.code == "user_exists"
    with database.uow() as uow, pytest.raises(UserError) as caught:
        accounts.add_user(uow, SYSTEM, "short", "abc", "trainer")
    assert caught.value.code == "password_too_short"


def test_examinee_login_by_staff_number_keeps_leading_zeros(database):
    examinee = add_examinee(database, "000123")
    with database.uow(read_only=True) as uow:
        assert accounts.identify_examinee(uow, " 000123 ").id == examinee.id
    with database.uow(read_only=True) as uow, pytest.raises(UserError) as caught:
        accounts.identify_examinee(uow, "123")
    assert caught.value.code == "unknown_examinee"


def test_examinee_login_accepts_a_full_width_staff_number(database):
    examinee = add_examinee(database, "000123")
    with database.uow(read_only=True) as uow:
        assert accounts.identify_examinee(uow, "０００１２３").id == examinee.id
