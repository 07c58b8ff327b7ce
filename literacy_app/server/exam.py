"""The examinee's calls.  Identity is 職員番号 + code; after that, the attempt token alone.

What leaves here is what the services return for an examinee: the form in its examinee view
(``core.itemtypes`` allow-list), the answers already given, the seconds left by the server's
clock, and after submitting the result with keys only when the review policy allows.  Scores are
computed here, never accepted from the PC.
"""

from __future__ import annotations

from typing import Any

from pydantic import AwareDatetime, Field, JsonValue
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from ..core.model import Actor, AttemptResult, AttemptState, OpenAssessment
from ..storage.uow import Database
from ..wire import API_PREFIX, dump
from .http import Refused, Strict, address, bearer, body, endpoint, in_thread, ok

StaffNo = Field(min_length=1, max_length=32)
Code = Field(default=None, max_length=64)


class Login(Strict):
    staff_no: str = StaffNo


class Start(Strict):
    staff_no: str = StaffNo
    assessment_id: int = Field(ge=1)
    code: str | None = Code


class Resume(Strict):
    staff_no: str = StaffNo
    attempt_id: int = Field(ge=1)
    code: str | None = Code


class Save(Strict):
    response: JsonValue = None
    seq: int = Field(ge=0, le=2**62)
    given_at: AwareDatetime | None = None
    """When the examinee gave it, on this server's clock as the PC reckons it (see
    ``finishing.LATE_LIMIT``): matters only for an answer arriving after the deadline."""


class Flag(Strict):
    flagged: bool


class Position(Strict):
    position: int = Field(ge=1, le=10_000)


def _database(request: Request) -> Database:
    database: Database = request.app.state.database
    return database


def _attempt_call(request: Request) -> tuple[Database, int, str]:
    attempt_id = int(request.path_params["attempt_id"])
    return _database(request), attempt_id, bearer(request)


def _state(state: AttemptState) -> dict[str, Any]:
    """The attempt with the server's ``now`` beside its deadline: the PC derives the time left from
    these two and counts down with a monotonic timer, never reading its own clock."""
    payload: dict[str, Any] = dump(AttemptState, state)
    return payload


@endpoint
async def login(request: Request) -> Response:
    """職員番号 → the windows open to this person now (titles and times only)."""
    form = await body(request, Login)

    def work() -> tuple[Actor, list[OpenAssessment]]:
        from ..services import assessments

        with _database(request).uow() as uow:
            return assessments.examinee_login(uow, form.staff_no)

    actor, listed = await in_thread(request, work)
    return ok({"examinee": {"id": actor.id, "staff_no": actor.name},
               "assessments": dump(list[OpenAssessment], listed)})


@endpoint
async def start(request: Request) -> Response:
    form = await body(request, Start)
    where = address(request)

    def work() -> AttemptState:
        from ..services import accounts, attempts

        with _database(request).uow() as uow:
            actor = accounts.identify_examinee(uow, form.staff_no)
            return attempts.start_attempt(uow, actor, form.assessment_id, form.code, address=where,
                                          issue_token=True, require_code=True)

    return ok(_state(await in_thread(request, work, heavy=True)))


@endpoint
async def resume(request: Request) -> Response:
    form = await body(request, Resume)
    where = address(request)

    def work() -> AttemptState:
        from ..services import accounts, attempts

        with _database(request).uow() as uow:
            actor = accounts.identify_examinee(uow, form.staff_no)
            return attempts.resume_attempt(uow, actor, form.attempt_id, form.code, address=where, issue_token=True)

    return ok(_state(await in_thread(request, work, heavy=True)))


@endpoint
async def reload(request: Request) -> Response:
    database, attempt_id, token = _attempt_call(request)

    def work() -> AttemptState:
        from ..services import attempts

        with database.uow() as uow:
            actor = attempts.token_actor(uow, attempt_id, token)
            return attempts.reload_attempt(uow, actor, attempt_id)

    return ok(_state(await in_thread(request, work)))


@endpoint
async def save(request: Request) -> Response:
    """One answer, stored and committed before the reply: the PC shows 保存済み only after this."""
    database, attempt_id, token = _attempt_call(request)
    position = int(request.path_params["position"])
    form = await body(request, Save)

    def work() -> bool:
        from ..services import attempts

        with database.uow() as uow:
            return attempts.save_answer(uow, None, attempt_id, position, form.response, seq=form.seq, token=token,
                                        given_at=form.given_at)

    return ok({"written": await in_thread(request, work)})


@endpoint
async def flag(request: Request) -> Response:
    database, attempt_id, token = _attempt_call(request)
    position = int(request.path_params["position"])
    form = await body(request, Flag)

    def work() -> None:
        from ..services import attempts

        with database.uow() as uow:
            attempts.set_flag(uow, attempts.token_actor(uow, attempt_id, token), attempt_id, position, form.flagged)

    await in_thread(request, work)
    return ok({})


@endpoint
async def position(request: Request) -> Response:
    database, attempt_id, token = _attempt_call(request)
    form = await body(request, Position)

    def work() -> None:
        from ..services import attempts

        with database.uow() as uow:
            attempts.set_position(uow, attempts.token_actor(uow, attempt_id, token), attempt_id, form.position)

    await in_thread(request, work)
    return ok({})


@endpoint
async def finish(request: Request) -> Response:
    """Submit (or record the time-out): scored here, with the study links and whether to show 合否."""
    database, attempt_id, token = _attempt_call(request)
    await body(request, Strict)

    def work() -> dict[str, Any]:
        from ..services import attempts, finishing

        with database.uow() as uow:
            actor = attempts.token_actor(uow, attempt_id, token)
            result = finishing.finish_attempt(uow, actor, attempt_id)
            links = finishing.learning_links(uow, [area.area for area in result.areas])
            show = finishing.shows_pass_fail(uow, attempt_id)
            return {"result": dump(AttemptResult, result), "links": links, "show_pass_fail": show}

    return ok(await in_thread(request, work, heavy=True))


@endpoint
async def image(request: Request) -> Response:
    """A picture of this attempt's form (only those: the token does not open the bank's others)."""
    database, attempt_id, token = _attempt_call(request)
    sha = request.path_params["sha"]

    def work() -> bytes | None:
        from ..services import attempts

        with database.uow(read_only=True) as uow:
            attempts.token_actor(uow, attempt_id, token)
            return attempts.form_image(uow, attempt_id, sha)

    data = await in_thread(request, work)
    if data is None:
        raise Refused(404, "attempt_not_found")
    return Response(data, media_type="application/octet-stream")


ROUTES = [
    Route(f"{API_PREFIX}/exam/login", login, methods=["POST"]),
    Route(f"{API_PREFIX}/exam/start", start, methods=["POST"]),
    Route(f"{API_PREFIX}/exam/resume", resume, methods=["POST"]),
    Route(f"{API_PREFIX}/attempts/{{attempt_id:int}}", reload, methods=["GET"]),
    Route(f"{API_PREFIX}/attempts/{{attempt_id:int}}/answers/{{position:int}}", save, methods=["PUT"]),
    Route(f"{API_PREFIX}/attempts/{{attempt_id:int}}/flags/{{position:int}}", flag, methods=["PUT"]),
    Route(f"{API_PREFIX}/attempts/{{attempt_id:int}}/position", position, methods=["PUT"]),
    Route(f"{API_PREFIX}/attempts/{{attempt_id:int}}/finish", finish, methods=["POST"]),
    Route(f"{API_PREFIX}/attempts/{{attempt_id:int}}/images/{{sha:str}}", image, methods=["GET"]),
]
