"""The unit of work: one session, one transaction, per user action.

Services open a unit of work, do their reads and writes through ``uow.session`` and call
``uow.commit()`` once; leaving the block without committing rolls everything back, so a failed
action never leaves half-changed data.  Repositories and helpers never commit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from types import TracebackType

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from .types import utcnow

Clock = Callable[[], dt.datetime]


class Database:
    """An engine plus the clock services use — tests pass a clock to move time without sleeping."""

    def __init__(self, engine: Engine, clock: Clock = utcnow) -> None:
        self.engine = engine
        self.clock = clock
        self._sessions = sessionmaker(bind=engine, expire_on_commit=False)
        self._read_sessions = sessionmaker(bind=engine.execution_options(read_only=True),
                                           expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def uow(self, read_only: bool = False) -> UnitOfWork:
        return UnitOfWork(self, read_only)

    def dispose(self) -> None:
        self.engine.dispose()


class UnitOfWork:
    def __init__(self, database: Database, read_only: bool = False) -> None:
        self.database = database
        self.read_only = read_only
        self.session: Session
        self.now = database.clock()

    def __enter__(self) -> UnitOfWork:
        factory = self.database._read_sessions if self.read_only else self.database._sessions
        self.session = factory()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        # close() rolls back anything uncommitted and detaches objects without expiring them,
        # so records read in the unit of work stay readable after it ends
        self.session.close()

    def commit(self) -> None:
        self.session.commit()
