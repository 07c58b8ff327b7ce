"""The examinee's side of the exam server, on a real ``serve`` process (SQLite, one room).

Each test here reproduces a finding of issue 11 against the old LAN mode (every PC holding the
database owner's credential and scoring itself) and checks what a curious examinee with the
client in hand can and cannot do now.
"""

from __future__ import annotations

import json

import httpx
import pytest
from sqlalchemy import func, select

from literacy_app.core.errors import UserError
from literacy_app.storage.models import Answer, Attempt, AuditLog

from ._lan import CODE, correct_responses, recomputed_score, secrets_of

pytestmark = pytest.mark.slow


def _sit(lan, client, staff_no, *, answers=None):
    window = lan.windows["recruit-standard"]
    state = client.start(staff_no, window, CODE)
    for seq, (position, response) in enumerate((answers or {}).items(), start=1):
        assert client.save_answer(state.attempt_id, position, response, seq)
    return state


def test_a_whole_attempt_start_save_resume_elsewhere_finish(lan):
    staff_no = lan.examinee()
    first_pc = lan.client()
    _actor, listed = first_pc.exam_login(staff_no)
    assert [a.title for a in listed] == ["新規採用職員 ICTリテラシー確認"] and listed[0].access_code_required
    state = first_pc.start(staff_no, listed[0].id, CODE)
    assert len(state.items) == 44 and 2690 <= state.remaining_seconds <= 2700
    correct = correct_responses(lan, state)
    half = dict(list(correct.items())[:20])
    for seq, (position, response) in enumerate(half.items(), start=1):
        assert first_pc.save_answer(state.attempt_id, position, response, seq)
    # the PC dies; the examinee goes to another PC and continues with the same code
    second_pc = lan.client()
    resumed = second_pc.resume(staff_no, state.attempt_id, CODE)
    assert resumed.answers == half and resumed.token != state.token
    with pytest.raises(UserError) as caught:  # the first PC's token no longer works
        first_pc.save_answer(state.attempt_id, 21, correct[21], 99)
    assert caught.value.code == "token_invalid"
    for seq, (position, response) in enumerate(list(correct.items())[20:], start=100):
        assert second_pc.save_answer(state.attempt_id, position, response, seq)
    result, links, _show = second_pc.finish(state.attempt_id)
    assert result.status == "finished" and result.percent == 100.0 and result.passed
    assert result.score == recomputed_score(lan, state.attempt_id)
    assert links and result.review == ()  # review_policy after_window: no keys yet
    with lan.database.uow(read_only=True) as uow:
        actions = uow.session.scalars(select(AuditLog.action).where(AuditLog.actor == staff_no)
                                      .order_by(AuditLog.id)).all()
    assert actions == ["attempt_start", "attempt_resume", "attempt_finish"]


def test_no_key_or_explanation_leaves_the_server_during_a_whole_attempt(lan):
    staff_no = lan.examinee()
    client = lan.client()
    bodies: list[bytes] = []

    def keep(response: httpx.Response) -> None:
        response.read()
        bodies.append(response.content)

    client.http.event_hooks["response"].append(keep)
    client.exam_login(staff_no)
    state = client.start(staff_no, lan.windows["recruit-standard"], CODE)
    answers = correct_responses(lan, state)
    for seq, (position, response) in enumerate(answers.items(), start=1):
        client.save_answer(state.attempt_id, position, response, seq)
        client.set_flag(state.attempt_id, position, True)
    client.reload(state.attempt_id)
    for item in state.items:
        if item.image:
            client.image(state.attempt_id, item.image["sha256"])
    client.finish(state.attempt_id)
    text = b"\n".join(bodies).decode("utf-8")
    assert len(bodies) > 90
    for field in ('"key"', '"explanation"', '"feedback"', '"weights"', '"scoring"', '"accept"'):
        assert field not in text, field
    leaked = [secret for secret in secrets_of(lan, state) if secret in text]
    assert leaked == []


def test_another_persons_attempt_cannot_be_resumed_or_started_without_their_code(lan):
    victim, attacker_pc = lan.examinee(), lan.client()
    state = _sit(lan, lan.client(), victim)
    for code in (None, "", "guess-1234", "guess-0000"):
        with pytest.raises(UserError) as caught:
            attacker_pc.resume(victim, state.attempt_id, code)
        assert caught.value.code == "access_code_wrong"
    with pytest.raises(UserError) as caught:  # starting again returns the same attempt: also coded
        attacker_pc.start(victim, lan.windows["recruit-standard"], "guess-5678")
    assert caught.value.code in ("access_code_wrong", "too_many_tries")
    # after five wrong codes the person's attempts wait, even with the right code; every try is audited
    with pytest.raises(UserError) as caught:
        attacker_pc.resume(victim, state.attempt_id, CODE)
    assert caught.value.code == "too_many_tries" and "秒" in caught.value.render()
    with lan.database.uow(read_only=True) as uow:
        wrong = uow.session.scalar(select(func.count()).select_from(AuditLog).where(
            AuditLog.actor == victim, AuditLog.action == "code_wrong"))
        attempt = uow.session.get(Attempt, state.attempt_id)
    assert wrong == 5 and attempt.status == "in_progress"


def test_the_score_is_the_servers_and_cannot_be_changed_from_a_pc(lan):
    staff_no = lan.examinee()
    client = lan.client()
    state = _sit(lan, client, staff_no)
    token = client.attempt_token
    url = f"/attempts/{state.attempt_id}/finish"
    sent = client.http.post(url, json={"score": 40, "passed": True}, headers={"Authorization": f"Bearer {token}"})
    assert sent.status_code == 400 and "知らない項目" in sent.json()["message"]
    result, _links, _show = client.finish(state.attempt_id)
    assert result.score == 0.0 == recomputed_score(lan, state.attempt_id) and not result.passed
    with pytest.raises(UserError) as caught:  # nothing changes after submitting
        client.save_answer(state.attempt_id, 1, correct_responses(lan, state)[1], 500)
    assert caught.value.code == "attempt_finished"
    with lan.database.uow(read_only=True) as uow:
        assert uow.session.get(Attempt, state.attempt_id).score == 0.0


def test_a_forged_role_or_a_borrowed_token_is_refused(lan):
    staff_no = lan.examinee()
    examinee_pc = lan.client()
    state = _sit(lan, examinee_pc, staff_no)
    # an attempt token is not a staff session
    forged = examinee_pc.http.post("/hr/summary", json={"year": 2026, "min_group": 5},
                                   headers={"Authorization": f"Bearer {examinee_pc.attempt_token}"})
    assert forged.status_code == 401 and forged.json()["error"] == "session_expired"
    # a role in the body is not accepted, and the trainer's session does not open HR's figures
    trainer = lan.client()
    trainer.sign_in("trainer1", "correct horse battery")
    headers = {"Authorization": f"Bearer {trainer.staff_token}"}
    with_role = trainer.http.post("/hr/summary", json={"year": 2026, "min_group": 5, "role": "hr"}, headers=headers)
    assert with_role.status_code == 400
    as_trainer = trainer.http.post("/hr/summary", json={"year": 2026, "min_group": 5}, headers=headers)
    assert as_trainer.status_code == 403 and "権限" in as_trainer.json()["message"]
    # another attempt's token does not open this one
    other = lan.client()
    other_state = _sit(lan, other, lan.examinee())
    stolen = other.http.put(f"/attempts/{state.attempt_id}/answers/1", json={"response": None, "seq": 9},
                            headers={"Authorization": f"Bearer {other.attempt_token}"})
    assert stolen.status_code == 401 and other_state.attempt_id != state.attempt_id


BAD_BODIES = [
    (b"{not json", "JSON"),
    (json.dumps({"response": "a", "seq": 1, "admin": True}).encode(), "知らない項目"),
    (json.dumps({"response": "a", "seq": "1"}).encode(), "seq"),
    (json.dumps({"response": "a"}).encode(), "必要な項目"),
    (json.dumps({"response": "a", "seq": -1}).encode(), "seq"),
    (json.dumps({"response": "x" * 70_000, "seq": 1}).encode(), "大きすぎ"),
]


@pytest.mark.parametrize(("raw", "words"), BAD_BODIES)
def test_bad_input_gets_a_4xx_with_a_sentence_and_stores_nothing(lan, raw, words):
    staff_no = lan.examinee()
    client = lan.client()
    state = _sit(lan, client, staff_no)
    sent = client.http.put(f"/attempts/{state.attempt_id}/answers/1", content=raw,
                           headers={"Authorization": f"Bearer {client.attempt_token}",
                                    "Content-Type": "application/json"})
    assert 400 <= sent.status_code < 500
    assert words in sent.json()["message"] and "Traceback" not in sent.text
    with lan.database.uow(read_only=True) as uow:
        assert uow.session.scalar(select(func.count()).select_from(Answer)
                                  .where(Answer.attempt_id == state.attempt_id)) == 0


def test_a_response_that_does_not_fit_the_item_and_unknown_tokens_are_refused(lan):
    client = lan.client()
    state = _sit(lan, client, lan.examinee())
    with pytest.raises(UserError) as caught:
        client.save_answer(state.attempt_id, 1, {"not": "an answer"}, 1)
    assert caught.value.code == "bad_response"
    for token in ("x" * 43, "not-a-token", "y" * 300):
        sent = client.http.put(f"/attempts/{state.attempt_id}/answers/1", json={"response": None, "seq": 2},
                               headers={"Authorization": f"Bearer {token}"})
        assert sent.status_code == 401 and sent.json()["message"]
    assert client.http.get("/no/such/call").status_code == 404


def test_an_expired_token_is_refused(lan):
    import datetime as dt

    from sqlalchemy import update

    client = lan.client()
    state = _sit(lan, client, lan.examinee())
    with lan.database.uow() as uow:  # move the deadline back past the grace period
        uow.session.execute(update(Attempt).where(Attempt.id == state.attempt_id).values(
            deadline_at=lan.database.clock() - dt.timedelta(minutes=11)))
        uow.commit()
    with pytest.raises(UserError) as caught:
        client.save_answer(state.attempt_id, 1, None, 1)
    assert caught.value.code == "token_expired"


def test_an_old_client_is_told_to_update(lan):
    sent = httpx.post(f"{lan.url}/api/v1/exam/login", json={"staff_no": "000101"},
                      headers={"X-Literacy-Client": "0.0.9"})
    assert sent.status_code == 426 and "更新" in sent.json()["message"]
    sent = httpx.post(f"{lan.url}/api/v1/exam/login", json={"staff_no": "000101"},
                      headers={"X-Literacy-Client": "0.0.9", "Accept-Language": "en"})
    assert "update" in sent.json()["message"]


def test_an_answer_given_before_the_deadline_crosses_the_wire_late_and_one_given_after_never_does(lan):
    """The deadline rule over HTTP: the PC dates each change on the server's clock (``given_at``)."""
    import datetime as dt

    from sqlalchemy import update

    client = lan.client()
    state = _sit(lan, client, lan.examinee())
    now = lan.database.clock()  # an attempt started 10 minutes ago whose deadline passed 40 s ago
    deadline = now - dt.timedelta(seconds=40)
    with lan.database.uow() as uow:
        uow.session.execute(update(Attempt).where(Attempt.id == state.attempt_id).values(
            started_at=now - dt.timedelta(minutes=10), deadline_at=deadline))
        uow.commit()
    assert client.save_answer(state.attempt_id, 1, None, 1, given_at=deadline - dt.timedelta(seconds=5))
    for refused in (deadline + dt.timedelta(seconds=1), None):
        with pytest.raises(UserError) as caught:
            client.save_answer(state.attempt_id, 2, None, 2, given_at=refused)
        assert caught.value.code == "attempt_expired"
    naive = client.http.put(f"/attempts/{state.attempt_id}/answers/2",
                            json={"response": None, "seq": 3, "given_at": "2026-12-08T09:00:00"},
                            headers={"Authorization": f"Bearer {client.attempt_token}"})
    assert naive.status_code == 400  # a time without its zone is refused, not guessed
    with lan.database.uow(read_only=True) as uow:
        stored = uow.session.scalars(select(Answer.position).where(Answer.attempt_id == state.attempt_id)).all()
        late = uow.session.scalars(select(AuditLog.detail).where(AuditLog.action == "answer_late")).all()
    assert stored == [1] and len(late) == 1 and late[0]["position"] == 1
