"""Issue 13: a report counts people, not attempts, and a past 年度 stays as it was printed.

Found: one retake window gave 「29 人, 受験率 111.5 %」 for 26 people (every attempt counted); and a
past 年度's figures changed after each 人事異動 import, because results were attributed to the
roster's 所属 and 区分 of the day.  Now the last finished attempt per person and blueprint in the
年度 counts, with the 所属 and 区分 the person had when it started, and a closed window keeps
the cohort it was open to before the roster changes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from literacy_app.core.model import SYSTEM, Actor
from literacy_app.reporting.figures.summary import build_summary
from literacy_app.services import assessments, attempts, finishing, people, roster
from literacy_app.services._versions import version
from literacy_app.storage.models import Examinee

from .test_summary import HR


def _retake(database, clock, staff_nos: list[str]) -> dict[str, float]:
    """A retake window after the first one closed: these people sit again, answering everything right."""
    clock.now = dt.datetime(2026, 9, 1, tzinfo=dt.UTC)
    with database.uow() as uow:
        window = assessments.open_assessment(uow, SYSTEM, "test-blueprint", clock.now, clock.now + dt.timedelta(days=7),
                                             title="再受験")
    results = {}
    for staff_no in staff_nos:
        with database.uow() as uow:
            examinee = uow.session.query(Examinee).filter_by(staff_no=staff_no).one()
            actor = Actor("examinee", examinee.id, staff_no)
            state = attempts.start_attempt(uow, actor, window, seed=1)
        for item in state.items:
            with database.uow() as uow:
                content = version(uow, item.version_id).raw
                key = content["key"]
                response = (key["value"] if content["type"] == "numeric"
                            else key[0] if content["type"] == "short_text" else key)
                attempts.save_answer(uow, actor, state.attempt_id, item.position, response, seq=1)
        with database.uow() as uow:
            results[staff_no] = finishing.finish_attempt(uow, actor, state.attempt_id).percent
    return results


def test_a_retake_counts_the_person_once_with_their_last_result(year_2026, clock):
    database, _staff, percents = year_2026
    retaken = _retake(database, clock, ["000001", "000002", "000003"])
    with database.uow(read_only=True) as uow:
        summary = build_summary(uow, HR, 2026)
    assert (summary.eligible, summary.finished) == (19, 19)  # was 22 people of 19, 受験率 115.8 %
    assert summary.participation == 1.0
    last = {**percents, **retaken}
    assert summary.mean_percent == pytest.approx(sum(last.values()) / 19, abs=1e-3)
    assert sum(count for _label, count in summary.distribution) == 19


def _figures(database, **options) -> dict:
    with database.uow(read_only=True) as uow:
        summary = build_summary(uow, HR, 2026, **options)
    found = dataclasses.asdict(summary)
    found.pop("pending")
    return found


def test_a_roster_import_after_the_year_changes_no_figure_of_it(year_2026, clock, tmp_path):
    database, staff, _percents = year_2026
    before = [_figures(database), _figures(database, org_unit="総務局"), _figures(database, org_unit="市民局")]
    clock.now = dt.datetime(2027, 4, 10, tzinfo=dt.UTC)  # the next 年度's 人事異動
    moved = "\n".join(f"{staff_no},職員 {staff_no},市民局/区政部/戸籍課,{'管理職' if n == 0 else '新規採用'}"
                      for n, (staff_no, _org) in enumerate(staff[:8]))
    newcomers = "\n".join(f"0100{n:02d},新人 {n},総務局/総務部/総務課,新規採用" for n in range(5))
    file = tmp_path / "roster-2027.csv"
    file.write_text(f"職員番号,氏名,所属,区分\n{moved}\n{newcomers}\n", encoding="utf-8")
    with database.uow() as uow:
        report = roster.import_roster(uow, SYSTEM, file)
    assert report.stored and (report.new, report.updated) == (5, 8)
    with database.uow() as uow:  # and one more by hand
        people.add_examinee(uow, SYSTEM, staff[10][0], "職員 異動", "総務局/総務部/法務課", "recruit")
    after = [_figures(database), _figures(database, org_unit="総務局"), _figures(database, org_unit="市民局")]
    assert after == before
