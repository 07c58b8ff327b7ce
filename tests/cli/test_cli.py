"""The command line as an administrator uses it: real subprocesses, real files, exit codes."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest

from literacy_app import __version__

from ..conftest import BASIC_BANK, ROOT


def run(*args: str, data_dir: Path, db: str | None = None, stdin: str | None = None,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "LITERACY_DATA_DIR": str(data_dir), **(env or {})}
    environment.pop("LITERACY_DB", None) if env is None or "LITERACY_DB" not in env else None
    command = [sys.executable, "-m", "literacy_app"] + (["--db", db] if db else []) + list(args)
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, input=stdin, timeout=300,
                            env=environment)
    assert "Traceback" not in result.stdout + result.stderr
    return result


@pytest.fixture
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'cli.sqlite3'}"


def test_version(tmp_path):
    result = run("--version", data_dir=tmp_path)
    assert result.returncode == 0 and result.stdout.strip() == f"literacy-app {__version__}"


def test_validate_ok_and_english(tmp_path):
    result = run("bank", "validate", str(BASIC_BANK), data_dir=tmp_path)
    assert result.returncode == 0 and "問題なし" in result.stdout
    result = run("--lang", "en", "bank", "validate", str(BASIC_BANK), data_dir=tmp_path)
    assert result.returncode == 0 and "valid: 11 items, 1 blueprints" in result.stdout


def test_publish_twice_changes_nothing_the_second_time(tmp_path, db):
    first = run("bank", "publish", str(BASIC_BANK), data_dir=tmp_path, db=db)
    assert first.returncode == 0, first.stderr
    assert "新規 11" in first.stdout and "出題設計の更新 1" in first.stdout
    second = run("bank", "publish", str(BASIC_BANK), data_dir=tmp_path, db=db)
    assert "新規 0、変更 0、変更なし 11、廃止 0" in second.stdout and "出題設計の更新 0" in second.stdout


def test_publish_invalid_bank_lists_problems_and_exits_1(tmp_path, db):
    bad = tmp_path / "bad.yaml"
    bad.write_text((BASIC_BANK / "data.yaml").read_text(encoding="utf-8").replace("level: 1", "level: 9", 1),
                   encoding="utf-8")
    result = run("bank", "publish", str(bad), data_dir=tmp_path, db=db)
    assert result.returncode == 1
    assert "公開しませんでした" in result.stderr and f"{bad}:8:5: 「level」は 4 以下" in result.stderr


def test_db_url_from_environment_variable(tmp_path):
    target = tmp_path / "from-env.sqlite3"
    result = run("db", "upgrade", data_dir=tmp_path, env={"LITERACY_DB": f"sqlite:///{target}"})
    assert result.returncode == 0 and target.exists()


def test_roster_user_assessment_and_export(tmp_path, db):
    assert run("bank", "publish", str(BASIC_BANK), data_dir=tmp_path, db=db).returncode == 0
    added = run("roster", "add", "--staff-no", "000123", "--name", "髙﨑 一郎", "--org", "総務局/総務部",
                "--audience", "新規採用", data_dir=tmp_path, db=db)
    assert added.returncode == 0 and "000123" in added.stdout
    bad = run("roster", "add", "--staff-no", "12 3", "--name", "x", "--audience", "係長", data_dir=tmp_path, db=db)
    assert bad.returncode == 1 and "職員番号" in bad.stderr
    user = run("user", "add", "hr-sato", "--role", "hr", "--password-stdin", data_dir=tmp_path, db=db,
               stdin="a-long-enough-password\n")
    assert user.returncode == 0, user.stderr
    short = run("user", "add", "hr-ito", "--role", "hr", "--password-stdin", data_dir=tmp_path, db=db, stdin="x\n")
    assert short.returncode == 1 and "文字以上" in short.stderr
    opened = run("assessment", "open", "test-blueprint", data_dir=tmp_path, db=db)
    assert opened.returncode == 0 and "試験 1 を開きました" in opened.stdout
    out = tmp_path / "responses.csv"
    exported = run("export", "responses", "--out", str(out), data_dir=tmp_path, db=db)
    assert exported.returncode == 0
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert rows == [["職員番号", "試験", "受験ID", "問題ID", "版", "解答", "得点", "保存日時"]]


def test_newer_database_refused_by_the_cli(tmp_path, db):
    assert run("db", "upgrade", data_dir=tmp_path, db=db).returncode == 0
    import sqlite3

    connection = sqlite3.connect(db.removeprefix("sqlite:///"))
    connection.execute("UPDATE alembic_version SET version_num='9999_future'")
    connection.commit()
    connection.close()
    result = run("bank", "publish", str(BASIC_BANK), data_dir=tmp_path, db=db)
    assert result.returncode == 1 and "新しいバージョンのアプリ" in result.stderr


@pytest.mark.postgres
def test_publish_on_postgresql(tmp_path, pg_server):
    import uuid

    from sqlalchemy import create_engine, text

    name = "cli_" + uuid.uuid4().hex[:8]
    admin = create_engine(pg_server.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    url = pg_server.url(name)
    assert run("db", "upgrade", data_dir=tmp_path, db=url).returncode == 0
    result = run("bank", "publish", str(BASIC_BANK), data_dir=tmp_path, db=url)
    assert result.returncode == 0 and "新規 11" in result.stdout


def test_self_check_from_source(tmp_path):
    result = run("self-check", data_dir=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "自己診断は正常に終了しました" in result.stdout
    assert result.stdout.count("合格と判定されました") == 3
