"""A city's installation: PostgreSQL migrated by its owner, ``serve`` connecting as a role with
only ``db grant``'s rights, and the desktop client doing what examinees, HR and trainers do."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.exc import DBAPIError

from literacy_app.core.errors import UserError
from literacy_app.storage.models import AuditLog, Publish

from ..conftest import ROOT
from ._lan import CODE, PASSWORD, correct_responses, recomputed_score
from .conftest import SERVER_ROLE

pytestmark = [pytest.mark.slow, pytest.mark.postgres]


def test_examinee_hr_and_trainer_through_the_server(pg_lan, tmp_path):
    staff_no = pg_lan.examinee()
    pc = pg_lan.client()
    state = pc.start(staff_no, pg_lan.windows["recruit-standard"], CODE)
    for seq, (position, response) in enumerate(correct_responses(pg_lan, state).items(), start=1):
        assert pc.save_answer(state.attempt_id, position, response, seq)
    other_pc = pg_lan.client()
    assert other_pc.resume(staff_no, state.attempt_id, CODE).answers == correct_responses(pg_lan, state)
    result, _links, _show = other_pc.finish(state.attempt_id)
    assert result.percent == 100.0 and result.score == recomputed_score(pg_lan, state.attempt_id)

    hr = pg_lan.client()
    assert hr.sign_in("hr1", PASSWORD).role == "hr"
    year = result.finished_at.year if result.finished_at.month >= 4 else result.finished_at.year - 1
    windows, _units = hr.hr_choices(year)
    assert [w.id for w in windows] == [pg_lan.windows["recruit-standard"]]
    summary = hr.build_summary(year, None, None, 5)
    assert summary.year == year and summary.min_group == 5 and summary.assessments
    hr.record_export(year, None, None, 5, "xlsx", "C:/報告/summary.xlsx")
    rows = hr.assessment_progress(pg_lan.windows["recruit-standard"], 3)
    assert rows[0].org_path == "" and rows[0].depth == 0

    trainer = pg_lan.client()
    trainer.sign_in("trainer1", PASSWORD)
    bank = tmp_path / "question_banks"
    shutil.copytree(ROOT / "question_banks", bank)
    preview = trainer.publish_preview([bank])
    assert preview.ok and preview.unchanged and not preview.new
    report = trainer.publish([bank])
    assert report.unchanged == len(preview.unchanged)
    stale = bank / "collaboration.yaml"  # one review long ago: due on the server's calendar
    stale.write_text(stale.read_text(encoding="utf-8").replace("reviewed: 2026-11-27", "reviewed: 2025-01-10", 1),
                     encoding="utf-8")
    queue = trainer.review_queue([bank], 6)
    assert [Path(entry.path) for entry in queue][:1] == [stale]  # the PC's own path, to open the file
    assert "2025-01-10" in " ".join(queue[0].sentences("ja"))
    with pg_lan.database.uow(read_only=True) as uow:
        actors = uow.session.scalars(select(Publish.actor).order_by(Publish.id)).all()
        exports = uow.session.scalars(select(AuditLog.detail).where(AuditLog.action == "report_summary")).all()
    assert actors[-1] == "trainer1" and exports[-1]["file"] == "C:/報告/summary.xlsx"
    with pytest.raises(UserError) as caught:  # HR cannot publish banks
        hr.publish([bank])
    assert caught.value.code == "not_allowed"


def test_staff_lockout_ends_and_an_admin_unlocks_through_the_server(pg_lan):
    pc = pg_lan.client()
    for _ in range(4):
        with pytest.raises(UserError) as caught:
            pc.sign_in("hr1", "wrong password")
        assert caught.value.code == "login_failed"
    with pytest.raises(UserError) as caught:
        pc.sign_in("hr1", "wrong password")
    assert caught.value.code == "account_locked"
    admin = pg_lan.client()
    admin.sign_in("admin1", PASSWORD)
    admin._staff("POST", "/admin/unlock", {"username": "hr1"})
    assert pc.sign_in("hr1", PASSWORD).name == "hr1"


def _as_server_role(pg_lan):
    return create_engine(pg_lan.db_url.replace("postgres@", f"{SERVER_ROLE}@"))


def test_the_server_role_cannot_change_the_audit_trail_or_the_schema(pg_lan):
    engine = _as_server_role(pg_lan)
    try:
        for statement in ("UPDATE audit_log SET actor = 'someone'", "DELETE FROM audit_log",
                          "TRUNCATE audit_log", "CREATE TABLE mine (x int)", "DROP TABLE attempt"):
            with engine.connect() as connection, pytest.raises(DBAPIError) as caught:
                connection.execute(text(statement))
            assert "permission denied" in str(caught.value) or "must be owner" in str(caught.value)
    finally:
        engine.dispose()


def test_the_trigger_refuses_even_the_owner_and_audit_verify_finds_a_removed_row(pg_lan):
    owner = create_engine(pg_lan.db_url)
    try:
        with owner.connect() as connection, pytest.raises(DBAPIError) as caught:
            connection.execute(text("DELETE FROM audit_log"))
        assert "append-only" in str(caught.value)
        verify = [sys.executable, "-m", "literacy_app", "--db", pg_lan.db_url, "audit", "verify"]
        clean = subprocess.run(verify, capture_output=True, text=True, cwd=ROOT, timeout=120)
        assert clean.returncode == 0 and "見つかりませんでした" in clean.stdout
        with owner.begin() as connection:  # the owner gets past the trigger and removes one row
            count = connection.execute(select(func.count()).select_from(AuditLog)).scalar_one()
            victim = connection.execute(select(AuditLog.id).order_by(AuditLog.id).offset(count // 2).limit(1)).scalar_one()
            connection.execute(text("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change"))
            connection.execute(text("DELETE FROM audit_log WHERE id = :id"), {"id": victim})
            connection.execute(text("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change"))
        broken = subprocess.run(verify, capture_output=True, text=True, cwd=ROOT, timeout=120)
        assert broken.returncode == 1 and "改ざん" in broken.stderr and "削除" in broken.stderr
    finally:
        owner.dispose()
