"""HR's calls: choices, 受験状況, 受験者一覧, the audit log, roster import, the summary, exports and seat codes.

Every call runs as the signed-in staff member (``as_staff``); the services check the role (HR or
admin) and write the audit rows.  Names and results leave the server only through the calls that
audit them.
"""

from __future__ import annotations

from typing import Any

from pydantic import AwareDatetime, Field
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from ..core.model import Actor
from ..core.suppression import FLOOR_MIN_GROUP
from ..storage.uow import UnitOfWork
from ..wire import API_PREFIX, MAX_UPLOAD, dump
from .http import Strict, bearer, body, endpoint, in_thread, language, ok
from .staff import _as_staff, _database
from .uploads import Upload, decoded, imported


class SummaryChoice(Strict):
    year: int = Field(ge=2000, le=2200)
    assessment_id: int | None = Field(default=None, ge=1)
    org_unit: str | None = Field(default=None, max_length=500)
    min_group: int = Field(ge=FLOOR_MIN_GROUP, le=1000)


class ExportRecord(SummaryChoice):
    fmt: str = Field(pattern="^(html|pdf|xlsx|csv)$")
    file: str = Field(max_length=1000)


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

        rows = progress.assessment_progress(uow, actor, assessment_id, form.min_group)  # audited there
        return dump(list[progress.ProgressRow], rows)

    return ok(await _as_staff(request, work))


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

        page = audit.read_audit(uow, actor, export_file=form.export_file, limit=form.limit, offset=form.offset,
                                since=form.since, until=form.until, who=form.who, action=form.action)
        return dump(audit.AuditPage, page)

    return ok(await _as_staff(request, work))


class RosterUpload(Upload):
    full: bool = False
    dry_run: bool = True
    confirmed: list[str] = Field(default_factory=list, max_length=200_000)


@endpoint
async def hr_roster(request: Request) -> Response:
    """Roster import from a PC: a dry run for the preview, then the import of what was confirmed."""
    form = await body(request, RosterUpload, limit=MAX_UPLOAD)
    data, shown = decoded(form, "roster")

    def work(uow: UnitOfWork, actor: Actor) -> Any:
        from ..services import roster

        return dump(roster.RosterReport, imported(data, shown, lambda path: roster.import_roster(
            uow, actor, path, dry_run=form.dry_run, full=form.full, confirmed=form.confirmed,
            lang=language(request))))

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
        # every build is audited: the server cannot know whether the PC shows it or saves it
        summary = make_summary(database, actor, form.year, assessment_id=form.assessment_id,
                               org_unit=form.org_unit, min_group=form.min_group, preview=True)
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


@endpoint
async def hr_seat_codes(request: Request) -> Response:
    """New seat codes for a window's cohort, returned once (the PC prints the slips)."""
    assessment_id = int(request.path_params["assessment_id"])
    await body(request, Strict)

    def work(uow: UnitOfWork, actor: Actor) -> Any:
        from ..services.codes import SeatSlips, issue_seat_codes

        return dump(SeatSlips, issue_seat_codes(uow, actor, assessment_id))

    return ok(await _as_staff(request, work))


class OpenWindow(Strict):
    blueprint: str = Field(min_length=1, max_length=100)
    opens_at: AwareDatetime
    closes_at: AwareDatetime
    title: str | None = Field(default=None, max_length=500)
    access_code: str | None = Field(default=None, max_length=64)
    max_attempts: int = Field(default=1, ge=1, le=10)
    person_codes: bool = False
    org_prefixes: list[str] = Field(default_factory=list, max_length=100)
    audiences: list[str] | None = Field(default=None, max_length=10)
    staff_nos: list[str] = Field(default_factory=list, max_length=200_000)
    selection: int | None = Field(default=None, ge=1)
    """Open it to the applicants of this hiring selection (``Selection.id``) instead of staff."""


class WindowChange(Strict):
    closes_at: AwareDatetime | None = None
    """None: close now, on the server's clock (never the PC's)."""


@endpoint
async def hr_blueprints(request: Request) -> Response:
    def work(uow: UnitOfWork, actor: Actor) -> Any:
        from ..services import assessments

        return dump(list[assessments.BlueprintInfo], assessments.published_blueprints(uow, actor))

    return ok(await _as_staff(request, work, read_only=True))


@endpoint
async def hr_open_window(request: Request) -> Response:
    """A new window, opened by the signed-in HR officer (audited by the service)."""
    form = await body(request, OpenWindow)

    def work(uow: UnitOfWork, actor: Actor) -> Any:
        from ..services import assessments

        return assessments.open_assessment(uow, actor, form.blueprint, form.opens_at, form.closes_at,
                                           title=form.title, cohort=assessments.window_cohort(form.model_dump()),
                                           access_code=form.access_code, max_attempts=form.max_attempts,
                                           person_codes=form.person_codes)

    return ok({"id": await _as_staff(request, work)})


@endpoint
async def hr_change_window(request: Request) -> Response:
    """Close a window now or move its end (audited by the service); returns the previous end."""
    assessment_id = int(request.path_params["assessment_id"])
    form = await body(request, WindowChange)

    def work(uow: UnitOfWork, actor: Actor) -> Any:
        from ..services import assessments

        return assessments.change_window(uow, actor, assessment_id, form.closes_at or uow.now).isoformat()

    return ok({"closes_before": await _as_staff(request, work)})


class PeopleCall(Strict):
    file: str = Field(min_length=1, max_length=300)


@endpoint
async def hr_people(request: Request) -> Response:
    """The results behind the 個人結果票 of a window (the PC prints them); audited here."""
    assessment_id = int(request.path_params["assessment_id"])
    form = await body(request, PeopleCall)

    def work(uow: UnitOfWork, actor: Actor) -> Any:
        from ..reporting.exports import people_results
        from ..reporting.figures.person import PersonResults

        return dump(list[PersonResults], people_results(uow, actor, assessment_id, form.file))

    return ok(await _as_staff(request, work))


class PeopleSearch(Strict):
    text: str = Field(max_length=100)


class PersonEdit(Strict):
    staff_no: str = Field(min_length=1, max_length=32)
    name: str | None = Field(default=None, max_length=1000)
    org_path: str | None = Field(default=None, max_length=2000)
    audience: str | None = Field(default=None, max_length=20)
    active: bool | None = None


@endpoint
async def hr_people_search(request: Request) -> Response:
    form = await body(request, PeopleSearch)

    def work(uow: UnitOfWork, actor: Actor) -> Any:
        from ..services import people

        rows, total = people.search_people(uow, actor, form.text)
        return {"rows": dump(list[people.PersonRow], rows), "total": total}

    return ok(await _as_staff(request, work, read_only=True))


@endpoint
async def hr_person(request: Request) -> Response:
    """Edit one person (氏名, 所属, 区分) or make them inactive/active again; audited by the services."""
    form = await body(request, PersonEdit)

    def work(uow: UnitOfWork, actor: Actor) -> Any:
        from ..services import people

        people.edit_person(uow, actor, form.staff_no, name=form.name, org_path=form.org_path,
                           audience=form.audience, active=form.active)
        return {}

    return ok(await _as_staff(request, work))


ROUTES = [
    Route(f"{API_PREFIX}/hr/people/search", hr_people_search, methods=["POST"]),
    Route(f"{API_PREFIX}/hr/people", hr_person, methods=["POST"]),
    Route(f"{API_PREFIX}/hr/assessments/{{assessment_id:int}}/people", hr_people, methods=["POST"]),
    Route(f"{API_PREFIX}/hr/blueprints", hr_blueprints, methods=["GET"]),
    Route(f"{API_PREFIX}/hr/assessments", hr_open_window, methods=["POST"]),
    Route(f"{API_PREFIX}/hr/years/{{year:int}}/choices", hr_choices, methods=["GET"]),
    Route(f"{API_PREFIX}/hr/assessments/{{assessment_id:int}}/progress", hr_progress, methods=["POST"]),
    Route(f"{API_PREFIX}/hr/assessments/{{assessment_id:int}}/window", hr_change_window, methods=["POST"]),
    Route(f"{API_PREFIX}/hr/assessments/{{assessment_id:int}}/seat-codes", hr_seat_codes, methods=["POST"]),
    Route(f"{API_PREFIX}/hr/assessments/{{assessment_id:int}}/candidates", hr_candidates, methods=["POST"]),
    Route(f"{API_PREFIX}/hr/summary", hr_summary, methods=["POST"]),
    Route(f"{API_PREFIX}/hr/audit", hr_audit, methods=["POST"]),
    Route(f"{API_PREFIX}/hr/roster", hr_roster, methods=["POST"]),
    Route(f"{API_PREFIX}/hr/exports", hr_export, methods=["POST"]),
]
