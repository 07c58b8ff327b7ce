"""The exam server's ASGI application (Starlette), run by uvicorn in ``literacy-app serve``.

It is the only holder of the database URL on a LAN.  It keeps no state of its own between
requests — sessions, attempt tokens and throttling live in the database — so several processes
or hosts can answer behind one address.  Blocking work runs on a thread pool bounded to the
database pool's size, so a burst of requests queues in the server instead of exhausting
PostgreSQL's connections.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
from collections.abc import AsyncIterator

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from .. import __version__
from ..storage.uow import Database
from ..wire import API_PREFIX, API_VERSION
from . import applicants, exam, hr, staff
from .http import endpoint, language, ok, refusal

log = logging.getLogger(__name__)

DEFAULT_POOL = 10
"""Database connections per server process (a third of them for heavy calls: ``http.in_thread``).
Size it so that processes × pool stays below what PostgreSQL allows (``max_connections`` minus
the administrators' reserve): 4 processes × 10 = 40 of the default 100.  Requests beyond the
pool wait in the server, not in PostgreSQL."""


@endpoint
async def health(request: Request) -> Response:
    """The server's time and version: the PC's clock is never used, but shown beside this."""
    database: Database = request.app.state.database
    return ok({"version": __version__, "api": API_VERSION, "now": database.clock().isoformat()})


async def _not_found(request: Request, exc: Exception) -> Response:
    status = exc.status_code if isinstance(exc, HTTPException) else 404
    code = "not_found" if status in (404, 405) else "bad_request"
    return refusal(status, code, {} if code == "not_found" else {"detail": str(status)}, language(request))


def create_app(database: Database, pool_size: int = DEFAULT_POOL) -> Starlette:
    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        import anyio
        import anyio.to_thread

        heavy = max(1, pool_size // 3)
        anyio.to_thread.current_default_thread_limiter().total_tokens = max(1, pool_size - heavy)
        app.state.heavy_limiter = anyio.CapacityLimiter(heavy)
        yield
        database.dispose()

    routes = [Route(f"{API_PREFIX}/health", health, methods=["GET"]), *exam.ROUTES, *staff.ROUTES, *hr.ROUTES,
              *applicants.ROUTES]
    app = Starlette(routes=routes,
                    exception_handlers={HTTPException: _not_found, 404: _not_found, 405: _not_found},
                    lifespan=lifespan)
    app.state.database = database
    return app


def app_from_environment() -> Starlette:
    """The factory uvicorn's worker processes call (``serve --workers N``): settings come from
    the environment ``serve`` set before starting them."""
    from ..bootstrap import open_server_database

    handler = logging.StreamHandler()  # the server's errors go to its console / journal, with the time
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger("literacy_app").addHandler(handler)
    pool = int(os.environ.get("LITERACY_SERVER_POOL", str(DEFAULT_POOL)))
    database = open_server_database(os.environ["LITERACY_SERVER_DB"], pool_size=pool)
    warm_up(database)
    return create_app(database, pool)


def warm_up(database: Database) -> None:
    """Parse the current item versions once, then take everything alive out of the garbage
    collector's sight.

    Measured (tests/benchmarks/test_lan_load.py): without this, the collector's full passes over
    the cached content and the libraries' objects paused a server process for 100–230 ms at a
    time during a sitting, and every save queued behind them.  Frozen objects are never
    traversed again; what requests create is still collected (mostly by reference counting).
    """
    from sqlalchemy import select

    from ..services._versions import versions
    from ..storage.models import Item

    with database.uow(read_only=True) as uow:
        current = [v for v in uow.session.scalars(select(Item.current_version_id)) if v is not None]
        versions(uow, current)
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)  # young collections less often: requests make little lasting garbage

