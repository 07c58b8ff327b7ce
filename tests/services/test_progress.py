"""Assessment windows for a cohort (by 所属 or by staff list) and HR's progress counts per 所属."""

from __future__ import annotations

import pytest

from literacy_app.core.errors import NotAllowed, UserError
from literacy_app.core.model import Actor
from literacy_app.core.suppression import MinGroupTooSmall
from literacy_app.services import assessments, attempts, cohort, finishing, progress

from ..conftest import add_examinee, open_window

SOMU, JINJI, BUNSHO = "総務局/総務部/総務課", "総務局/総務部/人事課", "総務局/総務部/文書課"
KUSEI = "市民局/区政部/区政課"


def _people(database, org: str, first: int, count: int, audience: str = "recruit") -> list[Actor]:
    return [add_examinee(database, f"{first + i:06d}", audience, org, name=f"職員 {first + i}")
            for i in range(count)]


def _visible(database, examinee: Actor) -> list[int]:
    with database.uow() as uow:
        return [a.id for a in assessments.list_open_assessments(uow, examinee)]


def _start(database, examinee: Actor, assessment_id: int, finish: bool = False) -> None:
    with database.uow() as uow:
        state = attempts.start_attempt(uow, examinee, assessment_id, seed=examinee.id)
    if finish:
        with database.uow() as uow:
            finishing.finish_attempt(uow, examinee, state.attempt_id)


def _rows(database, actor: Actor, assessment_id: int, min_group: int = 5) -> dict[str, progress.ProgressRow]:
    with database.uow(read_only=True) as uow:
        return {row.org_path + ("/その他" if row.other else ""): row
                for row in progress.assessment_progress(uow, actor, assessment_id, min_group)}


@pytest.fixture
def city(published):
    """総務課 6, 人事課 7, 文書課 2 recruits in 総務局; 3 in 市民局; one manager in 総務課."""
    people = {org: _people(published, org, first, n) for org, first, n in
              ((SOMU, 100, 6), (JINJI, 200, 7), (BUNSHO, 300, 2), (KUSEI, 400, 3))}
    people["manager"] = _people(published, SOMU, 500, 1, "manager")
    return published, people


def test_org_prefix_decides_who_sees_the_window(city, clock):
    database, people = city
    assessment_id = open_window(database, clock, cohort={"org_prefixes": ["総務局"]})
    assert _visible(database, people[SOMU][0]) == [assessment_id]
    assert _visible(database, people[BUNSHO][1]) == [assessment_id]
    assert _visible(database, people[KUSEI][0]) == []
    assert _visible(database, people["manager"][0]) == []  # the blueprint's audience still applies


def test_staff_list_decides_who_sees_the_window(city, clock, hr, monkeypatch):
    database, people = city
    chosen = [people[SOMU][0], people[KUSEI][2], people["manager"][0]]
    assessment_id = open_window(database, clock, cohort={"staff_nos": [p.name for p in chosen], "audiences": []})
    for person in chosen:
        assert _visible(database, person) == [assessment_id]
    assert _visible(database, people[SOMU][1]) == []
    monkeypatch.setattr(cohort, "_CHUNK", 2)  # the list is queried in chunks; the sums must agree
    assert _rows(database, hr, assessment_id, min_group=3)[""].suppressed  # the city's minimum is 5
    from literacy_app.core.model import SYSTEM
    from literacy_app.services.settings import set_privacy_min_group

    with database.uow() as uow:  # a city that chose 3 (never below)
        assert set_privacy_min_group(uow, SYSTEM, 3) == 5
    rows = _rows(database, hr, assessment_id, min_group=3)
    assert rows[""].target == 3 and rows[""].not_started == 3  # the three together: one block
    assert all(row.suppressed for path, row in rows.items() if path)  # one person per 局: no row of its own


def test_counts_per_status_and_suppression(city, clock, hr):
    database, people = city
    assessment_id = open_window(database, clock, cohort={"org_prefixes": ["総務局"]})
    _start(database, people[JINJI][0], assessment_id, finish=True)
    _start(database, people[JINJI][1], assessment_id, finish=True)
    _start(database, people[JINJI][2], assessment_id)
    _start(database, people[SOMU][0], assessment_id, finish=True)
    _start(database, people[BUNSHO][0], assessment_id)
    rows = _rows(database, hr, assessment_id)
    # 市民局 is not in the cohort; 文書課 (2) is under 5 and merges upward; with nobody else above, it
    # takes in the smallest block (総務課, 6): a 「その他」 of eight, all in 総務部
    assert list(rows) == ["", "総務局", "総務局/総務部", JINJI, BUNSHO, SOMU, "総務局/総務部/その他"]
    total = rows[""]
    assert (total.target, total.not_started, total.in_progress, total.finished) == (15, 10, 2, 3)
    assert not total.suppressed and not total.partial
    jinji = rows[JINJI]
    assert (jinji.depth, jinji.target, jinji.not_started, jinji.in_progress, jinji.finished) == (3, 7, 4, 1, 2)
    for path in ("総務局", "総務局/総務部"):  # all of them, in 人事課 and the 「その他」
        assert not rows[path].partial and rows[path].target == 15
    for path in (BUNSHO, SOMU):
        row = rows[path]
        assert row.suppressed and row.target is None and row.finished is None and row.not_started is None
    other = rows["総務局/総務部/その他"]
    assert other.other and (other.target, other.finished) == (8, 1)
    # no difference of rows describes fewer than five: 15 − 7 = 8 is the 「その他」 itself
    clock.advance(minutes=31)  # past the 30-minute limit: an unfinished attempt counts as finished
    jinji = _rows(database, hr, assessment_id)[JINJI]
    assert (jinji.in_progress, jinji.finished) == (0, 3)


def test_a_lone_head_of_a_department_does_not_hide_a_large_section(city, clock, hr):
    """Issue 14: a single 部長 sitting in a 部 itself hid a 15-person 課 under the old rule."""
    database, people = city
    for number in range(15):
        add_examinee(database, f"0009{number:02d}", "recruit", "環境局/環境部/環境課", name=f"環境 {number}")
    add_examinee(database, "000990", "recruit", "環境局/環境部", name="環境 部長")
    for number in range(4):
        add_examinee(database, f"00098{number}", "recruit", "環境局/監査室", name=f"監査 {number}")
    assessment_id = open_window(database, clock, cohort={"org_prefixes": ["環境局"]})
    rows = _rows(database, hr, assessment_id)
    section = rows["環境局/環境部/環境課"]
    assert not section.suppressed and section.target == 15 and not section.partial  # shown whole
    assert rows["環境局/環境部"].partial and rows["環境局/環境部"].target == 15  # the 部長 is counted above
    assert rows["環境局/その他"].target == 5 and rows["環境局/監査室"].suppressed  # 部長 + 監査室 together
    assert rows[""].target == 20


def test_only_hr_and_admin_see_progress(city, clock, hr):
    database, people = city
    assessment_id = open_window(database, clock)
    assert _rows(database, Actor("staff", 1, "admin", "admin"), assessment_id)[""].target == 18  # every recruit
    with pytest.raises(NotAllowed):
        _rows(database, Actor("staff", 2, "trainer", "trainer"), assessment_id)
    with pytest.raises(NotAllowed):
        _rows(database, people[SOMU][0], assessment_id)
    with pytest.raises(MinGroupTooSmall):
        _rows(database, hr, assessment_id, min_group=2)
    with pytest.raises(UserError) as error:
        _rows(database, hr, assessment_id + 1)
    assert error.value.code == "assessment_unknown"


def test_a_closed_windows_counts_stay_after_the_roster_changes(city, clock, hr):
    """Issue 13: 人事異動 after a window closed moved its people between units in 受験状況 and added
    newcomers to its target.  Now the window keeps the cohort it had when the roster first changed."""
    database, people = city
    assessment_id = open_window(database, clock, cohort={"org_prefixes": ["総務局"]})
    for person in people[JINJI][:4]:
        _start(database, person, assessment_id, finish=True)
    clock.advance(hours=9)  # the window has closed
    before = _rows(database, hr, assessment_id)
    for n, person in enumerate(people[JINJI]):  # 人事課 moves to 市民局; newcomers join 総務課
        add_examinee(database, person.name, "recruit", KUSEI, name=f"異動 {n}")
    _people(database, SOMU, 600, 6)
    assert _rows(database, hr, assessment_id) == before
    assert before[JINJI].target == 7 and before[JINJI].finished == 4


def test_hr_closes_and_extends_a_window_audited_and_a_reopened_window_counts_today_again(city, clock, hr):
    """Issue 13: closing or extending a window needed the database; now a service (and the CLI) does it."""
    import datetime as dt

    from sqlalchemy import select

    from literacy_app.storage.models import AuditLog

    database, people = city
    assessment_id = open_window(database, clock, cohort={"org_prefixes": ["総務局"]})
    _start(database, people[JINJI][0], assessment_id)  # sitting when the window closes
    with database.uow() as uow:
        assessments.change_window(uow, hr, assessment_id, clock())
    assert _visible(database, people[SOMU][0]) == []  # closed: no new start
    add_examinee(database, people[SOMU][0].name, "recruit", KUSEI)  # a roster change: the cohort is kept
    before = _rows(database, hr, assessment_id)[""].target
    with database.uow() as uow:
        assessments.change_window(uow, hr, assessment_id, clock() + dt.timedelta(hours=2))
    assert _visible(database, people[SOMU][1]) == [assessment_id]  # open again
    assert _rows(database, hr, assessment_id)[""].target == before - 1  # today's roster again: one moved out
    with database.uow() as uow, pytest.raises(UserError) as caught:
        assessments.change_window(uow, hr, assessment_id, clock() - dt.timedelta(days=1))
    assert caught.value.code == "assessment_end_before_start"
    with database.uow(read_only=True) as uow:
        changes = uow.session.scalars(select(AuditLog).where(AuditLog.action == "assessment_window_change")).all()
    assert len(changes) == 2 and changes[0].actor == hr.name
