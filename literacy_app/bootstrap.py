"""Opening the database the way every entry point needs it.

``open_database`` makes the engine, refuses a database newer than the app, migrates an older one
and — for a brand-new database — publishes the shipped banks, so the first launch on a PC ends
with a working database and no manual step.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import OperationalError

from .core.errors import UserError
from .core.model import SYSTEM
from .resources import question_banks_dir
from .services.publishing import publish_bank
from .storage import migrate
from .storage.engine import make_engine
from .storage.models import Item
from .storage.uow import Database

log = logging.getLogger(__name__)

Progress = Callable[[str], None]


def _audit_upgrade(engine: Engine, before: str | None) -> None:
    """Schema upgrades are audited (a fresh database's first migration is its creation, not one)."""
    if before is None:
        return
    from .services._common import audit

    with Database(engine).uow() as uow:
        audit(uow, SYSTEM, "db_upgrade", before=before, after=migrate.head_revision())
        uow.commit()


def open_server_database(url: str, pool_size: int) -> Database:
    """The exam server's database: a bounded pool (no overflow: PostgreSQL's connections are
    counted), and on PostgreSQL no schema change — the server's role may not run DDL; the owner
    runs ``literacy-app db upgrade``.  A single room's SQLite file is migrated and seeded as on a PC."""
    if url.startswith("sqlite"):
        return open_database(url, pool_size=pool_size)
    return open_database(url, upgrade=False, seed_banks=False, pool_size=pool_size)


def open_database(url: str, *, upgrade: bool = True, seed_banks: bool = True,
                  progress: Progress | None = None, pool_size: int | None = None) -> Database:
    report = progress or (lambda _text: None)
    engine = make_engine(url, **({"pool_size": pool_size, "max_overflow": 0, "pool_timeout": 30}
                                 if pool_size else {}))
    try:
        state = migrate.check_schema(engine)
        if state != "current":
            if not upgrade:
                raise UserError("db_not_migrated")
            report("migrate")
            before = migrate.current_revision(engine)
            migrate.upgrade(engine)
            _audit_upgrade(engine, before)
    except OperationalError as exc:
        engine.dispose()
        raise UserError("db_unreachable", detail=str(exc.orig) if exc.orig else str(exc)) from None
    except UserError:
        engine.dispose()
        raise
    database = Database(engine)
    if seed_banks:
        with database.uow(read_only=True) as uow:
            empty = not uow.session.scalar(select(func.count()).select_from(Item))
        if empty and question_banks_dir().is_dir():
            report("publish")
            with database.uow() as uow:
                publish_bank(uow, SYSTEM, [question_banks_dir()])
            log.info("published the shipped banks into a new database")
    return database
