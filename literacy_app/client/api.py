"""HTTP calls to the exam server, one method per use case, returning the services' own records.

Blocking (httpx's synchronous client): the desktop app calls these on its worker thread, as it
calls the services in single-PC mode.  The server's certificate is pinned: only the certificate
(or CA) in ``client.toml`` is trusted, never the system's store.  A refusal arrives as the
``UserError`` the server raised (same code and parameters, so the window words it in its own
language); a network failure is a ``ServerUnavailable``, which the answer saver retries.
"""

from __future__ import annotations

import base64
import datetime as dt
import ssl
from pathlib import Path
from typing import Any

import httpx

from .. import __version__
from ..core.errors import UserError
from ..core.model import Actor, AttemptResult, AttemptState, OpenAssessment, PublishReport
from ..wire import API_PREFIX, CLIENT_HEADER, load
from .settings import ClientSettings


class ServerUnavailable(UserError):
    """The server could not be reached or failed: passing, so saves are retried, never dropped."""

    transient = True

    def __init__(self, detail: str) -> None:
        super().__init__("server_unreachable", detail=detail)


class ServerClient:
    def __init__(self, settings: ClientSettings, lang: str = "ja", timeout: float = 15.0,
                 transport: httpx.BaseTransport | None = None) -> None:
        verify: ssl.SSLContext | bool = False
        if settings.certificate:
            verify = ssl.create_default_context(cadata=settings.certificate)
        elif settings.server.startswith("https://"):
            raise UserError("client_config_bad", file=str(settings.file), detail="certificate")
        self.http = httpx.Client(base_url=settings.server + API_PREFIX, verify=verify, timeout=timeout,
                                 transport=transport, headers={CLIENT_HEADER: __version__, "Accept-Language": lang,
                                                               "User-Agent": f"literacy-app/{__version__}"})
        self.staff_token: str | None = None
        self.attempt_token: str | None = None

    def close(self) -> None:
        self.http.close()

    # plumbing -------------------------------------------------------------------------------
    def call(self, method: str, path: str, json: Any = None, token: str | None = None) -> Any:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        try:
            response = self.http.request(method, path, json=json, headers=headers)
        except httpx.ConnectError as error:
            if isinstance(error.__cause__, ssl.SSLCertVerificationError) or "CERTIFICATE" in str(error):
                raise UserError("server_certificate", detail=str(error)[:200]) from None
            raise ServerUnavailable(str(error)[:200]) from None
        except httpx.HTTPError as error:
            raise ServerUnavailable(f"{type(error).__name__}: {str(error)[:200]}") from None
        if response.status_code >= 500:
            raise ServerUnavailable(f"HTTP {response.status_code}")
        if response.status_code >= 400:
            try:
                payload = response.json()
                code, params = payload["error"], dict(payload.get("params") or {})
            except (ValueError, KeyError, TypeError):
                raise ServerUnavailable(f"HTTP {response.status_code}") from None
            raise UserError(code, **params)
        if response.headers.get("content-type", "").startswith("application/json"):
            return response.json()
        return response.content

    def _staff(self, method: str, path: str, json: Any = None) -> Any:
        if self.staff_token is None:
            raise UserError("session_expired")
        return self.call(method, path, json, self.staff_token)

    def _attempt(self, method: str, path: str, json: Any = None) -> Any:
        if self.attempt_token is None:
            raise UserError("token_invalid")
        return self.call(method, path, json, self.attempt_token)

    def _state(self, payload: dict[str, Any]) -> AttemptState:
        # ``now`` is the server's: remaining_seconds (deadline - now) never involves the PC's clock
        state: AttemptState = load(AttemptState, payload)
        if state.token:
            self.attempt_token = state.token
        return state

    # examinee -------------------------------------------------------------------------------
    def health(self) -> dict[str, Any]:
        result: dict[str, Any] = self.call("GET", "/health")
        return result

    def exam_login(self, staff_no: str) -> tuple[Actor, list[OpenAssessment]]:
        payload = self.call("POST", "/exam/login", {"staff_no": staff_no})
        actor = Actor("examinee", payload["examinee"]["id"], payload["examinee"]["staff_no"])
        return actor, load(list[OpenAssessment], payload["assessments"])

    def start(self, staff_no: str, assessment_id: int, code: str | None) -> AttemptState:
        return self._state(self.call("POST", "/exam/start",
                                     {"staff_no": staff_no, "assessment_id": assessment_id, "code": code}))

    def resume(self, staff_no: str, attempt_id: int, code: str | None) -> AttemptState:
        return self._state(self.call("POST", "/exam/resume",
                                     {"staff_no": staff_no, "attempt_id": attempt_id, "code": code}))

    def reload(self, attempt_id: int) -> AttemptState:
        return self._state(self._attempt("GET", f"/attempts/{attempt_id}"))

    def save_answer(self, attempt_id: int, position: int, response: Any, seq: int,
                    given_at: dt.datetime | None = None) -> bool:
        payload: dict[str, Any] = {"response": response, "seq": seq}
        if given_at is not None:
            payload["given_at"] = given_at.isoformat()
        return bool(self._attempt("PUT", f"/attempts/{attempt_id}/answers/{position}", payload)["written"])

    def set_flag(self, attempt_id: int, position: int, flagged: bool) -> None:
        self._attempt("PUT", f"/attempts/{attempt_id}/flags/{position}", {"flagged": flagged})

    def set_position(self, attempt_id: int, position: int) -> None:
        self._attempt("PUT", f"/attempts/{attempt_id}/position", {"position": position})

    def finish(self, attempt_id: int) -> tuple[AttemptResult, dict[str, list[tuple[str, str]]], bool]:
        payload = self._attempt("POST", f"/attempts/{attempt_id}/finish", {})
        links = {area: [(title, url) for title, url in pairs] for area, pairs in payload["links"].items()}
        return load(AttemptResult, payload["result"]), links, bool(payload["show_pass_fail"])

    def image(self, attempt_id: int, sha256: str) -> bytes:
        data: bytes = self._attempt("GET", f"/attempts/{attempt_id}/images/{sha256}")
        return data

    # staff ----------------------------------------------------------------------------------
    def sign_in(self, username: str, password: str) -> Actor:
        payload = self.call("POST", "/staff/sign-in", {"username": username, "password": password})
        self.staff_token = payload["token"]
        actor: Actor = load(Actor, payload["actor"])
        return actor

    def sign_out(self) -> None:
        if self.staff_token:
            self._staff("POST", "/staff/sign-out", {})
            self.staff_token = None

    def hr_choices(self, year: int) -> tuple[list[Any], list[str]]:
        from ..services.progress import WindowInfo

        payload = self._staff("GET", f"/hr/years/{year}/choices")
        return load(list[WindowInfo], payload["windows"]), list(payload["units"])

    def assessment_progress(self, assessment_id: int, min_group: int) -> list[Any]:
        from ..services.progress import ProgressRow

        payload = self._staff("POST", f"/hr/assessments/{assessment_id}/progress",
                              {"year": 2000, "min_group": min_group})  # year: unused here
        return list(load(list[ProgressRow], payload))

    def build_summary(self, year: int, assessment_id: int | None, org_unit: str | None, min_group: int) -> Any:
        from ..reporting.figures.summary import Summary

        payload = self._staff("POST", "/hr/summary", {"year": year, "assessment_id": assessment_id,
                                                      "org_unit": org_unit, "min_group": min_group})
        return load(Summary, payload)

    def record_export(self, year: int, assessment_id: int | None, org_unit: str | None, min_group: int,
                      fmt: str, file: str) -> None:
        self._staff("POST", "/hr/exports", {"year": year, "assessment_id": assessment_id, "org_unit": org_unit,
                                            "min_group": min_group, "fmt": fmt, "file": file})

    def candidates(self, assessment_id: int, purpose: str) -> list[Any]:
        from ..services.candidates import CandidateRow

        payload = self._staff("POST", f"/hr/assessments/{assessment_id}/candidates", {"purpose": purpose})
        return list(load(list[CandidateRow], payload))

    def audit_entries(self, filters: dict[str, Any], limit: int = 500, export_file: str | None = None) -> Any:
        from ..services.audit import AuditPage

        payload: dict[str, Any] = {key: (value.isoformat() if isinstance(value, dt.datetime) else value)
                                   for key, value in filters.items() if value}
        payload.update(limit=limit, export_file=export_file)
        return load(AuditPage, self._staff("POST", "/hr/audit", payload))

    def roster_import(self, path: Path, *, full: bool, dry_run: bool, confirmed: list[str]) -> Any:
        from ..services.roster import RosterReport

        payload = {"name": Path(path).name, "data": base64.b64encode(Path(path).read_bytes()).decode(),
                   "full": full, "dry_run": dry_run, "confirmed": confirmed}
        return load(RosterReport, self._staff("POST", "/hr/roster", payload))

    def selections(self) -> list[Any]:
        from ..services.applicants import SelectionInfo

        return list(load(list[SelectionInfo], self._staff("GET", "/hr/selections")))

    def applicants_import(self, path: Path, selection: str, title: str | None, keep_until: dt.date | None,
                          dry_run: bool) -> Any:
        from ..services.applicants import ApplicantImport

        payload = {"name": Path(path).name, "data": base64.b64encode(Path(path).read_bytes()).decode(),
                   "selection": selection, "title": title, "dry_run": dry_run,
                   "keep_until": keep_until.isoformat() if keep_until else None}
        return load(ApplicantImport, self._staff("POST", "/hr/selections/import", payload))

    def delete_selection(self, code: str, apply: bool) -> Any:
        from urllib.parse import quote

        from ..services.applicants import SelectionDeletion

        return load(SelectionDeletion, self._staff("POST", f"/hr/selections/{quote(code, safe='')}/delete",
                                                   {"apply": apply}))

    def people_results(self, assessment_id: int, file: str) -> list[Any]:
        from ..reporting.figures.person import PersonResults

        return list(load(list[PersonResults], self._staff("POST", f"/hr/assessments/{assessment_id}/people",
                                                          {"file": file})))

    def search_people(self, text: str) -> tuple[list[Any], int]:
        from ..services.people import PersonRow

        payload = self._staff("POST", "/hr/people/search", {"text": text})
        return list(load(list[PersonRow], payload["rows"])), int(payload["total"])

    def edit_person(self, change: dict[str, Any]) -> None:
        self._staff("POST", "/hr/people", change)

    def published_blueprints(self) -> list[Any]:
        from ..services.assessments import BlueprintInfo

        return list(load(list[BlueprintInfo], self._staff("GET", "/hr/blueprints")))

    def open_window(self, spec: dict[str, Any]) -> int:
        payload = {key: (value.isoformat() if isinstance(value, dt.datetime) else value) for key, value in spec.items()}
        return int(self._staff("POST", "/hr/assessments", payload)["id"])

    def change_window(self, assessment_id: int, closes_at: dt.datetime | None) -> dt.datetime:
        payload = {"closes_at": closes_at.isoformat() if closes_at else None}
        answer = self._staff("POST", f"/hr/assessments/{assessment_id}/window", payload)
        return dt.datetime.fromisoformat(answer["closes_before"])

    def seat_codes(self, assessment_id: int) -> Any:
        from ..services.codes import SeatSlips

        return load(SeatSlips, self._staff("POST", f"/hr/assessments/{assessment_id}/seat-codes", {}))

    def retention(self, years: int | None, save: bool, apply: bool) -> Any:
        from ..services.retention import RetentionStatus

        return load(RetentionStatus, self._staff("POST", "/admin/retention",
                                                 {"years": years, "save": save, "apply": apply}))

    def unlock(self, username: str) -> None:
        self._staff("POST", "/admin/unlock", {"username": username})

    def _bank_files(self, paths: list[Path]) -> list[dict[str, str]]:
        files = []
        for root in paths:
            root = Path(root)
            for path in sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else [root]:
                relative = path.relative_to(root) if root.is_dir() else Path(path.name)
                files.append({"path": relative.as_posix(), "data": base64.b64encode(path.read_bytes()).decode()})
        return files

    def publish_preview(self, paths: list[Path]) -> Any:
        from ..services.trainer import PublishPreview

        return load(PublishPreview, self._staff("POST", "/trainer/preview",
                                                {"files": self._bank_files(paths), "retire_missing": True}))

    def publish(self, paths: list[Path]) -> PublishReport:
        report: PublishReport = load(PublishReport, self._staff("POST", "/trainer/publish",
                                                                 {"files": self._bank_files(paths),
                                                                  "retire_missing": True}))
        return report

    def review_queue(self, paths: list[Path], months: int) -> list[Any]:
        """The server's review queue for the local bank folder; paths are made local again."""
        import dataclasses

        from ..services.trainer import ReviewEntry

        entries = load(list[ReviewEntry], self._staff("POST", "/trainer/review-queue", {
            "files": self._bank_files(paths), "retire_missing": True, "months": months}))
        root = Path(paths[0]) if paths and Path(paths[0]).is_dir() else Path(".")
        return [dataclasses.replace(entry, path=str(root / entry.path)) for entry in entries]

    def item_history(self, item_id: str) -> list[Any]:
        from ..services.trainer_history import VersionEntry

        return list(load(list[VersionEntry], self._staff("GET", f"/trainer/items/{item_id}/history")))

    def audit_verify(self) -> Any:
        from ..services.audit import ChainCheck

        return load(ChainCheck, self._staff("GET", "/admin/audit-verify"))

