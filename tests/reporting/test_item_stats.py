"""Item statistics of a real (demo) assessment against direct SQL figures."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from literacy_app.core.model import SYSTEM, Actor
from literacy_app.reporting.figures.item_stats import assessment_item_statistics
from literacy_app.services.demo import generate_demo
from literacy_app.storage.models import Answer, Assessment, Attempt, AttemptItem, ItemVersion


@pytest.fixture
def demo(database):
    with database.uow() as uow:
        generate_demo(uow, SYSTEM, 120, 1, seed=3)
    return database


def test_facility_matches_sql_and_reliability_is_by_slot(demo):
    with demo.uow(read_only=True) as uow:
        assessment_id = uow.session.scalars(
            select(Attempt.assessment_id).group_by(Attempt.assessment_id)
            .order_by(func.count().desc())).first()
        stats = assessment_item_statistics(uow, Actor("staff", 1, "hr", "hr"), assessment_id)
        assert stats is not None
        # facility of the most seen item, straight from SQL
        index = max(range(len(stats.items)), key=lambda i: stats.items[i].n)
        item_id = stats.item_ids[index]
        mean_fraction = uow.session.scalar(
            select(func.avg(func.coalesce(Answer.fraction, 0.0)))
            .join(AttemptItem, (AttemptItem.attempt_id == Answer.attempt_id)
                  & (AttemptItem.position == Answer.position))
            .join(ItemVersion, ItemVersion.id == AttemptItem.item_version_id)
            .join(Attempt, Attempt.id == Answer.attempt_id)
            .where(Attempt.assessment_id == assessment_id, Attempt.status == "finished",
                   ItemVersion.item_id == item_id, AttemptItem.pilot.is_(False)))
        title = uow.session.scalar(select(Assessment.title).where(Assessment.id == assessment_id))
    assert stats.items[index].facility == pytest.approx(float(mean_fraction), abs=1e-9)
    form = stats.by_position
    assert form.s == form.attempts > 0 and form.cic is not None, title
    assert 0 < form.cic < 100  # the ability model makes the form consistent but not perfect
    assert all("few_responses" in item.flags for item in stats.items if item.n < 30)


def test_examinees_cannot_read_item_statistics(demo):
    from literacy_app.core.errors import NotAllowed

    with demo.uow(read_only=True) as uow, pytest.raises(NotAllowed):
        assessment_item_statistics(uow, Actor("examinee", 1, "000001"), 1)


def test_pilot_items_get_facility_and_correlation_with_the_scored_total(demo):
    import numpy as np

    with demo.uow(read_only=True) as uow:
        assessment_id = uow.session.scalars(
            select(Attempt.assessment_id).group_by(Attempt.assessment_id).order_by(func.count().desc())).first()
        stats = assessment_item_statistics(uow, Actor("staff", 1, "hr", "hr"), assessment_id)
        rows = uow.session.execute(
            select(Attempt.id, ItemVersion.item_id, AttemptItem.pilot, func.coalesce(Answer.fraction, 0.0))
            .join(AttemptItem, AttemptItem.attempt_id == Attempt.id)
            .join(Answer, (Answer.attempt_id == AttemptItem.attempt_id) & (Answer.position == AttemptItem.position))
            .join(ItemVersion, ItemVersion.id == AttemptItem.item_version_id)
            .where(Attempt.assessment_id == assessment_id, Attempt.status == "finished")).all()
    assert stats.pilot, "the demo blueprints draw pilot items"
    assert not set(p.item_id for p in stats.pilot) & set(stats.item_ids)  # never among the scored items
    totals: dict[int, float] = {}
    for attempt, _item, pilot, fraction in rows:  # the demo bank's items are worth 1 point each
        totals[attempt] = totals.get(attempt, 0.0) + (0.0 if pilot else fraction)
    most_seen = max(stats.pilot, key=lambda p: p.n)
    seen = [(fraction, totals[attempt]) for attempt, item, pilot, fraction in rows if item == most_seen.item_id]
    x, t = np.array(seen).T
    assert most_seen.n == len(seen)
    assert most_seen.facility == pytest.approx(x.mean(), abs=1e-9)
    if x.std() > 0 and t.std() > 0:
        assert most_seen.total_correlation == pytest.approx(np.corrcoef(x, t)[0, 1], abs=1e-9)
