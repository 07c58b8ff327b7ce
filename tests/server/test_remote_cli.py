"""The command line against the exam server signs in like a person (issue 11: "the CLI trusts
LOGNAME for the audit actor")."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from sqlalchemy import select

from literacy_app.storage.models import AuditLog

from ..conftest import ROOT
from ._lan import PASSWORD

pytestmark = pytest.mark.slow


def _cli(lan, tmp_path, user, *args, password=PASSWORD):
    config = tmp_path / "client.toml"
    config.write_text(f'server = "{lan.url}"\n', encoding="utf-8")
    environment = {**os.environ, "LOGNAME": "somebody-else", "USER": "somebody-else",
                   "LITERACY_DATA_DIR": str(tmp_path / "data")}
    return subprocess.run([sys.executable, "-m", "literacy_app", "--server", str(config), "--user", user, *args],
                          input=password + "\n", capture_output=True, text=True, cwd=ROOT, env=environment,
                          timeout=120)


def test_audit_verify_and_seat_slips_through_the_server_name_the_person(lan, tmp_path):
    lan.staff("admin-remote", "admin")
    verified = _cli(lan, tmp_path, "admin-remote", "audit", "verify")
    assert verified.returncode == 0 and "見つかりませんでした" in verified.stdout, verified.stderr
    slips = _cli(lan, tmp_path, "hr1", "assessment", "slips", str(lan.windows["recruit-standard"]),
                 "--out", str(tmp_path / "slips.pdf"))
    assert slips.returncode == 0, slips.stderr
    assert (tmp_path / "slips.pdf").stat().st_size > 1000
    with lan.database.uow(read_only=True) as uow:
        issued_by = uow.session.scalars(select(AuditLog.actor).where(AuditLog.action == "seat_codes_issued")).all()
    assert issued_by[-1] == "hr1"  # the signed-in person, never the OS account or LOGNAME


def test_roles_and_passwords_are_the_servers(lan, tmp_path):
    as_hr = _cli(lan, tmp_path, "hr1", "user", "unlock", "trainer1")
    assert as_hr.returncode == 1 and "権限" in as_hr.stderr and "Traceback" not in as_hr.stderr
    wrong = _cli(lan, tmp_path, "hr1", "audit", "verify", password="not it at all")
    assert wrong.returncode == 1 and "パスワードが違います" in wrong.stderr
    local_only = _cli(lan, tmp_path, "hr1", "bank", "publish")
    assert local_only.returncode == 1 and "サーバー機で実行してください" in local_only.stderr
