"""Shared fixtures: a fresh migrated database per test on SQLite and on a real PostgreSQL server,
a controllable clock, and the small test bank published into it.

Qt runs offscreen (set at the top of this file, before any Qt import).  With CI=true a PostgreSQL server that
cannot start fails the run instead of skipping its tests.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything can import Qt

import datetime as dt  # noqa: E402
import uuid  # noqa: E402
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from literacy_app.core.model import SYSTEM, Actor
from literacy_app.services import assessments, people, publishing
from literacy_app.storage import migrate
from literacy_app.storage.engine import make_engine
from literacy_app.storage.uow import Database

from ._pg import PostgresServer

FILES = Path(__file__).parent / "_files"
BASIC_BANK = FILES / "banks" / "basic"
ROOT = Path(__file__).resolve().parent.parent
IN_CI = os.environ.get("CI", "").lower() == "true"


class Clock:
    """A clock the test moves by hand, so deadlines are tested without sleeping."""

    def __init__(self) -> None:
        self.now = dt.datetime(2026, 11, 2, 0, 30, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    try:
        server = PostgresServer()
        server.start()
    except Exception as exc:  # noqa: BLE001 - decide below whether this skips or fails
        if IN_CI:
            pytest.fail(f"PostgreSQL test server could not start (CI requires it): {exc}")
        pytest.skip(f"PostgreSQL test server unavailable: {exc}")
    template = "literacy_template"
    admin = create_engine(server.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{template}"'))
    engine = make_engine(server.url(template))
    migrate.upgrade(engine)
    engine.dispose()
    admin.dispose()
    server.template = template  # type: ignore[attr-defined]
    yield server
    server.stop()


def _pg_database(server: PostgresServer) -> tuple[str, str]:
    name = "t_" + uuid.uuid4().hex[:12]
    admin = create_engine(server.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{server.template}"'))  # type: ignore[attr-defined]
    admin.dispose()
    return name, server.url(name)


def _drop(server: PostgresServer, name: str) -> None:
    admin = create_engine(server.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database(request: pytest.FixtureRequest, tmp_path: Path, clock: Clock) -> Iterator[Database]:
    """A migrated, empty database — the test runs once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path / 'test.sqlite3'}")
        migrate.upgrade(engine)
        db = Database(engine, clock)
        yield db
        db.dispose()
        return
    server = request.getfixturevalue("pg_server")
    name, url = _pg_database(server)
    db = Database(make_engine(url), clock)
    yield db
    db.dispose()
    _drop(server, name)


@pytest.fixture
def published(database: Database) -> Database:
    """The database with the basic test bank published."""
    with database.uow() as uow:
        publishing.publish_bank(uow, SYSTEM, [BASIC_BANK])
    return database


@pytest.fixture
def hr() -> Actor:
    return Actor("staff", 900, "hr-user", "hr")


def add_examinee(database: Database, staff_no: str = "000123", audience: str = "recruit",
                 org: str = "総務局/総務部/総務課", name: str = "髙﨑 花子") -> Actor:
    with database.uow() as uow:
        info = people.add_examinee(uow, SYSTEM, staff_no, name, org, audience)
    return Actor("examinee", info.id, info.staff_no)


def open_window(database: Database, clock: Clock, blueprint: str = "test-blueprint",
                hours: float = 8, **kwargs: object) -> int:
    with database.uow() as uow:
        return assessments.open_assessment(uow, SYSTEM, blueprint, clock() - dt.timedelta(minutes=5),
                                           clock() + dt.timedelta(hours=hours), **kwargs)  # type: ignore[arg-type]
