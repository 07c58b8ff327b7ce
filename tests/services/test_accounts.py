"""Staff accounts: scrypt hashes at OWASP strength, a lockout that ends, per-address slowing,
admin-only changes, audit; examinee login."""

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


def _login(database, username, password, address=None):
    with database.uow() as uow:
        return accounts.login_staff(uow, username, password, address)


def test_password_is_stored_as_a_memory_hard_hash(database):
    _add(database)
    with database.uow(read_only=True) as uow:
        stored = uow.session.scalar(select(StaffAccount.password_hash))
    # OWASP Password Storage Cheat Sheet: scrypt N=2^17, r=8, p=1 at least
    assert stored.startswith("scrypt$131072$8$1$") and PASSWORD not in stored
    actor = _login(database, "hr-tanaka", PASSWORD)
    assert (actor.kind, actor.role, actor.name) == ("staff", "hr", "hr-tanaka")


def test_an_older_weaker_hash_is_upgraded_at_the_next_login(database):
    from literacy_app.core.passwords import hash_password

    _add(database)
    with database.uow() as uow:
        uow.session.scalars(select(StaffAccount)).one().password_hash = hash_password(PASSWORD, n=2**15)
        uow.commit()
    _login(database, "hr-tanaka", PASSWORD)
    with database.uow(read_only=True) as uow:
        assert uow.session.scalar(select(StaffAccount.password_hash)).startswith("scrypt$131072$")


def test_five_wrong_passwords_lock_the_account_for_a_while(database, clock):
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
    # the lock ends by itself: typing wrong passwords under HR's name cannot keep HR out for good
    clock.advance(minutes=16)
    assert _login(database, "hr-tanaka", PASSWORD).role == "hr"
    for _ in range(5):
        with pytest.raises(UserError):
            _login(database, "hr-tanaka", "wrong password")
    with database.uow() as uow:  # and an administrator can lift it at once
        accounts.unlock_user(uow, SYSTEM, "hr-tanaka")
    assert _login(database, "hr-tanaka", PASSWORD).role == "hr"
    with database.uow(read_only=True) as uow:
        actions = uow.session.scalars(select(AuditLog.action).order_by(AuditLog.id)).all()
    assert actions == ["user_add", *["staff_login_failed"] * 4, "user_locked", "staff_login_failed",
                       "staff_login", *["staff_login_failed"] * 4, "user_locked", "staff_login_failed",
                       "user_unlock", "staff_login"]


def test_wrong_passwords_from_one_address_are_slowed_whoever_they_are_for(database):
    _add(database)
    _add(database, username="hr-suzuki")
    names = ["hr-tanaka", "hr-suzuki"] * 4 + [f"guess-{n}" for n in range(12)]
    for name in names:  # spread over accounts, so no account lock triggers
        with pytest.raises(UserError):
            _login(database, name, "guess-guess", address="10.0.0.66")
    with pytest.raises(UserError) as caught:  # the address now waits, even with a right password
        _login(database, "hr-tanaka", PASSWORD, address="10.0.0.66")
    assert caught.value.code == "too_many_tries" and "秒" in caught.value.render()
    assert _login(database, "hr-tanaka", PASSWORD, address="10.0.0.7").name == "hr-tanaka"  # others are not hit


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
