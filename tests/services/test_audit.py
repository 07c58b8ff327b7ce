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


def test_hr_reads_the_log_filtered_newest_first_and_an_export_is_itself_recorded(database, clock, tmp_path):
    """Issue 13: HR could not read the audit log without the command line."""
    import datetime as dt

    from openpyxl import load_workbook

    from literacy_app.services import people
    from literacy_app.services.audit import audit_entries, export_audit

    hr = Actor("staff", 5, "hr-sato", "hr")
    for n in range(3):
        with database.uow() as uow:
            people.add_examinee(uow, SYSTEM, f"00010{n}", f"職員 {n}", "総務局", "recruit")
        clock.advance(hours=1)
    with database.uow(read_only=True) as uow:
        everything = audit_entries(uow, hr)
        mine = audit_entries(uow, hr, action="examinee_upsert", since=clock.now - dt.timedelta(hours=2, minutes=30))
        nobody = audit_entries(uow, hr, who="hr-")
    assert everything.total >= 3 and "examinee_upsert" in everything.actions
    assert [entry.id for entry in everything.entries] == sorted((e.id for e in everything.entries), reverse=True)
    assert mine.total == 2 and all(entry.action == "examinee_upsert" for entry in mine.entries)
    assert nobody.total == 0
    with database.uow() as uow, pytest.raises(NotAllowed):
        audit_entries(uow, Actor("staff", 6, "trainer", "trainer"))
    out = tmp_path / "監査ログ.xlsx"
    with database.uow() as uow:
        assert export_audit(uow, hr, out, action="examinee_upsert") == 3
    sheet = load_workbook(out).active
    assert [cell.value for cell in sheet[1]] == ["番号", "日時（日本時間）", "誰が", "操作", "内容"]
    first = clock.now - dt.timedelta(hours=3)
    assert sheet.cell(4, 2).value == first.astimezone(dt.timezone(dt.timedelta(hours=9))).strftime("%Y-%m-%d %H:%M:%S")
    with database.uow(read_only=True) as uow:
        exported = audit_entries(uow, hr, action="audit_export").entries
    assert exported[0].actor == "hr-sato" and exported[0].detail["rows"] == 3
