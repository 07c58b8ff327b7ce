"""Finishing attempts: scoring, per-area results, pass/fail, and the review policy.

An attempt is finished by its examinee, or by the clock: any unfinished attempt past its
deadline is scored as it stands whenever the program next looks (login, list, resume, CLI).
Every position gets an answer row at finish (unanswered = score 0) so statistics see a full
matrix.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import delete, select

from ..core.catalog import AREAS
from ..core.errors import UserError
from ..core.itemtypes import ItemContent
from ..core.model import SYSTEM, Actor, AreaResult, AttemptResult
from ..core.scoring import Outcome, PassRuleSpec, ScoredItem, evaluate, score_fraction, typed
from ..storage.models import Answer, Assessment, Attempt, AttemptAreaScore, AttemptItem, BlueprintVersion, LearningLink
from ..storage.uow import UnitOfWork
from ._common import audit, require_examinee
from ._versions import version

LATE_LIMIT = dt.timedelta(minutes=5)
"""The deadline is the server's and absolute, but a network outage must not cost an answer given
in time: an answer the examinee gave *before* the deadline (the PC dates it on the server's clock:
the server's time at the last contact plus the PC's monotonic clock since) is still stored when it
arrives up to this long after the deadline.  An answer dated at or after the deadline never is,
nor one arriving later than this; every late arrival is audited (``answer_late``), so a supervisor
sees an attempt that leans on it.  Shorter than ``TOKEN_GRACE``; an unfinished attempt is scored
by the clock only once this has passed (``finish_expired_attempts``)."""


def _blueprint(uow: UnitOfWork, attempt: Attempt) -> tuple[Assessment, dict[str, Any]]:
    assessment = uow.session.get(Assessment, attempt.assessment_id)
    assert assessment is not None
    version = uow.session.get(BlueprintVersion, assessment.blueprint_version_id)
    assert version is not None
    return assessment, version.content


def score_items(blueprint: Mapping[str, Any], items: Iterable[tuple[ItemContent | Mapping[str, Any], Any, bool]]
                ) -> tuple[list[float], Outcome]:
    """Fractions of (content, response, pilot) items and the outcome under the blueprint's rule.

    The one place an attempt's marks are computed: finishing here and ``services.demo`` use it.
    """
    fractions = []
    scored = []
    for stored, response, pilot in items:
        content = typed(stored)
        fraction = score_fraction(content, response)
        fractions.append(fraction)
        scored.append(ScoredItem(content.area, content.points, fraction, pilot))
    return fractions, evaluate(scored, PassRuleSpec.from_dict(blueprint["pass_rule"]), AREAS)


def _score(uow: UnitOfWork, attempt: Attempt, finished_by: str) -> None:
    session = uow.session
    _assessment, blueprint = _blueprint(uow, attempt)
    answers = {a.position: a for a in session.scalars(select(Answer).where(Answer.attempt_id == attempt.id))}
    rows = list(session.scalars(select(AttemptItem).where(AttemptItem.attempt_id == attempt.id)))
    responses = [answers[row.position].response if row.position in answers else None for row in rows]
    fractions, outcome = score_items(blueprint, (
        (version(uow, row.item_version_id).content, response, row.pilot)
        for row, response in zip(rows, responses, strict=True)))
    for row, fraction in zip(rows, fractions, strict=True):
        answer = answers.get(row.position)
        if answer is None:
            answer = Answer(attempt_id=attempt.id, position=row.position, response=None, flagged=False,
                            seq=0, saved_at=uow.now)
            session.add(answer)
        answer.fraction = fraction
    session.execute(delete(AttemptAreaScore).where(AttemptAreaScore.attempt_id == attempt.id))
    session.add_all(AttemptAreaScore(attempt_id=attempt.id, area=a.area, score=a.score, max_score=a.max_score,
                                     percent=a.percent, minimum_percent=a.minimum_percent, passed=a.passed)
                    for a in outcome.areas)
    attempt.status = "finished"
    attempt.finished_at = min(uow.now, attempt.deadline_at) if finished_by == "timeout" else uow.now
    attempt.finished_by = finished_by
    attempt.score, attempt.max_score = outcome.score, outcome.max_score
    attempt.percent, attempt.passed = outcome.percent, outcome.passed
    session.flush()


def finish_attempt(uow: UnitOfWork, actor: Actor, attempt_id: int) -> AttemptResult:
    """Submit: score and store.  Submitting twice returns the stored result unchanged."""
    attempt = uow.session.get(Attempt, attempt_id)
    if attempt is None:
        raise UserError("attempt_not_found")
    require_examinee(actor, attempt.examinee_id)
    if attempt.status == "in_progress":
        finished_by = "timeout" if uow.now >= attempt.deadline_at else "examinee"
        _score(uow, attempt, finished_by)
        audit(uow, actor, "attempt_finish", attempt_id=attempt.id, finished_by=finished_by)
    uow.commit()
    return _result(uow, attempt)


def shows_pass_fail(uow: UnitOfWork, attempt_id: int) -> bool:
    """Whether the attempt's blueprint shows 合格／不合格 on the result page."""
    attempt = uow.session.get(Attempt, attempt_id)
    if attempt is None:
        raise UserError("attempt_not_found")
    return bool(_blueprint(uow, attempt)[1].get("show_pass_fail", True))


def finish_expired_attempts(uow: UnitOfWork, examinee_id: int | None = None) -> int:
    """Score every unfinished attempt whose deadline passed more than ``LATE_LIMIT`` ago (the caller
    commits).  Not at the deadline itself: answers given in time may still be on their way from a
    PC that lost the network (``LATE_LIMIT``); the PC itself submits at the deadline."""
    query = select(Attempt).where(Attempt.status == "in_progress", Attempt.deadline_at <= uow.now - LATE_LIMIT)
    if examinee_id is not None:
        query = query.where(Attempt.examinee_id == examinee_id)
    expired = list(uow.session.scalars(query))
    for attempt in expired:
        _score(uow, attempt, "timeout")
        audit(uow, SYSTEM, "attempt_timeout", attempt_id=attempt.id)
    return len(expired)


def get_result(uow: UnitOfWork, actor: Actor, attempt_id: int) -> AttemptResult:
    attempt = uow.session.get(Attempt, attempt_id)
    if attempt is None:
        raise UserError("attempt_not_found")
    require_examinee(actor, attempt.examinee_id)
    if attempt.status != "finished":
        raise UserError("attempt_not_found")
    return _result(uow, attempt)


def learning_links(uow: UnitOfWork, areas: list[str]) -> dict[str, list[tuple[str, str]]]:
    """(title, url) pairs per area, in the banks' order, for the areas asked for."""
    links: dict[str, list[tuple[str, str]]] = {area: [] for area in areas}
    for area, title, url in uow.session.execute(
            select(LearningLink.area, LearningLink.title, LearningLink.url)
            .where(LearningLink.area.in_(areas)).order_by(LearningLink.area, LearningLink.position)):
        links[area].append((title, url))
    return links


def review_allowed(policy: str, assessment: Assessment, now: Any) -> bool:
    """Keys and explanations reach the examinee only when the blueprint's policy allows it."""
    if policy == "always":
        return True
    if policy == "after_window":
        return now >= assessment.closes_at
    return False


def _result(uow: UnitOfWork, attempt: Attempt) -> AttemptResult:
    session = uow.session
    assessment, blueprint = _blueprint(uow, attempt)
    areas = tuple(AreaResult(r.area, r.score, r.max_score, r.percent, r.minimum_percent, r.passed)
                  for r in sorted(session.scalars(select(AttemptAreaScore).where(
                      AttemptAreaScore.attempt_id == attempt.id)),
                      key=lambda r: AREAS.index(r.area) if r.area in AREAS else 99))
    review: list[dict[str, Any]] = []
    if review_allowed(blueprint.get("review_policy", "after_window"), assessment, uow.now):
        answers = {a.position: a for a in session.scalars(select(Answer).where(Answer.attempt_id == attempt.id))}
        for row in session.scalars(select(AttemptItem).where(AttemptItem.attempt_id == attempt.id)
                                   .order_by(AttemptItem.position)):
            published = version(uow, row.item_version_id)
            content, raw = published.content, published.raw
            answer = answers.get(row.position)
            response = answer.response if answer else None
            chosen = published.kind.feedback_keys(response) if response is not None else []
            review.append({"position": row.position, "type": content.type, "stem": content.stem,
                           "options": raw.get("options", []), "premises": raw.get("premises", []),
                           "unit": content.unit, "key": raw["key"],
                           "explanation": content.explanation, "links": raw.get("links", []),
                           "feedback": [content.feedback[key] for key in chosen if key in content.feedback],
                           "response": response,
                           "fraction": answer.fraction if answer else 0.0, "pilot": row.pilot})
    assert attempt.finished_at is not None
    return AttemptResult(attempt.id, attempt.status, attempt.score or 0.0, attempt.max_score or 0.0,
                         attempt.percent or 0.0, bool(attempt.passed), areas, attempt.finished_at,
                         attempt.finished_by or "", tuple(review))
