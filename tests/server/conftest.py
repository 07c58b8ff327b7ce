"""Fixtures: an exam server process over SQLite (one room) and over PostgreSQL (a city), the
latter connecting as a least-privilege role made with ``literacy-app db grant``."""

from __future__ import annotations

import subprocess
import sys
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text

from ..conftest import ROOT
from ._lan import Lan, prepare

SERVER_ROLE = "literacy_server"


@pytest.fixture(scope="module")
def lan(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Lan]:
    """One exam room: ``serve`` over a SQLite file, shipped banks published."""
    folder = tmp_path_factory.mktemp("lan")
    lan = prepare(f"sqlite:///{folder / 'server.sqlite3'}")
    lan.staff("hr1", "hr")
    lan.staff("trainer1", "trainer")
    lan.open_window("recruit-standard")
    lan.start()
    yield lan
    lan.stop()


@pytest.fixture(scope="module")
def pg_lan(pg_server) -> Iterator[Lan]:  # type: ignore[no-untyped-def]
    """A city: PostgreSQL migrated by its owner; the server runs as a role with ``db grant``'s rights only."""
    name = "lan_" + uuid.uuid4().hex[:10]
    admin = create_engine(pg_server.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
        exists = connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": SERVER_ROLE}).first()
        if not exists:
            connection.execute(text(f'CREATE ROLE "{SERVER_ROLE}" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE'))
    owner_url = pg_server.url(name)
    lan = prepare(owner_url)
    lan.staff("hr1", "hr")
    lan.staff("trainer1", "trainer")
    lan.staff("admin1", "admin")
    lan.open_window("recruit-standard")
    subprocess.run([sys.executable, "-m", "literacy_app", "--db", owner_url, "db", "grant", SERVER_ROLE],
                   check=True, cwd=ROOT, capture_output=True)
    lan.start(db_url=owner_url.replace("postgres@", f"{SERVER_ROLE}@"))
    yield lan
    lan.stop()
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()
