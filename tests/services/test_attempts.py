"""Sitting an assessment through the services: draw, save, resume, deadline, finish."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from literacy_app.core.errors import NotAllowed, UserError
from literacy_app.services import assessments, attempts, finishing
from literacy_app.services._versions import version
from literacy_app.storage.models import Answer, Attempt, AttemptItem, AuditLog

from ..conftest import add_examinee, open_window


def _right(content):
    if content["type"] == "numeric":
        return content["key"]["value"]
    if content["type"] == "short_text":
        return content["key"][0]
    return content["key"]


@pytest.fixture
def sitting(published, clock):
    examinee = add_examinee(published)
    assessment_id = open_window(published, clock)
    with published.uow() as uow:
        state = attempts.start_attempt(uow, examinee, assessment_id, seed=7)
    return published, examinee, assessment_id, state


def test_list_shows_only_open_assessments_for_the_audience(published, clock):
    recruit = add_examinee(published, "000001", "recruit")
    manager = add_examinee(published, "000002", "manager")
    assessment_id = open_window(published, clock)
    with published.uow() as uow:
        listed = assessments.list_open_assessments(uow, recruit)
    assert [a.id for a in listed] == [assessment_id]
    assert listed[0].item_count == 10 and listed[0].time_limit_minutes == 30
    with published.uow() as uow:
        assert assessments.list_open_assessments(uow, manager) == []
    clock.advance(hours=9)
    with published.uow() as uow:
        assert assessments.list_open_assessments(uow, recruit) == []


def test_form_follows_blueprint_and_records_versions_and_option_order(sitting):
    database, _examinee, _aid, state = sitting
    assert len(state.items) == 10
    areas = [item.area for item in state.items]
    assert areas.count("security") == 7 and areas.count("data") == 3  # 6 + 1 pilot, 3
    assert "t-dat-004" not in {item.item_id for item in state.items}  # draft never drawn
    with database.uow(read_only=True) as uow:
        rows = uow.session.scalars(select(AttemptItem).where(AttemptItem.attempt_id == state.attempt_id)).all()
    assert sum(row.pilot for row in rows) == 1
    assert {row.item_version_id for row in rows} == {item.version_id for item in state.items}
    for item, row in zip(sorted(state.items, key=lambda i: i.position), sorted(rows, key=lambda r: r.position),
                         strict=True):
        assert [key for key, _text in item.options] == row.option_order


def test_same_seed_draws_the_same_form(published, clock):
    first, second = add_examinee(published, "000010"), add_examinee(published, "000011")
    assessment_id = open_window(published, clock)
    with published.uow() as uow:
        a = attempts.start_attempt(uow, first, assessment_id, seed=99)
    with published.uow() as uow:
        b = attempts.start_attempt(uow, second, assessment_id, seed=99)
    assert [(i.version_id, i.options) for i in a.items] == [(i.version_id, i.options) for i in b.items]


def test_form_items_carry_no_key_or_explanation(sitting):
    _database, _examinee, _aid, state = sitting
    for item in state.items:
        fields = vars(item)
        assert "key" not in fields and "explanation" not in fields


def test_save_is_committed_at_once_and_idempotent(sitting):
    database, examinee, _aid, state = sitting
    item = next(i for i in state.items if i.type == "single")
    with database.uow() as uow:
        assert attempts.save_answer(uow, examinee, state.attempt_id, item.position, item.options[0][0], seq=1)
    with database.uow() as uow:  # the same save again (a retry) changes nothing
        assert not attempts.save_answer(uow, examinee, state.attempt_id, item.position, item.options[0][0], seq=1)
    with database.uow() as uow:  # an older save arriving late never overwrites a newer one
        attempts.save_answer(uow, examinee, state.attempt_id, item.position, item.options[1][0], seq=3)
    with database.uow() as uow:
        assert not attempts.save_answer(uow, examinee, state.attempt_id, item.position, item.options[2][0], seq=2)
    with database.uow(read_only=True) as uow:
        answer = uow.session.get(Answer, (state.attempt_id, item.position))
        assert answer.response == item.options[1][0] and answer.seq == 3


def test_bad_responses_are_refused_and_store_nothing(sitting):
    database, examinee, _aid, state = sitting
    by_type = {item.type: item for item in state.items}
    cases = [("single", "zz"), ("single", ["a"]), ("multiple", "a"), ("true_false", "yes"),
             ("ordering", ["a"]), ("matching", {"p9": "a"}), ("numeric", "十四"), ("short_text", 5)]
    for kind, response in cases:
        with database.uow() as uow, pytest.raises(UserError) as caught:
            attempts.save_answer(uow, examinee, state.attempt_id, by_type[kind].position, response, seq=1)
        assert caught.value.code == "bad_response"
    with database.uow(read_only=True) as uow:
        assert uow.session.scalars(select(Answer).where(Answer.attempt_id == state.attempt_id)).all() == []


def test_other_people_cannot_touch_an_attempt(sitting):
    database, _examinee, _aid, state = sitting
    stranger = add_examinee(database, "000999")
    with database.uow() as uow, pytest.raises(NotAllowed):
        attempts.save_answer(uow, stranger, state.attempt_id, 1, None)
    with database.uow() as uow, pytest.raises(NotAllowed):
        attempts.resume_attempt(uow, stranger, state.attempt_id)


def test_resume_gives_answers_flags_position_and_remaining_time(sitting, clock):
    database, examinee, assessment_id, state = sitting
    first, second = state.items[0], state.items[1]
    numeric = next(i for i in state.items if i.type == "numeric")
    with database.uow() as uow:
        attempts.save_answer(uow, examinee, state.attempt_id, numeric.position, "１４", seq=1)
    with database.uow() as uow:
        attempts.set_flag(uow, examinee, state.attempt_id, second.position, True)
    with database.uow() as uow:
        attempts.set_position(uow, examinee, state.attempt_id, second.position)
    clock.advance(minutes=12)
    with database.uow() as uow:
        listed = assessments.list_open_assessments(uow, examinee)
    assert listed[0].unfinished_attempt_id == state.attempt_id
    with database.uow() as uow:
        again = attempts.resume_attempt(uow, examinee, state.attempt_id)
    assert again.answers == {numeric.position: 14.0}
    assert again.flags == {second.position} and again.last_position == second.position
    assert again.remaining_seconds == pytest.approx(18 * 60)
    assert [i.options for i in again.items] == [i.options for i in state.items]
    with database.uow() as uow:  # starting again returns the same unfinished attempt
        assert attempts.start_attempt(uow, examinee, assessment_id).attempt_id == state.attempt_id
    del first


def test_save_after_deadline_is_refused_and_changes_nothing(sitting, clock):
    database, examinee, _aid, state = sitting
    item = state.items[0]
    clock.advance(minutes=30)
    with database.uow() as uow, pytest.raises(UserError) as caught:
        attempts.save_answer(uow, examinee, state.attempt_id, item.position, None, seq=1)
    assert caught.value.code == "attempt_expired"
    assert "制限時間" in caught.value.render("ja")
    with database.uow(read_only=True) as uow:
        assert uow.session.get(Answer, (state.attempt_id, item.position)) is None


def test_expired_attempt_is_finished_automatically_with_what_was_saved(sitting, clock):
    database, examinee, _aid, state = sitting
    with database.uow() as uow:
        content = version(uow, state.items[0].version_id).raw
        attempts.save_answer(uow, examinee, state.attempt_id, 1, _right(content), seq=1)
    clock.advance(minutes=31)
    with database.uow() as uow:  # answers given in time may still be on their way for LATE_LIMIT
        assert finishing.finish_expired_attempts(uow) == 0
    clock.advance(minutes=5)
    with database.uow() as uow:
        assert finishing.finish_expired_attempts(uow) == 1
        uow.commit()
    with database.uow(read_only=True) as uow:
        attempt = uow.session.get(Attempt, state.attempt_id)
        assert attempt.status == "finished" and attempt.finished_by == "timeout"
        assert attempt.finished_at == state.deadline_at
        answers = uow.session.scalars(select(Answer).where(Answer.attempt_id == state.attempt_id)).all()
    assert len(answers) == 10 and sum(a.fraction for a in answers) == 1.0


def _save_late(database, examinee, state, given_at, seq=1):
    with database.uow() as uow:
        return attempts.save_answer(uow, examinee, state.attempt_id, 1, None, seq=seq, given_at=given_at)


def test_an_answer_given_before_the_deadline_arrives_late_after_an_outage_and_is_audited(sitting, clock):
    database, examinee, _aid, state = sitting
    clock.advance(minutes=29, seconds=50)
    given = clock.now  # the examinee answers 10 s before the deadline; the network is down
    clock.advance(minutes=1, seconds=30)  # it arrives 80 s after the deadline
    assert _save_late(database, examinee, state, given)
    with database.uow(read_only=True) as uow:
        assert uow.session.get(Answer, (state.attempt_id, 1)).seq == 1
        late = list(uow.session.scalars(select(AuditLog).where(AuditLog.action == "answer_late")))
    assert len(late) == 1 and late[0].actor == examinee.name
    assert late[0].detail["position"] == 1 and late[0].detail["late_seconds"] == 80.0
    assert late[0].detail["given_at"] == given.isoformat()


@pytest.mark.parametrize("case", ["given at the deadline", "given after it", "not dated", "dated before the start",
                                  "arriving past the limit"])
def test_a_late_answer_is_refused_unless_given_in_time_and_arriving_within_the_limit(sitting, clock, case):
    database, examinee, _aid, state = sitting
    deadline = state.deadline_at
    given = {"given at the deadline": deadline, "given after it": deadline + dt.timedelta(seconds=1),
             "not dated": None, "dated before the start": state.started_at - dt.timedelta(seconds=1),
             "arriving past the limit": deadline - dt.timedelta(seconds=1)}[case]
    clock.now = deadline + (finishing.LATE_LIMIT + dt.timedelta(seconds=1) if case == "arriving past the limit"
                            else dt.timedelta(seconds=30))
    with pytest.raises(UserError) as caught:
        _save_late(database, examinee, state, given)
    assert caught.value.code == "attempt_expired"
    with database.uow(read_only=True) as uow:
        assert uow.session.get(Answer, (state.attempt_id, 1)) is None
        assert uow.session.scalar(select(AuditLog).where(AuditLog.action == "answer_late")) is None


def test_finish_scores_all_types_and_excludes_pilot(sitting):
    database, examinee, _aid, state = sitting
    for item in state.items:
        with database.uow() as uow:
            content = version(uow, item.version_id).raw
            attempts.save_answer(uow, examinee, state.attempt_id, item.position, _right(content), seq=1)
    with database.uow() as uow:
        result = finishing.finish_attempt(uow, examinee, state.attempt_id)
    assert (result.score, result.max_score, result.percent, result.passed) == (9.0, 9.0, 100.0, True)
    assert [(a.area, a.max_score) for a in result.areas] == [("data", 3.0), ("security", 6.0)]
    assert len(result.review) == 10  # the test blueprint's review policy is "always"
    with database.uow() as uow, pytest.raises(UserError) as caught:
        attempts.save_answer(uow, examinee, state.attempt_id, 1, None, seq=9)
    assert caught.value.code == "attempt_finished"
    with database.uow() as uow:  # submitting twice returns the stored result
        assert finishing.finish_attempt(uow, examinee, state.attempt_id).score == 9.0


def test_security_minimum_fails_a_high_total(sitting):
    database, examinee, _aid, state = sitting
    for item in state.items:
        with database.uow() as uow:
            content = version(uow, item.version_id).raw
            right = _right(content)
            response = right if content["area"] == "data" or item.position % 2 else None
            attempts.save_answer(uow, examinee, state.attempt_id, item.position, response, seq=1)
    with database.uow() as uow:
        result = finishing.finish_attempt(uow, examinee, state.attempt_id)
    security = next(a for a in result.areas if a.area == "security")
    assert security.minimum_percent == 60.0
    assert result.passed == (security.passed and result.percent >= 60.0)


def test_access_code_and_attempt_limit(published, clock):
    examinee = add_examinee(published)
    assessment_id = open_window(published, clock, access_code="sakura-2026")
    with published.uow() as uow, pytest.raises(UserError) as caught:
        attempts.start_attempt(uow, examinee, assessment_id, access_code="wrong")
    assert caught.value.code == "access_code_wrong"
    with published.uow() as uow:
        state = attempts.start_attempt(uow, examinee, assessment_id, access_code=" sakura-2026 ")
    with published.uow() as uow:
        finishing.finish_attempt(uow, examinee, state.attempt_id)
    with published.uow() as uow, pytest.raises(UserError) as caught:
        attempts.start_attempt(uow, examinee, assessment_id, access_code="sakura-2026")
    assert caught.value.code == "no_attempts_left"


def test_review_after_window_hides_keys_until_the_window_closes(published, clock, tmp_path):
    import shutil

    from literacy_app.core.model import SYSTEM
    from literacy_app.services.publishing import publish_bank

    from ..conftest import BASIC_BANK

    bank = tmp_path / "bank"
    shutil.copytree(BASIC_BANK, bank)
    blueprint = bank / "blueprint.yaml"
    blueprint.write_text(blueprint.read_text(encoding="utf-8").replace(
        "review_policy: always", "review_policy: after_window"), encoding="utf-8")
    with published.uow() as uow:
        publish_bank(uow, SYSTEM, [bank])
    examinee = add_examinee(published)
    assessment_id = open_window(published, clock, hours=2)
    with published.uow() as uow:
        state = attempts.start_attempt(uow, examinee, assessment_id)
    with published.uow() as uow:
        assert finishing.finish_attempt(uow, examinee, state.attempt_id).review == ()
    clock.advance(hours=3)
    with published.uow() as uow:
        review = finishing.get_result(uow, examinee, state.attempt_id).review
    assert len(review) == 10 and all("key" in entry for entry in review)


def test_per_answer_feedback_follows_the_examinees_choice():
    from literacy_app.core.itemtypes import TYPES

    feedback = {"a": "よい判断です", "c": "添付を開くのは危険です", "true": "正しい", "false": "誤り"}

    def chosen(kind: str, response: object) -> list[str]:
        return [feedback[key] for key in TYPES[kind].feedback_keys(response) if key in feedback]

    assert chosen("single", "c") == ["添付を開くのは危険です"]
    assert chosen("multiple", ["a", "b", "c"]) == ["よい判断です", "添付を開くのは危険です"]
    assert chosen("true_false", False) == ["誤り"]
    assert chosen("numeric", 3.0) == [] and chosen("ordering", ["a", "c"]) == []
