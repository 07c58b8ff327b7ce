"""Slowing down guessing: wrong codes and passwords counted per key, with a lock that ends.

A key names who or where the guesses come from (``examinee:7``, ``staff:hr1``,
``address:10.0.0.5``).  The first few mistakes are free (people mistype); each further one makes
the next try wait twice as long, up to ``MAX_LOCK``.  The lock always ends by itself, so nobody
can lock HR out for good by typing wrong passwords under their name; an administrator can
clear it at once (``accounts.unlock_user``).  A success clears the person's key, never the
address's (one PC trying many people's codes stays slowed).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import delete, select
from sqlalchemy.dialects import postgresql, sqlite

from ..core.errors import UserError
from ..storage.models import Throttle
from ..storage.uow import UnitOfWork

FREE_TRIES = {"examinee": 5, "staff": 5, "address": 20}
"""Mistakes allowed per kind of key before waits begin (an exam room PC serves many people)."""
MAX_LOCK = dt.timedelta(minutes=15)


def check(uow: UnitOfWork, keys: Iterable[str]) -> None:
    """Refuse (``too_many_tries`` with the seconds to wait) while any of the keys is locked."""
    keys = list(keys)
    until = uow.session.scalars(select(Throttle.locked_until).where(
        Throttle.key.in_(keys), Throttle.locked_until > uow.now)).all()
    ends = [moment for moment in until if moment is not None]
    if ends:
        wait = max(ends) - uow.now
        raise UserError("too_many_tries", seconds=max(1, int(wait.total_seconds() + 0.999)))


def fail(uow: UnitOfWork, keys: Iterable[str]) -> None:
    """Count one mistake on each key (the caller commits, then refuses)."""
    dialect = postgresql if uow.database.dialect == "postgresql" else sqlite
    for key in keys:
        statement = dialect.insert(Throttle).values(key=key, failures=1, locked_until=None, updated_at=uow.now)
        statement = statement.on_conflict_do_update(
            index_elements=[Throttle.key],
            set_={"failures": Throttle.failures + 1, "updated_at": statement.excluded.updated_at},
        ).returning(Throttle.failures)
        failures = int(uow.session.execute(statement).scalar_one())
        free = FREE_TRIES.get(key.split(":", 1)[0], 5)
        if failures >= free:
            wait = min(MAX_LOCK, dt.timedelta(seconds=2 ** min(failures - free, 20)))
            row = uow.session.get(Throttle, key)
            assert row is not None
            row.locked_until = uow.now + wait


def clear(uow: UnitOfWork, key: str) -> None:
    uow.session.execute(delete(Throttle).where(Throttle.key == key))


def address_key(address: str | None) -> list[str]:
    return [f"address:{address}"] if address else []
