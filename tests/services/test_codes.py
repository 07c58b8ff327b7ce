"""Codes at start and at resume, seat codes, and the counting of wrong codes (issue 11: "a person
can resume or use up another person's attempt by typing their 職員番号; resume asks for no code;
wrong access codes are never counted")."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from literacy_app.core.errors import NotAllowed, UserError
from literacy_app.core.model import Actor
from literacy_app.services import assessments, attempts, codes
from literacy_app.storage.models import AuditLog

from ..conftest import add_examinee, open_window

CODE = "sakura-2026"


def _start(database, examinee, assessment_id, code, **kwargs):
    with database.uow() as uow:
        return attempts.start_attempt(uow, examinee, assessment_id, code, **kwargs)


def _resume(database, examinee, attempt_id, code, **kwargs):
    with database.uow() as uow:
        return attempts.resume_attempt(uow, examinee, attempt_id, code, **kwargs)


def test_resuming_needs_the_code_too(published, clock):
    examinee = add_examinee(published)
    window = open_window(published, clock, access_code=CODE)
    state = _start(published, examinee, window, CODE)
    for code in (None, "", "wrong"):
        with pytest.raises(UserError) as caught:
            _resume(published, examinee, state.attempt_id, code)
        assert caught.value.code == "access_code_wrong"
        with pytest.raises(UserError) as caught:  # "start" again continues the same attempt: same rule
            _start(published, examinee, window, code)
        assert caught.value.code in ("access_code_wrong", "too_many_tries")
    with published.uow(read_only=True) as uow:
        listed = assessments.list_open_assessments(uow, examinee)
    assert listed[0].unfinished_attempt_id == state.attempt_id and listed[0].access_code_required


def test_wrong_codes_are_counted_slowed_then_locked_and_audited(published, clock):
    examinee = add_examinee(published)
    window = open_window(published, clock, access_code=CODE)
    for _ in range(5):
        with pytest.raises(UserError):
            _start(published, examinee, window, "guess", address="10.1.2.3")
    with pytest.raises(UserError) as caught:  # now even the right code waits
        _start(published, examinee, window, CODE, address="10.1.2.4")
    assert caught.value.code == "too_many_tries"
    clock.advance(seconds=2)
    assert _start(published, examinee, window, CODE).status == "in_progress"
    with published.uow(read_only=True) as uow:
        rows = uow.session.scalars(select(AuditLog.detail).where(AuditLog.action == "code_wrong")).all()
    assert len(rows) == 5 and rows[0]["address"] == "10.1.2.3"


def test_seat_codes_are_personal(published, clock, hr):
    first, second = add_examinee(published, "000123"), add_examinee(published, "000124")
    window = open_window(published, clock)
    with published.uow() as uow:
        issued = codes.issue_seat_codes(uow, hr, window)
    assert issued.title and issued.opens_at < issued.closes_at
    slips = {slip.staff_no: slip for slip in issued.slips}
    assert set(slips) == {"000123", "000124"} and len(slips["000123"].code) == 9  # ABCD-EFGH
    with pytest.raises(UserError) as caught:  # someone else's slip does not open mine
        _start(published, first, window, slips["000124"].code)
    assert caught.value.code == "seat_code_wrong" and "受験票のコードが違います" in caught.value.render()
    typed = slips["000123"].code.lower().replace("-", " ")  # 小文字・空白でも受け付ける
    state = _start(published, first, window, typed)
    assert _resume(published, first, state.attempt_id, slips["000123"].code).attempt_id == state.attempt_id
    with published.uow(read_only=True) as uow:
        assert assessments.list_open_assessments(uow, second)[0].seat_codes
    with published.uow() as uow, pytest.raises(NotAllowed):
        codes.issue_seat_codes(uow, Actor("staff", 5, "trainer", "trainer"), window)


def test_a_lan_window_without_any_code_is_refused(published, clock):
    examinee = add_examinee(published)
    window = open_window(published, clock)
    with pytest.raises(UserError) as caught:
        _start(published, examinee, window, None, require_code=True)
    assert caught.value.code == "window_without_code"
    with published.uow(read_only=True) as uow:
        assert uow.session.scalar(select(func.count()).select_from(AuditLog)
                                  .where(AuditLog.action == "attempt_start")) == 0


def test_attempt_tokens_are_issued_replaced_and_checked(published, clock):
    examinee = add_examinee(published)
    window = open_window(published, clock, access_code=CODE)
    first = _start(published, examinee, window, CODE, issue_token=True)
    second = _resume(published, examinee, first.attempt_id, CODE, issue_token=True)
    assert first.token and second.token and first.token != second.token and len(second.token) >= 43
    with published.uow(read_only=True) as uow:
        assert attempts.token_actor(uow, first.attempt_id, second.token).id == examinee.id
        with pytest.raises(UserError):
            attempts.token_actor(uow, first.attempt_id, first.token)
    clock.advance(hours=2)  # past the deadline (30 minutes) and its grace
    with published.uow(read_only=True) as uow, pytest.raises(UserError) as caught:
        attempts.token_actor(uow, first.attempt_id, second.token)
    assert caught.value.code == "token_expired"
