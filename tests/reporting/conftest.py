"""Reporting fixtures: one 年度 of finished attempts in a small city."""

from __future__ import annotations

import datetime as dt

import pytest

from .test_summary import ORGS, _sit


@pytest.fixture
def year_2026(published, clock):
    staff = [(f"{n:06d}", org) for n, org in enumerate(ORGS, start=1)]
    share = {staff_no: (n % 5) / 4 for n, (staff_no, _org) in enumerate(staff)}
    percents = _sit(published, clock, staff, share, dt.datetime(2026, 6, 1, tzinfo=dt.UTC))
    return published, staff, percents


@pytest.fixture
def cli_database(tmp_path, clock):
    """A migrated SQLite file with the basic bank published, for command-line tests: (url, database)."""
    from literacy_app.core.model import SYSTEM
    from literacy_app.services.publishing import publish_bank
    from literacy_app.storage import migrate
    from literacy_app.storage.engine import make_engine
    from literacy_app.storage.uow import Database

    from ..conftest import BASIC_BANK

    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    engine = make_engine(url)
    migrate.upgrade(engine)
    database = Database(engine, clock)
    with database.uow() as uow:
        publish_bank(uow, SYSTEM, [BASIC_BANK])
    yield url, database
    database.dispose()
