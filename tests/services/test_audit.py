"""The audit trail is append-only and chained: an edit or a removal is refused, and one made by
someone who got past the triggers is found by ``verify_chain``."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from literacy_app.core.errors import NotAllowed
from literacy_app.core.model import SYSTEM, Actor
from literacy_app.services import accounts
from literacy_app.services.audit import verify_chain


def _some_rows(database):
    for n in range(4):
        with database.uow() as uow:
            accounts.add_user(uow, SYSTEM, f"user-{n}", "correct horse battery", "hr")


def _check(database):
    with database.uow(read_only=True) as uow:
        return verify_chain(uow, SYSTEM)


def test_a_whole_chain_verifies_and_only_admins_may_ask(database):
    _some_rows(database)
    check = _check(database)
    assert check.ok and check.rows == 4
    with database.uow(read_only=True) as uow, pytest.raises(NotAllowed):
        verify_chain(uow, Actor("staff", 3, "hr", "hr"))


@pytest.mark.parametrize("statement", ["UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log"])
def test_changes_are_refused(database, statement):
    _some_rows(database)
    with database.engine.connect() as connection, pytest.raises(DBAPIError) as caught:
        connection.execute(text(statement))
    assert "append-only" in str(caught.value)


def _without_triggers(database, statement):
    """What the database owner can do past the triggers."""
    with database.engine.begin() as connection:
        if database.dialect == "postgresql":
            connection.execute(text("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change"))
            connection.execute(text(statement))
            connection.execute(text("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change"))
        else:
            connection.execute(text("DROP TRIGGER audit_log_no_update"))
            connection.execute(text("DROP TRIGGER audit_log_no_delete"))
            connection.execute(text(statement))


def test_a_removed_row_is_found(database):
    _some_rows(database)
    _without_triggers(database, "DELETE FROM audit_log WHERE id = 2")
    check = _check(database)
    assert (check.ok, check.broken_at, check.problem) == (False, 3, "missing_before")


def test_an_edited_row_is_found(database):
    _some_rows(database)
    _without_triggers(database, "UPDATE audit_log SET actor = 'someone-else' WHERE id = 3")
    check = _check(database)
    assert (check.ok, check.broken_at, check.problem) == (False, 3, "edited")
