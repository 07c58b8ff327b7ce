"""Demo data: plausible people and results, consistent with the real assembly and scoring,
reproducible from the seed, admin only, and refused on a database that already has attempts."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter, defaultdict

import pytest
from sqlalchemy import func, select

from literacy_app.core.assembly import draw_form
from literacy_app.core.demo_model import JST
from literacy_app.core.errors import NotAllowed, UserError
from literacy_app.core.fiscal import fiscal_year
from literacy_app.core.model import SYSTEM, Actor
from literacy_app.core.scoring import score_fraction
from literacy_app.services import demo
from literacy_app.services.assessments import item_count
from literacy_app.services.attempts import _pool
from literacy_app.services.finishing import score_items
from literacy_app.storage import migrate
from literacy_app.storage.engine import make_engine
from literacy_app.storage.models import (
    Answer,
    Assessment,
    Attempt,
    AttemptAreaScore,
    AttemptItem,
    BlueprintVersion,
    Examinee,
    ItemVersion,
)
from literacy_app.storage.uow import Database

from ..conftest import ROOT

STAFF, YEARS, SEED = 60, 2, 7


def _generate(database: Database, seed: int = SEED, **kwargs: object) -> demo.DemoReport:
    with database.uow() as uow:
        return demo.generate_demo(uow, SYSTEM, STAFF, YEARS, seed=seed, **kwargs)  # type: ignore[arg-type]


@pytest.fixture
def generated(database):
    return database, _generate(database)


def _count(uow, model) -> int:
    return uow.session.scalar(select(func.count()).select_from(model))


def test_counts_are_plausible(generated):
    database, report = generated
    with database.uow(read_only=True) as uow:
        s = uow.session
        assert _count(uow, Examinee) == report.examinees == STAFF
        assert _count(uow, Assessment) == report.assessments == 3 * YEARS
        assert _count(uow, Attempt) == report.attempts
        assert _count(uow, Answer) == _count(uow, AttemptItem) == report.answers
        people = s.scalars(select(Examinee)).all()
        windows = s.execute(select(Assessment.id, Assessment.opens_at, Assessment.closes_at, Assessment.cohort,
                                   BlueprintVersion.content)
                            .join(BlueprintVersion, BlueprintVersion.id == Assessment.blueprint_version_id)).all()
        per_attempt = dict(s.execute(select(AttemptItem.attempt_id, func.count()).group_by(AttemptItem.attempt_id)).all())
        expected_items = {aid: item_count(content) for aid, _o, _c, _co, content in windows}
        for attempt_id, assessment_id in s.execute(select(Attempt.id, Attempt.assessment_id)):
            assert per_attempt[attempt_id] == expected_items[assessment_id]
        assert set(s.scalars(select(Attempt.status))) == {"finished"}
        assert s.scalar(select(func.count()).where(Attempt.started_at > Attempt.finished_at)) == 0
        assert s.scalar(select(func.count()).where(Attempt.finished_at > Attempt.deadline_at)) == 0
        unanswered = s.scalar(select(func.count()).select_from(Answer).where(Answer.response.is_(None)))
    eligible = 0
    now = database.clock()
    years = set()
    for _aid, opens, closes, cohort, content in windows:
        assert opens < closes <= now
        years.add(fiscal_year(opens.astimezone(JST)))
        eligible += sum(1 for p in people if p.audience == content["audience"] and p.audience in cohort["audiences"]
                        and p.hired_on <= opens.astimezone(JST).date())
    assert len(years) == YEARS and max(years) == 2026  # the clock stands in 2026年度
    assert 0.65 <= report.attempts / eligible <= 0.95
    assert 0 < unanswered < 0.1 * report.answers
    assert Counter(p.audience for p in people).keys() == {"recruit", "promotion", "manager"}
    assert all(p.job_title and p.hired_on <= now.date() for p in people)


def test_people_have_zero_padded_numbers_japanese_names_and_tiny_sections(generated):
    database, _report = generated
    with database.uow(read_only=True) as uow:
        people = uow.session.scalars(select(Examinee)).all()
    numbers = [p.staff_no for p in people]
    assert all(len(n) == 6 and n.isdigit() for n in numbers) and len(set(numbers)) == STAFF
    assert any(n.startswith("0") for n in numbers)
    assert all(" " in p.name and p.name.strip() == p.name for p in people)
    sections = Counter(p.org_path for p in people if p.org_path.count("/") == 2)
    assert any(size < 5 for size in sections.values())
    assert len({path.split("/")[0] for path in sections}) >= 5
    assert all(p.org_path.endswith(("課", "部", "局", "保健所")) for p in people)
    with database.uow(read_only=True) as uow:  # each attempt keeps the 所属 and 区分 its sitter had
        kept = uow.session.execute(select(Attempt.org_path, Attempt.audience, Examinee.org_path, Examinee.audience)
                                   .join(Examinee, Examinee.id == Attempt.examinee_id)).all()
    assert kept and all((org, audience) == (now_org, now_audience) for org, audience, now_org, now_audience in kept)


def test_forms_come_from_the_real_assembly(generated):
    database, _report = generated
    with database.uow(read_only=True) as uow:
        s = uow.session
        for attempt in s.scalars(select(Attempt).order_by(Attempt.id).limit(12)):
            content = s.scalar(select(BlueprintVersion.content).join(
                Assessment, Assessment.blueprint_version_id == BlueprintVersion.id)
                .where(Assessment.id == attempt.assessment_id))
            stored = s.execute(select(AttemptItem.position, AttemptItem.item_version_id, AttemptItem.option_order,
                                      AttemptItem.pilot).where(AttemptItem.attempt_id == attempt.id)
                               .order_by(AttemptItem.position)).all()
            redrawn = draw_form(content, _pool(uow, content["audience"]), attempt.seed)
            assert [(d.position, d.version_id, list(d.option_order), d.pilot) for d in redrawn] == \
                [tuple(row) for row in stored]


def test_every_fraction_is_the_score_of_its_response(generated):
    database, _report = generated
    with database.uow(read_only=True) as uow:
        rows = uow.session.execute(
            select(ItemVersion.content, Answer.response, Answer.fraction)
            .join(AttemptItem, (AttemptItem.attempt_id == Answer.attempt_id) & (AttemptItem.position == Answer.position))
            .join(ItemVersion, ItemVersion.id == AttemptItem.item_version_id)).all()
    kinds: dict[str, list[float]] = defaultdict(list)
    for content, response, fraction in rows:
        assert fraction == score_fraction(content, response)
        kinds[content["type"]].append(fraction)
    assert {"single", "true_false", "multiple", "numeric"} <= kinds.keys()
    for kind, fractions in kinds.items():
        if len(fractions) >= 30:  # neither everyone right nor everyone wrong
            assert 0.2 < sum(fractions) / len(fractions) < 0.98, kind
    partial = [f for kind in ("multiple", "ordering", "matching") for f in kinds.get(kind, []) if 0 < f < 1]
    assert partial


def test_stored_scores_equal_a_recomputation(generated):
    database, _report = generated
    with database.uow(read_only=True) as uow:
        s = uow.session
        blueprints = dict(s.execute(select(Assessment.id, BlueprintVersion.content).join(
            BlueprintVersion, BlueprintVersion.id == Assessment.blueprint_version_id)).all())
        items: dict[int, list[tuple]] = defaultdict(list)
        for attempt_id, content, response, pilot in s.execute(
                select(Answer.attempt_id, ItemVersion.content, Answer.response, AttemptItem.pilot)
                .join(AttemptItem, (AttemptItem.attempt_id == Answer.attempt_id)
                      & (AttemptItem.position == Answer.position))
                .join(ItemVersion, ItemVersion.id == AttemptItem.item_version_id)
                .order_by(Answer.attempt_id, Answer.position)):
            items[attempt_id].append((content, response, pilot))
        areas: dict[int, list[tuple]] = defaultdict(list)
        for row in s.scalars(select(AttemptAreaScore)):
            areas[row.attempt_id].append((row.area, row.score, row.max_score, row.percent, row.minimum_percent,
                                          row.passed))
        attempts = s.scalars(select(Attempt)).all()
    outcomes = []
    for attempt in attempts:
        _fractions, outcome = score_items(blueprints[attempt.assessment_id], items[attempt.id])
        assert (attempt.score, attempt.max_score, attempt.percent, attempt.passed) == \
            (outcome.score, outcome.max_score, outcome.percent, outcome.passed)
        assert sorted(areas[attempt.id]) == sorted(
            (a.area, a.score, a.max_score, a.percent, a.minimum_percent, a.passed) for a in outcome.areas)
        outcomes.append(outcome.passed)
    assert 0 < sum(outcomes) < len(outcomes)  # some pass, some fail


def _dump(database: Database) -> tuple[list, list, list]:
    with database.uow(read_only=True) as uow:
        s = uow.session
        people = s.execute(select(Examinee.staff_no, Examinee.name, Examinee.org_path, Examinee.audience,
                                  Examinee.job_title, Examinee.hired_on).order_by(Examinee.staff_no)).all()
        attempts = s.execute(
            select(Examinee.staff_no, Assessment.title, Attempt.seed, Attempt.started_at, Attempt.finished_at,
                   Attempt.score, Attempt.passed)
            .join(Examinee, Examinee.id == Attempt.examinee_id).join(Assessment, Assessment.id == Attempt.assessment_id)
            .order_by(Examinee.staff_no, Assessment.title)).all()
        answers = s.execute(
            select(Examinee.staff_no, Assessment.title, Answer.position, ItemVersion.item_id, Answer.response,
                   Answer.fraction, Answer.flagged)
            .join(Attempt, Attempt.id == Answer.attempt_id).join(Examinee, Examinee.id == Attempt.examinee_id)
            .join(Assessment, Assessment.id == Attempt.assessment_id)
            .join(AttemptItem, (AttemptItem.attempt_id == Answer.attempt_id) & (AttemptItem.position == Answer.position))
            .join(ItemVersion, ItemVersion.id == AttemptItem.item_version_id)
            .order_by(Examinee.staff_no, Assessment.title, Answer.position)).all()
    return [tuple(r) for r in people], [tuple(r) for r in attempts], [tuple(r) for r in answers]


def _fresh_sqlite(tmp_path, clock, name: str) -> Database:
    engine = make_engine(f"sqlite:///{tmp_path / name}")
    migrate.upgrade(engine)
    return Database(engine, clock)


def test_same_seed_gives_the_same_data(generated, tmp_path, clock):
    database, _report = generated
    again = _fresh_sqlite(tmp_path, clock, "again.sqlite3")
    other = _fresh_sqlite(tmp_path, clock, "other.sqlite3")
    try:
        _generate(again)
        _generate(other, seed=SEED + 1)
        first = _dump(database)
        assert first == _dump(again)  # on PostgreSQL too: the same rows as on SQLite
        different = _dump(other)
        assert first[0] != different[0] and first[2] != different[2]
    finally:
        again.dispose()
        other.dispose()


def test_refused_when_attempts_exist_unless_forced(generated):
    database, report = generated
    with pytest.raises(UserError) as refused:
        _generate(database)
    assert refused.value.code == "demo_has_attempts" and "--force" in refused.value.render()
    forced = _generate(database, force=True)
    with database.uow(read_only=True) as uow:
        assert _count(uow, Examinee) == STAFF  # the same 職員番号 are updated, not duplicated
        assert _count(uow, Attempt) == report.attempts + forced.attempts
        assert _count(uow, Assessment) == 2 * report.assessments


def test_admin_only_and_sizes_checked(database):
    with database.uow() as uow, pytest.raises(NotAllowed):
        demo.generate_demo(uow, Actor("staff", 5, "hr-user", "hr"), STAFF, YEARS)
    with database.uow() as uow, pytest.raises(UserError) as bad:
        demo.generate_demo(uow, SYSTEM, 0, YEARS)
    assert bad.value.code == "demo_bad_size"
    with database.uow(read_only=True) as uow:
        assert _count(uow, Examinee) == 0


def _cli(tmp_path, db: str, *args: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "LITERACY_DATA_DIR": str(tmp_path / "data")}
    environment.pop("LITERACY_DB", None)
    result = subprocess.run([sys.executable, "-m", "literacy_app", "--db", db, *args], capture_output=True,
                            text=True, cwd=ROOT, timeout=300, env=environment)
    assert "Traceback" not in result.stdout + result.stderr
    return result


def test_cli_generates_once_and_refuses_a_second_run_without_force(tmp_path):
    db = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    first = _cli(tmp_path, db, "demo", "generate", "--staff", "30", "--years", "1")
    assert first.returncode == 0, first.stderr
    assert "職員 30 人" in first.stdout and "デモデータを作成しました" in first.stdout
    second = _cli(tmp_path, db, "demo", "generate", "--staff", "30", "--years", "1")
    assert second.returncode == 1 and "--force" in second.stderr and second.stdout == ""
    english = _cli(tmp_path, db, "--lang", "en", "demo", "generate", "--staff", "30", "--years", "1")
    assert english.returncode == 1 and "add --force" in english.stderr
