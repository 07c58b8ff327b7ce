"""Assessment windows: HR opens a blueprint for a cohort; examinees see what is open to them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select

from ..core.errors import UserError
from ..core.fiscal import jst_text
from ..core.model import Actor, OpenAssessment
from ..core.passwords import hash_password
from ..storage.models import Assessment, Attempt, Blueprint, BlueprintVersion, CohortMember, Examinee, Selection
from ..storage.uow import UnitOfWork
from ._common import audit, require_examinee, require_staff
from .accounts import identify_examinee
from .codes import CODE_HASH_N, code_required
from .cohort import in_cohort, unknown_staff_nos
from .finishing import finish_expired_attempts


def open_assessment(uow: UnitOfWork, actor: Actor, blueprint_id: str, opens_at: dt.datetime,
                    closes_at: dt.datetime, *, title: str | None = None,
                    cohort: dict[str, Any] | None = None, access_code: str | None = None,
                    max_attempts: int | None = None, person_codes: bool = False) -> int:
    """Open the current version of a blueprint between two instants for a cohort.

    ``cohort`` may hold ``audiences``, ``org_prefixes`` and ``staff_nos``; an empty cohort means
    the blueprint's own audience.  The access code is stored hashed, like a password.
    ``person_codes``: the window asks each person for the code on their own 受験票 from the start
    (``codes.issue_seat_codes`` prints them), so it is never open without a code in between.
    A staff list naming someone not in the roster is refused, naming the first few numbers.
    """
    require_staff(actor, "hr")
    session = uow.session
    blueprint = session.get(Blueprint, blueprint_id)
    if blueprint is None or blueprint.current_version_id is None:
        known = session.scalars(select(Blueprint.id).where(Blueprint.current_version_id.is_not(None))
                                .order_by(Blueprint.id)).all()
        raise UserError("blueprint_unknown", blueprint=blueprint_id, known=", ".join(known) or "—")
    version = session.get(BlueprintVersion, blueprint.current_version_id)
    assert version is not None
    content = version.content
    cohort = dict(cohort or {})
    if cohort.get("selection") is not None:  # applicants: whoever the selection lists, 区分 aside
        selection = session.get(Selection, int(cohort["selection"]))
        if selection is None or selection.deleted_at is not None:
            raise UserError("selection_unknown", selection=str(cohort["selection"]), known="—")
        cohort["audiences"] = []
    cohort.setdefault("audiences", [content["audience"]])
    if cohort.get("staff_nos"):
        unknown = sorted(unknown_staff_nos(uow, cohort["staff_nos"]))
        if unknown:
            raise UserError("staff_list_unknown_many", count=len(unknown), numbers="、".join(unknown[:5]))
    if content.get("access_code_required", False) and not (access_code or person_codes):
        raise UserError("access_code_wrong")
    assessment = Assessment(
        blueprint_version_id=version.id, title=title or content["title"], opens_at=opens_at,
        closes_at=closes_at, cohort=cohort,
        access_code_hash=hash_password(access_code, n=CODE_HASH_N) if access_code else None,
        max_attempts=max_attempts or content.get("max_attempts", 1), created_by=actor.name,
        created_at=uow.now, person_codes=person_codes, selection_id=cohort.get("selection"))
    session.add(assessment)
    session.flush()
    audit(uow, actor, "assessment_open", assessment_id=assessment.id, blueprint=blueprint_id,
          opens_at=opens_at.isoformat(), closes_at=closes_at.isoformat(), cohort=cohort)
    uow.commit()
    return assessment.id


def window_cohort(spec: dict[str, Any]) -> dict[str, Any] | None:
    """The cohort of a window as HR's window sends it: only the parts given (None: the blueprint's
    audience).  An empty ``audiences`` list means every 区分."""
    cohort: dict[str, Any] = {key: list(spec[key]) for key in ("org_prefixes", "staff_nos") if spec.get(key)}
    if spec.get("selection") is not None:
        cohort["selection"] = int(spec["selection"])
    if spec.get("audiences") is not None:
        cohort["audiences"] = list(spec["audiences"])
    elif spec.get("staff_nos"):
        cohort["audiences"] = []  # people named one by one are not filtered by 区分 again (as the CLI)
    return cohort or None


def item_count(content: dict[str, Any]) -> int:
    drawn = sum(int(n) for levels in content["draw"].values() for n in levels.values())
    return drawn + int(content.get("pilot_items", 0))


def examinee_login(uow: UnitOfWork, staff_no: str) -> tuple[Actor, list[OpenAssessment]]:
    """職員番号 → the examinee and what is open to them now.  Nothing open gets the same words as an
    unknown number, so the login reveals nothing about who is on the roster."""
    actor = identify_examinee(uow, staff_no)
    listed = list_open_assessments(uow, actor)
    if not listed:
        raise UserError("unknown_examinee")
    return actor, listed


def list_open_assessments(uow: UnitOfWork, actor: Actor) -> list[OpenAssessment]:
    """Assessments this examinee may sit now, with any unfinished attempt to resume."""
    session = uow.session
    examinee = session.get(Examinee, actor.id)
    if examinee is None:
        raise UserError("unknown_examinee")
    require_examinee(actor, examinee.id)
    finish_expired_attempts(uow, examinee_id=examinee.id)
    now = uow.now
    rows = session.execute(
        select(Assessment, BlueprintVersion.content)
        .join(BlueprintVersion, BlueprintVersion.id == Assessment.blueprint_version_id)
        .where(Assessment.opens_at <= now, Assessment.closes_at > now)
        .order_by(Assessment.closes_at, Assessment.id)).all()
    used = dict(session.execute(
        select(Attempt.assessment_id, func.count()).where(Attempt.examinee_id == examinee.id)
        .group_by(Attempt.assessment_id)).all())
    unfinished = dict(session.execute(
        select(Attempt.assessment_id, Attempt.id).where(
            Attempt.examinee_id == examinee.id, Attempt.status == "in_progress")).all())
    result = []
    for assessment, content in rows:
        if not in_cohort(assessment.cohort, examinee):
            continue
        left = assessment.max_attempts - used.get(assessment.id, 0)
        open_attempt = unfinished.get(assessment.id)
        if left <= 0 and open_attempt is None:
            continue
        result.append(OpenAssessment(
            id=assessment.id, title=assessment.title, audience=content["audience"],
            time_limit_minutes=content["time_limit_minutes"], item_count=item_count(content),
            attempts_left=max(0, left), access_code_required=code_required(assessment),
            closes_at=assessment.closes_at, unfinished_attempt_id=open_attempt,
            instructions=content.get("instructions"), seat_codes=assessment.person_codes))
    uow.commit()  # expired attempts finished above are stored
    return result


def change_window(uow: UnitOfWork, actor: Actor, assessment_id: int, closes_at: dt.datetime) -> dt.datetime:
    """Close a window now (``closes_at`` = now) or move its end (extend), audited with both ends.

    Attempts already under way keep the deadline they got at their start; only new starts follow
    the new end.  A window extended after its cohort was kept (``cohort.freeze_closed``) is open
    again, so the kept cohort is dropped and today's roster counts until it closes.
    Returns the previous end.
    """
    require_staff(actor, "hr")
    assessment = uow.session.get(Assessment, assessment_id)
    if assessment is None:
        raise UserError("assessment_unknown", id=assessment_id)
    if closes_at <= assessment.opens_at:
        raise UserError("assessment_end_before_start", id=assessment_id, opens=jst_text(assessment.opens_at),
                        closes=jst_text(closes_at))
    before = assessment.closes_at
    assessment.closes_at = closes_at
    if closes_at > uow.now and assessment.cohort_frozen_at is not None:
        uow.session.execute(delete(CohortMember).where(CohortMember.assessment_id == assessment_id))
        assessment.cohort_frozen_at = None
    audit(uow, actor, "assessment_window_change", assessment_id=assessment_id, closes_before=before.isoformat(),
          closes_after=closes_at.isoformat())
    uow.commit()
    return before


@dataclass(frozen=True)
class BlueprintInfo:
    """A published blueprint as HR chooses it when opening a window."""

    id: str
    title: str
    audience: str
    items: int
    minutes: int


def published_blueprints(uow: UnitOfWork, actor: Actor) -> list[BlueprintInfo]:
    require_staff(actor, "hr")
    rows = uow.session.execute(
        select(Blueprint.id, BlueprintVersion.content)
        .join(BlueprintVersion, BlueprintVersion.id == Blueprint.current_version_id).order_by(Blueprint.id)).all()
    return [BlueprintInfo(blueprint_id, content.get("title", blueprint_id), content["audience"], item_count(content),
                          int(content["time_limit_minutes"])) for blueprint_id, content in rows]
