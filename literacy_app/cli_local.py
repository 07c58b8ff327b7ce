"""The command line's own identity on a local database: the local administrator.

Whoever can run the command line on a PC with a SQLite file (or the server's database URL) can
open that database anyway, so the command line acts as an administrator there and its changes
are audited under the OS account that ran it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from .config import Settings
from .core.model import Actor

if TYPE_CHECKING:
    from .storage.uow import UnitOfWork


def cli_actor_name() -> str:
    """Who the audit log names for a command-line change: the OS account running it, taken from
    the process's user id (``LOGNAME``/``USER`` are set by whoever starts the process)."""
    try:
        import pwd

        return f"cli:{pwd.getpwuid(os.getuid()).pw_name}"
    except (ImportError, KeyError):  # Windows has no pwd: the logged-on account's name
        try:
            return f"cli:{os.getlogin()}"
        except OSError:
            return "cli"


def local_actor() -> Actor:
    return Actor("staff", 0, cli_actor_name(), "admin")


@contextmanager
def local_uow(settings: Settings, read_only: bool = False) -> Iterator[UnitOfWork]:
    """Open the database (migrating it if needed), give one unit of work, close everything."""
    from .bootstrap import open_database

    database = open_database(settings.db_url, seed_banks=False)
    try:
        with database.uow(read_only=read_only) as uow:
            yield uow
    finally:
        database.dispose()
