"""Staff calls: sign-in and sign-out, the trainer's publish, the admin's tools (HR's calls: ``server.hr``).

Every call but sign-in carries a session token; the actor (and so the role) comes from the
session row on the server (``services.sessions``), never from the request.
"""

from __future__ import annotations

import base64
import binascii
import tempfile
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import Field
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from ..core.model import Actor
from ..storage.uow import Database, UnitOfWork
from ..wire import API_PREFIX, MAX_UPLOAD, dump
from .http import Refused, Strict, address, bearer, body, endpoint, in_thread, ok


def _database(request: Request) -> Database:
    database: Database = request.app.state.database
    return database


async def _as_staff(request: Request, work: Callable[[UnitOfWork, Actor], Any], read_only: bool = False) -> Any:
    """Resolve the session to its actor and run ``work`` in one unit of work on the thread pool."""
    token = bearer(request)

    def job() -> Any:
        from ..services import sessions

        with _database(request).uow(read_only=read_only) as uow:
            return work(uow, sessions.session_actor(uow, token))

    return await in_thread(request, job, heavy=True)


class SignIn(Strict):
    username: str = Field(min_length=1, max_length=100)
    password: str = Field(min_length=1, max_length=1024)


class BankFile(Strict):
    path: str = Field(min_length=1, max_length=300)
    data: str  # base64 (pictures are binary)


class BankUpload(Strict):
    files: list[BankFile] = Field(max_length=2000)
    retire_missing: bool = True


class ReviewUpload(BankUpload):
    months: int = Field(default=6, ge=1, le=60)


class Username(Strict):
    username: str = Field(min_length=1, max_length=100)


@endpoint
async def sign_in(request: Request) -> Response:
    form = await body(request, SignIn)
    where = address(request)

    def work() -> dict[str, Any]:
        from ..services import sessions

        with _database(request).uow() as uow:
            token, actor, expires = sessions.sign_in(uow, form.username, form.password, where)
        return {"token": token, "actor": dump(Actor, actor), "expires_at": expires.isoformat()}

    return ok(await in_thread(request, work, heavy=True))


@endpoint
async def sign_out(request: Request) -> Response:
    token = bearer(request)

    def work() -> None:
        from ..services import sessions

        with _database(request).uow() as uow:
            sessions.sign_out(uow, token)

    await in_thread(request, work, heavy=True)
    return ok({})


def _unpack(upload: BankUpload, folder: Path) -> None:
    """Write the uploaded bank files under ``folder``; a path that would leave it is refused."""
    for entry in upload.files:
        relative = PurePosixPath(entry.path)
        if relative.is_absolute() or ".." in relative.parts or not relative.parts:
            raise Refused(400, "bad_request", detail=f"files.path: {entry.path}")
        try:
            data = base64.b64decode(entry.data, validate=True)
        except (binascii.Error, ValueError):
            raise Refused(400, "bad_request", detail=f"files.data: {entry.path}") from None
        target = folder.joinpath(*relative.parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


async def _with_bank(request: Request, run: Callable[[UnitOfWork, Actor, Path, Any], Any], read_only: bool,
                     model: type[BankUpload] = BankUpload) -> Any:
    """Unpack the uploaded bank into a temporary folder and run ``run(uow, actor, folder, upload)``."""
    upload = await body(request, model, limit=MAX_UPLOAD)
    with tempfile.TemporaryDirectory(prefix="literacy-upload-") as folder:
        bank = Path(folder) / "question_banks"
        bank.mkdir()
        _unpack(upload, bank)
        return await _as_staff(request, lambda uow, actor: run(uow, actor, bank, upload), read_only=read_only)


@endpoint
async def trainer_preview(request: Request) -> Response:
    def run(uow: UnitOfWork, actor: Actor, bank: Path, upload: BankUpload) -> Any:
        from ..services import trainer

        return dump(trainer.PublishPreview,
                    trainer.publish_preview(uow, actor, [bank], retire_missing=upload.retire_missing))

    return ok(await _with_bank(request, run, read_only=True))


@endpoint
async def trainer_publish(request: Request) -> Response:
    def run(uow: UnitOfWork, actor: Actor, bank: Path, upload: BankUpload) -> Any:
        from ..core.model import PublishReport
        from ..services.publishing import publish_bank

        return dump(PublishReport, publish_bank(uow, actor, [bank], retire_missing=upload.retire_missing))

    return ok(await _with_bank(request, run, read_only=False))


@endpoint
async def trainer_review_queue(request: Request) -> Response:
    """The review queue of the trainer's bank files (uploaded) against the statistics on the
    server; paths come back relative to the uploaded folder, for the PC to join with its own."""
    def run(uow: UnitOfWork, actor: Actor, bank: Path, upload: ReviewUpload) -> Any:
        import dataclasses

        from ..services import trainer

        entries = trainer.review_queue(uow, actor, [bank], today=uow.now.date(), months=upload.months)
        relative = [dataclasses.replace(e, path=Path(e.path).relative_to(bank).as_posix()) for e in entries]
        return dump(list[trainer.ReviewEntry], relative)

    return ok(await _with_bank(request, run, read_only=True, model=ReviewUpload))


@endpoint
async def trainer_history(request: Request) -> Response:
    item_id = request.path_params["item_id"]

    def work(uow: UnitOfWork, actor: Actor) -> Any:
        from ..services.trainer_history import VersionEntry, item_history

        return dump(list[VersionEntry], item_history(uow, actor, item_id))

    return ok(await _as_staff(request, work, read_only=True))


@endpoint
async def admin_unlock(request: Request) -> Response:
    form = await body(request, Username)

    def work(uow: UnitOfWork, actor: Actor) -> None:
        from ..services import accounts

        accounts.unlock_user(uow, actor, form.username)

    await _as_staff(request, work)
    return ok({})


@endpoint
async def admin_audit_verify(request: Request) -> Response:
    def work(uow: UnitOfWork, actor: Actor) -> Any:
        from ..services.audit import ChainCheck, verify_chain

        return dump(ChainCheck, verify_chain(uow, actor))

    return ok(await _as_staff(request, work, read_only=True))


class RetentionCall(Strict):
    years: int | None = Field(default=None, ge=1, le=100)
    save: bool = False
    apply: bool = False


@endpoint
async def admin_retention(request: Request) -> Response:
    """The retention period: read it with a preview, store it, or apply it (admin; audited)."""
    form = await body(request, RetentionCall)

    def work(uow: UnitOfWork, actor: Actor) -> Any:
        from ..services.retention import RetentionStatus, retention_action

        return dump(RetentionStatus, retention_action(uow, actor, years=form.years, save=form.save,
                                                      apply=form.apply))

    return ok(await _as_staff(request, work))


ROUTES = [
    Route(f"{API_PREFIX}/admin/retention", admin_retention, methods=["POST"]),
    Route(f"{API_PREFIX}/staff/sign-in", sign_in, methods=["POST"]),
    Route(f"{API_PREFIX}/staff/sign-out", sign_out, methods=["POST"]),
    Route(f"{API_PREFIX}/trainer/preview", trainer_preview, methods=["POST"]),
    Route(f"{API_PREFIX}/trainer/publish", trainer_publish, methods=["POST"]),
    Route(f"{API_PREFIX}/trainer/review-queue", trainer_review_queue, methods=["POST"]),
    Route(f"{API_PREFIX}/trainer/items/{{item_id:str}}/history", trainer_history, methods=["GET"]),
    Route(f"{API_PREFIX}/admin/unlock", admin_unlock, methods=["POST"]),
    Route(f"{API_PREFIX}/admin/audit-verify", admin_audit_verify, methods=["GET"]),
]
