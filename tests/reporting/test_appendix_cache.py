"""The item-statistics appendix is cached per assessment (as Moodle caches quiz statistics) and
recomputed as soon as another attempt finishes."""

from __future__ import annotations

from sqlalchemy import select, update

from literacy_app.core.model import SYSTEM, Actor
from literacy_app.reporting.figures.summary import make_summary
from literacy_app.services import attempts, finishing, people
from literacy_app.storage.models import StatisticsCache

from .test_summary import HR


def _cache_rows(database):
    with database.uow(read_only=True) as uow:
        return {row.assessment_id: (row.signature, row.payload) for row in uow.session.scalars(select(StatisticsCache))}


def test_the_appendix_is_stored_reused_and_refreshed(year_2026, clock):
    database, staff, _percents = year_2026
    first = make_summary(database, HR, 2026)
    rows = _cache_rows(database)
    assert len(rows) == 1 and first.appendix
    (assessment_id, (signature, payload)), = rows.items()
    assert payload["attempts"] == first.appendix[0].attempts == 19

    # a fresh cache entry is what the next summary shows: tamper with it to prove it is read
    with database.uow() as uow:
        uow.session.execute(update(StatisticsCache).values(payload={**payload, "title": "キャッシュから"}))
        uow.commit()
    assert make_summary(database, HR, 2026).appendix[0].title == "キャッシュから"

    # one more finished attempt makes the entry stale: recomputed, and stored again
    with database.uow() as uow:
        info = people.add_examinee(uow, SYSTEM, "777777", "職員 777777", "市民局/区政部/戸籍課", "recruit")
    actor = Actor("examinee", info.id, "777777")
    with database.uow() as uow:
        state = attempts.start_attempt(uow, actor, assessment_id, seed=7)
    with database.uow() as uow:
        finishing.finish_attempt(uow, actor, state.attempt_id)
    third = make_summary(database, HR, 2026)
    assert [(entry.title != "キャッシュから", entry.attempts) for entry in third.appendix] == [(True, 20)]
    rows = _cache_rows(database)
    assert rows[assessment_id][0] != signature and rows[assessment_id][1]["attempts"] == 20
