"""Schema migrations and the version gate, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, text

from literacy_app.bootstrap import open_database
from literacy_app.core.errors import UserError
from literacy_app.storage import migrate
from literacy_app.storage.engine import make_engine
from literacy_app.storage.models import Base


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def empty_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.sqlite3'}"
        return
    import uuid

    from sqlalchemy import create_engine

    from ..conftest import _drop

    server = request.getfixturevalue("pg_server")
    name = "e_" + uuid.uuid4().hex[:10]
    admin = create_engine(server.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    yield server.url(name)
    _drop(server, name)


def test_empty_database_upgrades_to_head_matching_the_models(empty_url):
    engine = make_engine(empty_url)
    assert migrate.check_schema(engine) == "empty"
    migrate.upgrade(engine)
    assert migrate.check_schema(engine) == "current"
    assert migrate.current_revision(engine) == migrate.head_revision()
    tables = set(inspect(engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert diff == [], "models and migrations disagree: add an Alembic revision"
    engine.dispose()


def test_a_database_newer_than_the_app_is_refused_with_a_clear_message(empty_url):
    engine = make_engine(empty_url)
    migrate.upgrade(engine)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    engine.dispose()
    with pytest.raises(UserError) as caught:
        open_database(empty_url)
    assert caught.value.code == "db_too_new"
    assert "新しいバージョン" in caught.value.render("ja") and "9999_future" in caught.value.render("ja")


def test_sqlite_runs_in_wal_with_foreign_keys_and_full_sync(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'p.sqlite3'}")
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2
    engine.dispose()


def test_unreachable_database_is_a_sentence_not_a_traceback():
    with pytest.raises(UserError) as caught:
        open_database("postgresql+psycopg://nobody@127.0.0.1:1/none")
    assert caught.value.code == "db_unreachable"


def test_an_upgrade_chains_the_old_audit_rows_and_is_audited_itself(empty_url):
    """0004 gives rows written before it their place in the hash chain, then adds the triggers;
    the upgrade itself is an audit row."""
    import datetime as dt
    import json

    from alembic import command

    from literacy_app.core.model import SYSTEM
    from literacy_app.services.audit import verify_chain

    engine = make_engine(empty_url)
    command.upgrade(migrate.alembic_config(engine), "0003")
    with engine.begin() as connection:
        for n in range(3):
            connection.execute(text("INSERT INTO audit_log (at, actor, action, detail) VALUES (:at, 'hr', 'x', :d)"),
                               {"at": dt.datetime(2026, 5, 1, 9, n, tzinfo=dt.UTC) if engine.dialect.name != "sqlite"
                                else dt.datetime(2026, 5, 1, 9, n), "d": json.dumps({"n": n, "名": "値"})})
    engine.dispose()
    database = open_database(empty_url, seed_banks=False)
    with database.uow(read_only=True) as uow:
        check = verify_chain(uow, SYSTEM)
        actions = uow.session.execute(text("SELECT action FROM audit_log ORDER BY id")).scalars().all()
    database.dispose()
    assert check.ok and check.rows == 4 and actions == ["x", "x", "x", "db_upgrade"]


def test_attempts_made_before_0005_take_the_rosters_place_and_kind(empty_url):
    """0005 gives each attempt the examinee's 所属 and 区分; attempts older than it get the roster's."""
    import datetime as dt

    from alembic import command

    from literacy_app.core.model import SYSTEM, Actor
    from literacy_app.services import assessments, attempts, people

    from ..conftest import BASIC_BANK

    database = open_database(empty_url, seed_banks=False)
    from literacy_app.services.publishing import publish_bank

    with database.uow() as uow:
        publish_bank(uow, SYSTEM, [BASIC_BANK])
    with database.uow() as uow:
        info = people.add_examinee(uow, SYSTEM, "000777", "移行 太郎", "総務局/総務部/総務課", "recruit")
    now = database.clock()
    with database.uow() as uow:
        window = assessments.open_assessment(uow, SYSTEM, "test-blueprint", now - dt.timedelta(minutes=1),
                                             now + dt.timedelta(hours=1))
    with database.uow() as uow:
        attempts.start_attempt(uow, Actor("examinee", info.id, "000777"), window, seed=3)
    database.dispose()
    engine = make_engine(empty_url)
    command.downgrade(migrate.alembic_config(engine), "0004")  # as an installation of the previous release
    command.upgrade(migrate.alembic_config(engine), "head")
    with engine.connect() as connection:
        kept = connection.execute(text("SELECT org_path, audience FROM attempt")).all()
    engine.dispose()
    assert [tuple(row) for row in kept] == [("総務局/総務部/総務課", "recruit")]
