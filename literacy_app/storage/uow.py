"""The unit of work: one session, one transaction, per user action.

Services open a unit of work, do their reads and writes through ``uow.session`` and call
``uow.commit()`` once; leaving the block without committing rolls everything back, so a failed
action never leaves half-changed data.  Repositories and helpers never commit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable
from types import TracebackType
from typing import Any

from sqlalchemy import Connection, Engine
from sqlalchemy.orm import Session, sessionmaker

from .types import utcnow

Clock = Callable[[], dt.datetime]


CONTENT_CACHE_LIMIT = 20_000
"""Published versions kept parsed per database; past this the cache starts again (a bank holds
a few hundred items, a city's whole history a few thousand versions)."""


class Database:
    """An engine plus the clock services use — tests pass a clock to move time without sleeping.

    It also owns what the services cache about this database, so a process that opens two
    databases (a server, a test) never reads one database's content for the other's ids.
    """

    def __init__(self, engine: Engine, clock: Clock = utcnow) -> None:
        self.engine = engine
        self.clock = clock
        self.content_cache: dict[int, Any] = {}
        """Item version id → its parsed content (``services._versions``); versions never change."""
        self.statement_cache: dict[Hashable, Any] = {}
        """Compiled-once SQL statements of the hot paths, keyed by their shape."""
        self.verified_codes: set[tuple[str, str]] = set()
        """(stored code hash, SHA-256 of a code typed) pairs that verified: a room of examinees
        typing the window's one code costs one scrypt per process, not one per person.  Only
        successes are kept, so every wrong guess still pays the full cost."""
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
    """One transaction.  ``session`` (ORM) and ``connection`` (Core) share it.

    The ORM session is created only when first used: the answer-save path needs nothing but a
    Core connection, and skipping the session halves its overhead on every click.
    """

    def __init__(self, database: Database, read_only: bool = False) -> None:
        self.database = database
        self.read_only = read_only
        self.now = database.clock()
        self._session: Session | None = None
        self._connection: Connection | None = None

    def __enter__(self) -> UnitOfWork:
        return self

    @property
    def session(self) -> Session:
        if self._session is None:
            if self._connection is not None:
                # join the transaction the Core connection already holds
                self._session = Session(bind=self._connection, expire_on_commit=False,
                                        join_transaction_mode="rollback_only")
            else:
                factory = self.database._read_sessions if self.read_only else self.database._sessions
                self._session = factory()
        return self._session

    @property
    def connection(self) -> Connection:
        if self._session is not None:
            return self._session.connection()
        if self._connection is None:
            engine = self.database.engine
            self._connection = (engine.execution_options(read_only=True) if self.read_only else engine).connect()
        return self._connection

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        # close() rolls back anything uncommitted and detaches objects without expiring them,
        # so records read in the unit of work stay readable after it ends
        try:
            if self._session is not None:
                self._session.close()
        finally:
            if self._connection is not None:
                self._connection.close()

    def commit(self) -> None:
        if self._session is not None:
            self._session.commit()
        if self._connection is not None:
            self._connection.commit()
