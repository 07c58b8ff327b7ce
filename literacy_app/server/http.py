"""The plumbing every route shares: reading a bounded JSON body into a strict model, the
caller's language and address, bearer tokens, the client-version gate, and turning refusals
into a 4xx with a sentence.

Nothing here trusts the caller: bodies are size-limited while they stream in, models forbid
unknown fields and coerce no types, and errors never carry a traceback.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import anyio.to_thread
from pydantic import BaseModel, ConfigDict, ValidationError
from sqlalchemy.exc import DBAPIError, OperationalError
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from ..core.errors import NotAllowed, UserError
from ..core.i18n import message
from ..wire import CLIENT_HEADER, MAX_BODY, MIN_CLIENT_VERSION, parse_version

log = logging.getLogger(__name__)
Model = TypeVar("Model", bound=BaseModel)

STATUS = {
    "not_allowed": 403, "session_expired": 401, "token_invalid": 401, "token_expired": 401,
    "login_failed": 401, "access_code_wrong": 403, "seat_code_wrong": 403, "account_locked": 423, "too_many_tries": 429,
    "attempt_not_found": 404, "unknown_examinee": 404, "request_too_large": 413, "client_too_old": 426,
}
"""HTTP status per refusal; every other ``UserError`` is 400 (409 would add nothing for the UI)."""


class Strict(BaseModel):
    """Request bodies: unknown fields and loose types are refused, never guessed."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Refused(Exception):
    def __init__(self, status: int, code: str, **params: Any) -> None:
        super().__init__(code)
        self.status, self.code, self.params = status, code, params


def language(request: Request) -> str:
    return "en" if request.headers.get("accept-language", "ja").lower().startswith("en") else "ja"


def address(request: Request) -> str | None:
    """The PC's address as this server sees it (no proxy headers are trusted)."""
    return request.client.host if request.client else None


def refusal(status: int, code: str, params: dict[str, Any], lang: str) -> JSONResponse:
    return JSONResponse({"error": code, "message": message(code, lang, **params), "params": params},
                        status_code=status)


def ok(payload: Any, status: int = 200) -> Response:
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return Response(body, status_code=status, media_type="application/json")


async def body(request: Request, model: type[Model], limit: int = MAX_BODY) -> Model:
    """The request body as ``model``; 413 past ``limit`` bytes (counted as it arrives), 400 for
    anything that is not exactly the model."""
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > limit):
        raise Refused(413, "request_too_large", limit_kb=limit // 1024)
    chunks = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise Refused(413, "request_too_large", limit_kb=limit // 1024)
        chunks.append(chunk)
    raw = b"".join(chunks)
    try:
        return model.model_validate_json(raw or b"{}")
    except ValidationError as error:
        raise Refused(400, "bad_request", detail=_describe(error)) from None


def _describe(error: ValidationError) -> str:
    """The first problem as 'field: what is wrong' (pydantic's own wording, which names the type)."""
    first = error.errors(include_url=False)[0]
    where = ".".join(str(part) for part in first.get("loc", ())) or "body"
    if first.get("type") == "json_invalid":
        return "JSON として読めません (invalid JSON)"
    if first.get("type") == "extra_forbidden":
        return f"{where}: 知らない項目です (unknown field)"
    if first.get("type") == "missing":
        return f"{where}: 必要な項目がありません (field required)"
    return f"{where}: {first.get('msg', 'invalid')}"


def bearer(request: Request) -> str:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token or len(token) > 200:
        raise Refused(401, "session_expired")
    return token.strip()


def check_client(request: Request) -> None:
    version = parse_version(request.headers.get(CLIENT_HEADER))
    if version is None or version < MIN_CLIENT_VERSION:
        raise Refused(426, "client_too_old", required=".".join(map(str, MIN_CLIENT_VERSION)),
                      current=request.headers.get(CLIENT_HEADER) or "?")


Handler = Callable[[Request], Awaitable[Response]]


def endpoint(handler: Handler) -> Handler:
    """Wrap a route: version gate first, refusals and user errors as 4xx with a sentence, the
    database away as a 503 (passing: clients retry), and an unexpected error as a 500 whose body
    says only that (the details go to the server's log)."""

    async def wrapped(request: Request) -> Response:
        started = time.perf_counter()
        response = await _answer(request)
        # how long the server itself took (W3C Server-Timing): tells network delay from server load
        response.headers["Server-Timing"] = f"app;dur={(time.perf_counter() - started) * 1000:.2f}"
        return response

    async def _answer(request: Request) -> Response:
        lang = language(request)
        try:
            check_client(request)
            return await handler(request)
        except Refused as refused:
            return refusal(refused.status, refused.code, refused.params, lang)
        except NotAllowed:
            return refusal(403, "not_allowed", {}, lang)
        except UserError as error:
            return refusal(STATUS.get(error.code, 400), error.code, _json_safe(error.params), lang)
        except DBAPIError as error:
            if not (isinstance(error, OperationalError) or error.connection_invalidated):
                log.exception("request failed: %s %s", request.method, request.url.path)
                return refusal(500, "internal_error", {}, lang)
            # the database is away for a moment (restart, network): one line, not a traceback per
            # request of a room; the PCs keep the answer in their journal and send it again
            cause = str(error.orig or error).strip().splitlines()[0][:200]
            log.warning("database unavailable: %s %s: %s", request.method, request.url.path, cause)
            return refusal(503, "database_unavailable", {}, lang)
        except Exception:
            log.exception("request failed: %s %s", request.method, request.url.path)
            return refusal(500, "internal_error", {}, lang)

    wrapped.__name__ = handler.__name__
    wrapped.__doc__ = handler.__doc__
    return wrapped


def _json_safe(params: dict[str, Any]) -> dict[str, Any]:
    return json.loads(json.dumps(params, ensure_ascii=False, default=str))


async def in_thread(request: Request, work: Callable[[], Any], heavy: bool = False) -> Any:
    """Run blocking database work on the server's bounded thread pools.

    Heavy calls (a start draws a form, a finish scores it, a sign-in runs scrypt, HR's figures
    read many rows) get a few threads of their own, so a room starting or submitting together
    never makes the answer saves queue behind them.  Both pools together hold no more threads
    than the database pool has connections.
    """
    limiter = request.app.state.heavy_limiter if heavy else None
    return await anyio.to_thread.run_sync(work, limiter=limiter)

