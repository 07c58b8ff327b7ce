"""Sitting an assessment: start (draw a form), save each answer at once, resume.

``save_answer`` is the hot path — it runs on every click — so it uses three statements (read
the attempt and item, upsert the answer, commit); immutable item content comes from the
database's own cache (``services._versions``).  Each save
carries a client sequence number: a retried or late save can never overwrite a newer answer.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import hmac
import secrets
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.dialects import postgresql, sqlite

from ..core.assembly import PoolItem, draw_form
from ..core.errors import NotAllowed, UserError
from ..core.model import Actor, AttemptState, FormItem
from ..storage.models import (
    Answer,
    Assessment,
    Attempt,
    AttemptItem,
    BlueprintVersion,
    Examinee,
    ImageBlob,
    Item,
    ItemVersion,
)
from ..storage.uow import UnitOfWork
from ._common import audit, require_examinee
from ._versions import version, versions
from .codes import check_code, code_required
from .cohort import in_cohort
from .finishing import LATE_LIMIT, finish_expired_attempts


def blueprint_content(uow: UnitOfWork, assessment_id: int) -> dict[str, Any]:
    """The blueprint version an assessment uses (audience, time limit, rules)."""
    row = uow.session.execute(
        select(BlueprintVersion.content).join(Assessment, Assessment.blueprint_version_id == BlueprintVersion.id)
        .where(Assessment.id == assessment_id)).first()
    if row is None:
        raise UserError("assessment_not_open")
    return dict(row[0])


def start_attempt(uow: UnitOfWork, actor: Actor, assessment_id: int, access_code: str | None = None,
                  seed: int | None = None, *, address: str | None = None, issue_token: bool = False,
                  require_code: bool = False) -> AttemptState:
    """Start a new attempt (or continue the unfinished one): draw the form, fix the deadline.

    The window's code (or the person's seat code) is checked first, also when an unfinished
    attempt is continued.  ``issue_token`` (the server) hands out a new attempt token, which
    every further exam call must carry; ``require_code`` (the server) refuses a window that has
    no code at all, since on a LAN a 職員番号 alone proves nothing.
    """
    session = uow.session
    examinee = session.get(Examinee, actor.id) if actor.kind == "examinee" else None
    if examinee is None:
        raise NotAllowed()
    finish_expired_attempts(uow, examinee_id=examinee.id)
    assessment = session.get(Assessment, assessment_id)
    now = uow.now
    if (assessment is None or not (assessment.opens_at <= now < assessment.closes_at)
            or not in_cohort(assessment.cohort, examinee)):
        raise UserError("assessment_not_open")
    if require_code and not code_required(assessment):
        raise UserError("window_without_code")
    check_code(uow, examinee, assessment, access_code, address)
    existing = session.scalar(select(Attempt).where(
        Attempt.assessment_id == assessment_id, Attempt.examinee_id == examinee.id,
        Attempt.status == "in_progress"))
    if existing is not None:
        return _opened(uow, actor, existing, "attempt_resume", address, issue_token)
    used = len(session.scalars(select(Attempt.id).where(
        Attempt.assessment_id == assessment_id, Attempt.examinee_id == examinee.id)).all())
    if used >= assessment.max_attempts:
        raise UserError("no_attempts_left")
    blueprint = session.get(BlueprintVersion, assessment.blueprint_version_id)
    assert blueprint is not None
    content = blueprint.content
    seed = secrets.randbits(62) if seed is None else seed
    form = draw_form(content, _pool(uow, content["audience"]), seed)
    deadline = min(now + dt.timedelta(minutes=content["time_limit_minutes"]), assessment.closes_at)
    attempt = Attempt(assessment_id=assessment_id, examinee_id=examinee.id, seed=seed,
                      started_at=now, deadline_at=deadline, status="in_progress", last_position=1,
                      org_path=examinee.org_path, audience=examinee.audience)  # as they are today, for good
    session.add(attempt)
    session.flush()
    session.add_all(AttemptItem(attempt_id=attempt.id, position=d.position, item_version_id=d.version_id,
                                option_order=list(d.option_order), pilot=d.pilot) for d in form)
    session.flush()
    return _opened(uow, actor, attempt, "attempt_start", address, issue_token)


def _opened(uow: UnitOfWork, actor: Actor, attempt: Attempt, action: str, address: str | None,
            issue_token: bool) -> AttemptState:
    """Audit the start or resume, issue the token when asked, commit, and return the state."""
    token = None
    if issue_token:
        token = secrets.token_urlsafe(32)  # 256 bits
        attempt.token_hash = token_digest(token)
    audit(uow, actor, action, attempt_id=attempt.id, assessment_id=attempt.assessment_id, address=address or "")
    uow.commit()
    state = _state(uow, attempt)
    return dataclasses.replace(state, token=token) if token else state


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


TOKEN_GRACE = dt.timedelta(minutes=10)
"""An attempt token outlives the deadline by this much, so a PC that lost the network at the
last minute can still submit (saves after the deadline are refused by ``save_answer`` anyway)."""

def token_actor(uow: UnitOfWork, attempt_id: int, token: str) -> Actor:
    """The examinee an attempt token speaks for; refused when it is not this attempt's current token."""
    row = uow.connection.execute(
        select(Attempt.examinee_id, Attempt.token_hash, Attempt.deadline_at, Examinee.staff_no)
        .join(Examinee, Examinee.id == Attempt.examinee_id).where(Attempt.id == attempt_id)).first()
    if row is None:
        raise UserError("token_invalid")
    _check_token(uow, row.token_hash, row.deadline_at, token)
    return Actor("examinee", row.examinee_id, row.staff_no)


def _check_token(uow: UnitOfWork, stored_hash: str | None, deadline: dt.datetime, token: str) -> None:
    """Refuse unless ``token`` is the attempt's current token and has not expired."""
    if stored_hash is None or not hmac.compare_digest(stored_hash, token_digest(token)):
        raise UserError("token_invalid")
    if uow.now > deadline + TOKEN_GRACE:
        raise UserError("token_expired")


def _pool(uow: UnitOfWork, audience: str) -> list[PoolItem]:
    """The approved items of an audience.  Their content comes from the database's cache of
    immutable versions: a room of examinees starting together must not parse the bank each time."""
    rows = uow.session.execute(
        select(Item.id, Item.pilot, Item.audiences, ItemVersion.id, ItemVersion.type, ItemVersion.area,
               ItemVersion.level)
        .join(ItemVersion, ItemVersion.id == Item.current_version_id)
        .where(Item.status == "approved")).all()
    rows = [row for row in rows if audience in row[2]]
    published = versions(uow, [row[3] for row in rows])
    pool = []
    for item_id, pilot, _audiences, version_id, kind, area, level in rows:
        raw = published[version_id].raw
        scenario = raw.get("scenario")
        pool.append(PoolItem(version_id, item_id, kind, area, level, bool(pilot),
                             tuple(key for key, _text in raw.get("options", [])),
                             scenario["id"] if scenario else None))
    return pool


def resume_attempt(uow: UnitOfWork, actor: Actor, attempt_id: int, access_code: str | None = None, *,
                   address: str | None = None, issue_token: bool = False) -> AttemptState:
    """The form, the saved answers and the remaining time, as stored (the clock ran meanwhile).

    Continuing needs the same code as starting: a 職員番号 typed on another PC is not enough.
    """
    attempt = uow.session.get(Attempt, attempt_id)
    if attempt is None:
        raise UserError("attempt_not_found")
    require_examinee(actor, attempt.examinee_id)
    examinee = uow.session.get(Examinee, attempt.examinee_id)
    assessment = uow.session.get(Assessment, attempt.assessment_id)
    assert examinee is not None and assessment is not None
    finish_expired_attempts(uow, examinee_id=attempt.examinee_id)
    if attempt.status == "in_progress":
        check_code(uow, examinee, assessment, access_code, address)
        return _opened(uow, actor, attempt, "attempt_resume", address, issue_token)
    uow.commit()
    return _state(uow, attempt)


def reload_attempt(uow: UnitOfWork, actor: Actor, attempt_id: int) -> AttemptState:
    """The state again for the PC that holds the attempt (after a lost connection): no code, no new token."""
    attempt = uow.session.get(Attempt, attempt_id)
    if attempt is None:
        raise UserError("attempt_not_found")
    require_examinee(actor, attempt.examinee_id)
    finish_expired_attempts(uow, examinee_id=attempt.examinee_id)
    uow.commit()
    return _state(uow, attempt)


def form_image(uow: UnitOfWork, attempt_id: int, sha256: str) -> bytes | None:
    """A picture shown by one of this attempt's items; None for any other (the bank's pictures
    are not the examinee's to browse)."""
    version_ids = uow.session.scalars(select(AttemptItem.item_version_id).where(AttemptItem.attempt_id == attempt_id))
    for version_id in version_ids:
        picture = version(uow, version_id).content.image
        if picture and picture.get("sha256") == sha256:
            row = uow.session.get(ImageBlob, sha256)
            return row.data if row else None
    return None


def _state(uow: UnitOfWork, attempt: Attempt) -> AttemptState:
    session = uow.session
    assessment = session.get(Assessment, attempt.assessment_id)
    assert assessment is not None
    items = []
    for row, item_id in session.execute(
            select(AttemptItem, ItemVersion.item_id)
            .join(ItemVersion, ItemVersion.id == AttemptItem.item_version_id)
            .where(AttemptItem.attempt_id == attempt.id).order_by(AttemptItem.position)):
        published = version(uow, row.item_version_id)
        view = published.kind.examinee_view(published.content, row.option_order)
        items.append(FormItem.from_view(row.position, item_id, row.item_version_id, view))
    answers: dict[int, Any] = {}
    flags = set()
    for position, response, flagged in session.execute(
            select(Answer.position, Answer.response, Answer.flagged).where(Answer.attempt_id == attempt.id)):
        if response is not None:
            answers[position] = response
        if flagged:
            flags.add(position)
    return AttemptState(attempt.id, attempt.assessment_id, assessment.title, tuple(items), answers,
                        frozenset(flags), attempt.started_at, attempt.deadline_at, uow.now,
                        attempt.status, attempt.last_position)


def _writable_statement() -> Any:
    return (select(Attempt.__table__.c.examinee_id, Attempt.__table__.c.status,
                   Attempt.__table__.c.deadline_at, AttemptItem.__table__.c.item_version_id,
                   Attempt.__table__.c.token_hash, Attempt.__table__.c.started_at)
            .select_from(Attempt.__table__.outerjoin(
                AttemptItem.__table__,
                (AttemptItem.__table__.c.attempt_id == Attempt.__table__.c.id)
                & (AttemptItem.__table__.c.position == bindparam("position"))))
            .where(Attempt.__table__.c.id == bindparam("attempt_id")))


def _upsert_statement(dialect_name: str, update_columns: tuple[str, ...], ordered: bool) -> Any:
    dialect = postgresql if dialect_name == "postgresql" else sqlite
    table = Answer.__table__
    statement = dialect.insert(table)
    excluded = statement.excluded
    where = (table.c.seq < excluded.seq) if ordered else None
    return statement.on_conflict_do_update(
        index_elements=[table.c.attempt_id, table.c.position],
        set_={column: excluded[column] for column in update_columns}, where=where
    ).returning(table.c.position)


# Built once per database: constructing these costs more than running them, and save_answer runs
# per click.  The database owns them (``Database.statement_cache``), like every other cache.
def _statement(uow: UnitOfWork, key: tuple[Any, ...]) -> Any:
    cache = uow.database.statement_cache
    statement = cache.get(key)
    if statement is None:
        statement = cache[key] = _writable_statement() if key[0] == "writable" else _upsert_statement(*key[1:])
    return statement


def _writable(uow: UnitOfWork, actor: Actor | None, attempt_id: int, position: int, token: str | None = None,
              given_at: dt.datetime | None = None) -> tuple[int, int, dt.timedelta | None]:
    """Check that the attempt belongs to the caller (the actor, or on the server the attempt token)
    and is open; return the item version id, the examinee's id, and how late the change arrives
    (None when before the deadline).  One statement: this runs on every click."""
    row = uow.connection.execute(
        _statement(uow, ("writable",)), {"attempt_id": attempt_id, "position": position}).first()
    if row is None:
        raise UserError("token_invalid" if token is not None else "attempt_not_found")
    examinee_id, status, deadline, version_id, token_hash, started_at = row
    if token is not None:
        _check_token(uow, token_hash, deadline, token)
    else:
        if actor is None:
            raise NotAllowed()
        require_examinee(actor, examinee_id)
    if status != "in_progress":
        raise UserError("attempt_finished")
    late = None
    if uow.now >= deadline:
        if not (given_at is not None and started_at <= given_at < deadline and uow.now <= deadline + LATE_LIMIT):
            raise UserError("attempt_expired")
        late = uow.now - deadline
    if version_id is None:
        raise UserError("no_such_position", position=position)
    return int(version_id), int(examinee_id), late


def _upsert(uow: UnitOfWork, values: dict[str, Any], update_columns: tuple[str, ...], seq: int | None) -> bool:
    """Insert or update one answer row; with ``seq``, only a newer sequence number wins."""
    statement = _statement(uow, ("upsert", uow.database.dialect, update_columns, seq is not None))
    # a row comes back only when it was inserted or updated (not when the WHERE kept the old one)
    return uow.connection.execute(statement, values).first() is not None


def save_answer(uow: UnitOfWork, actor: Actor | None, attempt_id: int, position: int, response: Any,
                seq: int | None = None, *, token: str | None = None, given_at: dt.datetime | None = None) -> bool:
    """Store one answer and commit at once.  Returns False when a newer save already won.

    Refused (``UserError``) after submit, after the deadline (unless given before it and arriving
    within ``LATE_LIMIT``), for another person's attempt, or for a response that does not fit the
    item; nothing is stored then.  On the server the caller is the attempt ``token`` (checked in
    the same statement), in a local app the ``actor``.  ``given_at`` is when the examinee gave it,
    on the server's clock as the PC reckons it; it matters only for a late arrival.
    """
    version_id, examinee_id, late = _writable(uow, actor, attempt_id, position, token, given_at)
    published = version(uow, version_id)
    stored = None if response is None else published.kind.normalise(published.content, response)
    values = {"attempt_id": attempt_id, "position": position, "response": stored,
              "saved_at": uow.now, "seq": seq if seq is not None else 0, "flagged": False}
    written = _upsert(uow, values, ("response", "saved_at", "seq"), seq)
    if late is not None and written:
        assert given_at is not None
        staff_no = uow.session.scalar(select(Examinee.staff_no).where(Examinee.id == examinee_id)) or ""
        audit(uow, Actor("examinee", examinee_id, staff_no), "answer_late", attempt_id=attempt_id, position=position,
              given_at=given_at.isoformat(), late_seconds=round(late.total_seconds(), 1))
    uow.commit()
    return written


def set_flag(uow: UnitOfWork, actor: Actor, attempt_id: int, position: int, flagged: bool) -> None:
    """Mark an item to revisit; kept with the answer so it survives a crash too."""
    _writable(uow, actor, attempt_id, position)
    values = {"attempt_id": attempt_id, "position": position, "response": None, "saved_at": uow.now,
              "seq": 0, "flagged": flagged}
    _upsert(uow, values, ("flagged",), None)
    uow.commit()


def set_position(uow: UnitOfWork, actor: Actor, attempt_id: int, position: int) -> None:
    """Remember the page the examinee is on, so a resumed attempt opens there."""
    _writable(uow, actor, attempt_id, position)
    uow.connection.execute(update(Attempt).where(Attempt.id == attempt_id).values(last_position=position))
    uow.commit()
