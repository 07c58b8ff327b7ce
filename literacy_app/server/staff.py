"""Staff calls: sign-in, HR's figures and export records, the trainer's publish, the admin's tools.

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

from pydantic import AwareDatetime, Field
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from ..core.model import Actor
from ..core.suppression import FLOOR_MIN_GROUP
from ..storage.uow import Database, UnitOfWork
from ..wire import API_PREFIX, MAX_UPLOAD, dump
from .http import Refused, Strict, address, bearer, body, endpoint, in_thread, language, ok


class SignIn(Strict):
    username: str = Field(min_length=1, max_length=100)
    password: str = Field(min_length=1, max_length=1024)


class SummaryChoice(Strict):
    year: int = Field(ge=2000, le=2200)
    assessment_id: int | None = Field(default=None, ge=1)
    org_unit: str | None = Field(default=None, max_length=500)
    min_group: int = Field(ge=FLOOR_MIN_GROUP, le=1000)


class ExportRecord(SummaryChoice):
    fmt: str = Field(pattern="^(html|pdf|xlsx|csv)$")
    file: str = Field(max_length=1000)


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


@endpoint
async def hr_choices(request: Request) -> Response:
    year = int(request.path_params["year"])

    def work(uow: UnitOfWork, actor: Actor) -> dict[str, Any]:
        from ..services import progress

        return {"windows": dump(list[progress.WindowInfo], progress.assessments_in_year(uow, actor, year)),
                "units": progress.org_units(uow, actor)}

    return ok(await _as_staff(request, work, read_only=True))


@endpoint
async def hr_progress(request: Request) -> Response:
    assessment_id = int(request.path_params["assessment_id"])
    form = await body(request, SummaryChoice)

    def work(uow: UnitOfWork, actor: Actor) -> Any:
        from ..services import progress

        rows = progress.assessment_progress(uow, actor, assessment_id, form.min_group)
        return dump(list[progress.ProgressRow], rows)

    return ok(await _as_staff(request, work, read_only=True))


class CandidatesCall(Strict):
    purpose: str = Field(default="view", max_length=200)


@endpoint
async def hr_candidates(request: Request) -> Response:
    """受験者一覧 (names and results): HR only, audited here with what the PC says it is for."""
    assessment_id = int(request.path_params["assessment_id"])
    form = await body(request, CandidatesCall)

    def work(uow: UnitOfWork, actor: Actor) -> Any:
        from ..services import candidates

        rows = candidates.candidate_list(uow, actor, assessment_id, purpose=form.purpose)
        return dump(list[candidates.CandidateRow], rows)

    return ok(await _as_staff(request, work))


class AuditCall(Strict):
    since: AwareDatetime | None = None
    until: AwareDatetime | None = None
    who: str = Field(default="", max_length=100)
    action: str = Field(default="", max_length=50)
    limit: int = Field(default=500, ge=1, le=5000)
    offset: int = Field(default=0, ge=0)
    export_file: str | None = Field(default=None, max_length=200)
    """Set when the PC is about to write these rows to a file: the export is recorded here."""


@endpoint
async def hr_audit(request: Request) -> Response:
    form = await body(request, AuditCall)

    def work(uow: UnitOfWork, actor: Actor) -> Any:
        from ..services import audit

        filters: dict[str, Any] = {"since": form.since, "until": form.until, "who": form.who, "action": form.action}
        page = audit.audit_entries(uow, actor, limit=form.limit, offset=form.offset, since=form.since,
                                   until=form.until, who=form.who, action=form.action)
        if form.export_file:
            audit.record_audit_export(uow, actor, form.export_file, len(page.entries), filters)
        return dump(audit.AuditPage, page)

    return ok(await _as_staff(request, work))


class RosterUpload(Strict):
    name: str = Field(min_length=1, max_length=200)
    data: str  # base64: CSV or .xlsx, read on the server as HR's own import reads it
    full: bool = False
    dry_run: bool = True
    confirmed: list[str] = Field(default_factory=list, max_length=200_000)


@endpoint
async def hr_roster(request: Request) -> Response:
    """Roster import from a PC: a dry run for the preview, then the import of what was confirmed."""
    form = await body(request, RosterUpload, limit=MAX_UPLOAD)
    try:
        data = base64.b64decode(form.data, validate=True)
    except (binascii.Error, ValueError):
        raise Refused(400, "bad_request", detail="data") from None
    shown = PurePosixPath(form.name.replace("\\", "/")).name or "roster"

    def work(uow: UnitOfWork, actor: Actor) -> Any:
        from dataclasses import replace

        from ..services import roster

        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / shown
            path.write_bytes(data)
            report = roster.import_roster(uow, actor, path, dry_run=form.dry_run, full=form.full,
                                          confirmed=form.confirmed, lang=language(request))
        # the sentences name the PC's file, not the server's temporary copy
        report = replace(report, path=shown, problems=tuple(line.replace(str(path), shown) for line in report.problems))
        return dump(roster.RosterReport, report)

    return ok(await _as_staff(request, work))


@endpoint
async def hr_summary(request: Request) -> Response:
    form = await body(request, SummaryChoice)
    token = bearer(request)
    database = _database(request)

    def work() -> Any:
        from ..reporting.figures.summary import Summary, make_summary
        from ..services import sessions

        with database.uow(read_only=True) as uow:
            actor = sessions.session_actor(uow, token)
        summary = make_summary(database, actor, form.year, assessment_id=form.assessment_id,
                               org_unit=form.org_unit, min_group=form.min_group)
        return dump(Summary, summary)

    return ok(await in_thread(request, work, heavy=True))


@endpoint
async def hr_export(request: Request) -> Response:
    """HR wrote a report file on their PC: the server keeps the audit row (who, what, when)."""
    form = await body(request, ExportRecord)

    def work(uow: UnitOfWork, actor: Actor) -> None:
        from ..reporting.exports import record_export

        record_export(uow, actor, year=form.year, org_unit=form.org_unit, min_group=form.min_group, fmt=form.fmt,
                      file=form.file, assessment_id=form.assessment_id)

    await _as_staff(request, work)
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


@endpoint
async def hr_seat_codes(request: Request) -> Response:
    """New seat codes for a window's cohort, returned once (the PC prints the slips)."""
    assessment_id = int(request.path_params["assessment_id"])
    await body(request, Strict)

    def work(uow: UnitOfWork, actor: Actor) -> Any:
        from ..services.codes import SeatSlips, issue_seat_codes

        return dump(SeatSlips, issue_seat_codes(uow, actor, assessment_id))

    return ok(await _as_staff(request, work))


ROUTES = [
    Route(f"{API_PREFIX}/staff/sign-in", sign_in, methods=["POST"]),
    Route(f"{API_PREFIX}/staff/sign-out", sign_out, methods=["POST"]),
    Route(f"{API_PREFIX}/hr/years/{{year:int}}/choices", hr_choices, methods=["GET"]),
    Route(f"{API_PREFIX}/hr/assessments/{{assessment_id:int}}/progress", hr_progress, methods=["POST"]),
    Route(f"{API_PREFIX}/hr/assessments/{{assessment_id:int}}/seat-codes", hr_seat_codes, methods=["POST"]),
    Route(f"{API_PREFIX}/hr/assessments/{{assessment_id:int}}/candidates", hr_candidates, methods=["POST"]),
    Route(f"{API_PREFIX}/hr/summary", hr_summary, methods=["POST"]),
    Route(f"{API_PREFIX}/hr/audit", hr_audit, methods=["POST"]),
    Route(f"{API_PREFIX}/hr/roster", hr_roster, methods=["POST"]),
    Route(f"{API_PREFIX}/hr/exports", hr_export, methods=["POST"]),
    Route(f"{API_PREFIX}/trainer/preview", trainer_preview, methods=["POST"]),
    Route(f"{API_PREFIX}/trainer/publish", trainer_publish, methods=["POST"]),
    Route(f"{API_PREFIX}/trainer/review-queue", trainer_review_queue, methods=["POST"]),
    Route(f"{API_PREFIX}/trainer/items/{{item_id:str}}/history", trainer_history, methods=["GET"]),
    Route(f"{API_PREFIX}/admin/unlock", admin_unlock, methods=["POST"]),
    Route(f"{API_PREFIX}/admin/audit-verify", admin_audit_verify, methods=["GET"]),
]
