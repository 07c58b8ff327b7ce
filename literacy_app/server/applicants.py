"""HR's calls for the hiring selection (採用試験): the selections, an applicant list's check and
import (the file travels in the body, as the staff roster does), and deletion after the selection's
retention date.  The services check the role and write the audit rows."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import Field
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from ..core.model import Actor
from ..storage.uow import UnitOfWork
from ..wire import API_PREFIX, MAX_UPLOAD, dump
from .http import Strict, body, endpoint, language, ok
from .staff import _as_staff
from .uploads import Upload, decoded, imported


class ApplicantUpload(Upload):
    selection: str = Field(min_length=1, max_length=64)
    title: str | None = Field(default=None, max_length=200)
    keep_until: dt.date | None = None
    dry_run: bool = True


class SelectionDelete(Strict):
    apply: bool = False


@endpoint
async def hr_selections(request: Request) -> Response:
    def work(uow: UnitOfWork, actor: Actor) -> Any:
        from ..services import applicants

        return dump(list[applicants.SelectionInfo], applicants.list_selections(uow, actor))

    return ok(await _as_staff(request, work, read_only=True))


@endpoint
async def hr_applicants_import(request: Request) -> Response:
    form = await body(request, ApplicantUpload, limit=MAX_UPLOAD)
    data, shown = decoded(form, "applicants")

    def work(uow: UnitOfWork, actor: Actor) -> Any:
        from ..services import applicants

        return dump(applicants.ApplicantImport, imported(data, shown, lambda path: applicants.import_applicants(
            uow, actor, path, form.selection, title=form.title, retain_until=form.keep_until,
            dry_run=form.dry_run, lang=language(request))))

    return ok(await _as_staff(request, work))


@endpoint
async def hr_selection_delete(request: Request) -> Response:
    code = str(request.path_params["code"])
    form = await body(request, SelectionDelete)

    def work(uow: UnitOfWork, actor: Actor) -> Any:
        from ..services import applicants

        return dump(applicants.SelectionDeletion,
                    applicants.delete_selection(uow, actor, code, dry_run=not form.apply))

    return ok(await _as_staff(request, work))


ROUTES = [
    Route(f"{API_PREFIX}/hr/selections", hr_selections, methods=["GET"]),
    Route(f"{API_PREFIX}/hr/selections/import", hr_applicants_import, methods=["POST"]),
    Route(f"{API_PREFIX}/hr/selections/{{code}}/delete", hr_selection_delete, methods=["POST"]),
]
