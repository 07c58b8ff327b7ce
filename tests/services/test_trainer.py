"""The trainer's services: review queue (review dates and statistics), item history, publish preview."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import func, select

from literacy_app.core.errors import NotAllowed
from literacy_app.core.i18n import MESSAGES, message
from literacy_app.core.model import SYSTEM, Actor
from literacy_app.reporting.figures.item_stats import assessment_item_statistics
from literacy_app.services import attempts, finishing, trainer
from literacy_app.services.demo import generate_demo
from literacy_app.services.publishing import InvalidBank, publish_bank
from literacy_app.services.trainer_stats import _pooled_discrimination
from literacy_app.storage.models import Answer, Attempt, AttemptItem, AuditLog, ItemVersion, Publish

from ..conftest import BASIC_BANK, add_examinee, open_window

TRAINER = Actor("staff", 6, "trainer-a", "trainer")
OTHER_TRAINER = Actor("staff", 7, "trainer-b", "trainer")
HR = Actor("staff", 5, "hr-user", "hr")
EXAMINEE = Actor("examinee", 1, "000123")


def _copy_bank(tmp_path: Path) -> Path:
    target = tmp_path / "bank"
    shutil.copytree(BASIC_BANK, target)
    return target


def _edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= count, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def _set_reviewed(path: Path, item_id: str, date: str) -> None:
    """Change the ``reviewed:`` line of one item (the first one after its id)."""
    text = path.read_text(encoding="utf-8")
    start = text.index(f"- id: {item_id}\n")
    text = text[:start] + re.sub(r"reviewed: \S+", f"reviewed: {date}", text[start:], count=1)
    path.write_text(text, encoding="utf-8")


def _line_of(path: Path, item_id: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if line.strip() == f"- id: {item_id}")


# --- roles ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("actor", [EXAMINEE, HR])
def test_examinees_and_hr_may_not_use_the_trainer_services(database, actor):
    with database.uow(read_only=True) as uow:
        with pytest.raises(NotAllowed):
            trainer.review_queue(uow, actor, BASIC_BANK, today=dt.date(2026, 11, 2))
        with pytest.raises(NotAllowed):
            trainer.item_history(uow, actor, "t-sec-001")
        with pytest.raises(NotAllowed):
            trainer.publish_preview(uow, actor, BASIC_BANK)
        with pytest.raises(NotAllowed):
            trainer.item_figures(uow, actor)


def test_trainers_and_admins_may(database):
    with database.uow(read_only=True) as uow:
        for actor in (TRAINER, SYSTEM):
            assert trainer.publish_preview(uow, actor, BASIC_BANK).ok
            assert trainer.item_history(uow, actor, "t-sec-001") == []  # nothing published yet
            assert trainer.item_figures(uow, actor) == {}


# --- review dates ----------------------------------------------------------------------------------

def test_months_before_is_calendar_months_clamped_to_the_month_end():
    assert trainer.months_before(dt.date(2026, 11, 1), 6) == dt.date(2026, 5, 1)
    assert trainer.months_before(dt.date(2026, 3, 15), 6) == dt.date(2025, 9, 15)
    assert trainer.months_before(dt.date(2026, 8, 31), 6) == dt.date(2026, 2, 28)
    assert trainer.months_before(dt.date(2028, 8, 31), 6) == dt.date(2028, 2, 29)
    assert trainer.months_before(dt.date(2026, 10, 31), 6) == dt.date(2026, 4, 30)
    assert trainer.months_before(dt.date(2026, 11, 1), 12) == dt.date(2025, 11, 1)


def test_review_due_after_more_than_six_calendar_months(database, tmp_path):
    bank = _copy_bank(tmp_path)
    security = bank / "security.yaml"
    _set_reviewed(security, "t-sec-001", "2026-05-01")  # exactly 6 months before today: not yet due
    _set_reviewed(security, "t-sec-002", "2026-04-30")  # 6 months and a day: due
    _set_reviewed(security, "t-sec-003", "2025-01-10")
    _edit(security, "reviewed: 2025-01-10\n    status: approved", "reviewed: 2025-01-10\n    status: draft")
    _set_reviewed(security, "t-sec-004", "2020-01-01")
    _edit(security, "reviewed: 2020-01-01\n    status: approved", "reviewed: 2020-01-01\n    status: retired")
    today = dt.date(2026, 11, 1)
    with database.uow(read_only=True) as uow:
        queue = trainer.review_queue(uow, TRAINER, [bank], today=today)
    by_id = {entry.item_id: entry for entry in queue}
    # t-dat-002 is reviewed 2026-04-01 in the test bank; the retired t-sec-004 is never listed
    assert set(by_id) == {"t-sec-002", "t-sec-003", "t-dat-002"}
    due = by_id["t-sec-002"]
    assert due.reasons == ("review_due",)
    assert due.details == {"reviewed": dt.date(2026, 4, 30), "months_since": 6, "review_months": 6}
    assert due.path == str(security) and due.line == _line_of(security, "t-sec-002")
    assert (due.area, due.status, due.pilot) == ("security", "approved", False)
    assert due.stem_excerpt == "パスワードの扱いとして適切なものをすべて選べ。"
    assert by_id["t-sec-003"].status == "draft" and by_id["t-sec-003"].details["months_since"] == 21
    assert by_id["t-dat-002"].line == _line_of(bank / "data.yaml", "t-dat-002")
    assert [entry.path for entry in queue] == sorted(entry.path for entry in queue)  # file order
    assert "2026-04-30" in due.sentences("ja")[0] and "6" in due.sentences("en")[0]

    with database.uow(read_only=True) as uow:
        # a day earlier t-sec-002 is exactly 6 months old; with a 24-month cycle nothing is overdue
        earlier = {e.item_id for e in trainer.review_queue(uow, TRAINER, bank, today=dt.date(2026, 10, 30))}
        longer = trainer.review_queue(uow, TRAINER, bank, today=today, months=24)
    assert "t-sec-002" not in earlier and "t-sec-003" in earlier
    assert longer == []


def test_review_queue_reads_a_folder_or_files_and_skips_what_it_cannot_read(database, tmp_path):
    bank = _copy_bank(tmp_path)
    _edit(bank / "data.yaml", "key: b\n", "key: [oops\n")  # the data file no longer parses
    with database.uow(read_only=True) as uow:
        queue = trainer.review_queue(uow, TRAINER, [bank], today=dt.date(2027, 6, 1))
        missing = trainer.review_queue(uow, TRAINER, [tmp_path / "nowhere"], today=dt.date(2027, 6, 1))
    assert {entry.item_id for entry in queue} == {"t-sec-001", "t-sec-002", "t-sec-003", "t-sec-004",
                                                  "t-sec-005", "t-sec-006", "t-sec-p01"}
    assert missing == []


# --- statistics ------------------------------------------------------------------------------------

def _answers(ability: int) -> dict[str, object]:
    """Responses of examinee ``ability`` (0 … 11) built so that the statistics are known:

    - t-sec-001 (single, key c): everybody right → too easy; a, b, d never chosen → weak distractors;
    - t-sec-002 (multiple, key a, c): everybody picks the wrong b and d → too hard (distractors busy);
    - t-sec-006 (single, key b): right only for the six weakest, the others spread over a, c and d →
      negative discrimination;
    - t-dat-003 (single, key b): right from ability 3; 0 leaves it unanswered, 1 picks a, 2 picks c,
      nobody picks d → d is a weak distractor (and a, c are not);
    - the others are right from a threshold on, so the rest of the test grows with ability;
    - the pilot t-sec-p01 (key a): everybody right → too easy (and idle distractors) although unscored.
    """
    def pick(threshold: int, right: object, wrong: object) -> object:
        return right if ability >= threshold else wrong

    return {
        "t-sec-001": "c",
        "t-sec-002": ["b", "d"],
        "t-sec-003": pick(1, False, True),
        "t-sec-004": pick(3, ["a", "b", "c"], ["c", "b", "a"]),
        "t-sec-005": pick(5, {"p1": "a", "p2": "b", "p3": "c"}, {"p1": "c", "p2": "a", "p3": "b"}),
        "t-sec-006": "b" if ability < 6 else "aaccdd"[ability - 6],
        "t-dat-001": pick(7, 14, 13),
        "t-dat-002": pick(9, "CSV", "TSV"),
        "t-dat-003": pick(3, "b", {0: None, 1: "a", 2: "c"}.get(ability)),
        "t-sec-p01": "a",
    }


@pytest.fixture
def sat(published, clock):
    """Twelve finished attempts of the basic test bank with the responses of ``_answers``."""
    assessment_id = open_window(published, clock)
    for ability in range(12):
        examinee = add_examinee(published, f"{ability + 1:06d}")
        with published.uow() as uow:
            state = attempts.start_attempt(uow, examinee, assessment_id, seed=ability)
        responses = _answers(ability)
        for item in state.items:
            response = responses[item.item_id]
            if response is not None:
                with published.uow() as uow:
                    attempts.save_answer(uow, examinee, state.attempt_id, item.position, response)
        with published.uow() as uow:
            finishing.finish_attempt(uow, examinee, state.attempt_id)
    return published, assessment_id


def test_statistics_flag_easy_hard_negative_and_weak_distractor_items(sat):
    database, assessment_id = sat
    with database.uow(read_only=True) as uow:
        queue = trainer.review_queue(uow, TRAINER, BASIC_BANK, today=dt.date(2026, 11, 2), min_responses=10)
        figures = trainer.item_figures(uow, TRAINER, min_responses=10)
        reference = assessment_item_statistics(uow, TRAINER, assessment_id)
    by_id = {entry.item_id: entry for entry in queue}
    assert by_id["t-sec-001"].reasons == ("too_easy", "weak_distractor")
    assert by_id["t-sec-001"].details["weak_options"] == {"a": 0.0, "b": 0.0, "d": 0.0}
    assert by_id["t-sec-001"].details["discrimination_index"] is None  # nobody differs on it
    assert by_id["t-sec-002"].reasons == ("too_hard",)
    assert by_id["t-sec-002"].details["facility"] == 0.0
    assert by_id["t-sec-006"].reasons == ("negative_discrimination",)
    assert by_id["t-sec-006"].details["facility"] == pytest.approx(0.5)
    assert by_id["t-dat-003"].reasons == ("weak_distractor",)
    assert by_id["t-dat-003"].details["weak_options"] == {"d": 0.0}
    assert by_id["t-dat-003"].details["weak_options_text"] == "d 0.0%"
    assert by_id["t-sec-p01"].reasons == ("too_easy", "weak_distractor")  # pilot items are reviewed too
    assert by_id["t-sec-p01"].pilot and by_id["t-sec-p01"].details["pilot_n"] == 12
    assert by_id["t-dat-002"].reasons == ("review_due",)  # its reviewed date; statistics fine
    assert by_id["t-dat-002"].details["n"] == 12
    assert set(by_id) == {"t-sec-001", "t-sec-002", "t-sec-006", "t-dat-003", "t-sec-p01", "t-dat-002"}

    # shares count the unanswered attempt in the denominator
    shares = {d.option_id: (d.n, d.count) for d in figures["t-dat-003"].distractors}
    assert shares == {"a": (12, 1), "c": (12, 1), "d": (12, 0)}
    assert {d.option_id: d.count for d in figures["t-sec-002"].distractors} == {"b": 12, "d": 12}

    # with one assessment the pooled index is Moodle's index of that assessment
    for item_id, stats in zip(reference.item_ids, reference.items, strict=True):
        assert figures[item_id].n == stats.n == 12
        assert figures[item_id].facility == pytest.approx(stats.facility, abs=1e-12)
        if stats.discrimination_index is None:
            assert figures[item_id].discrimination_index is None
        else:
            assert figures[item_id].discrimination_index == pytest.approx(stats.discrimination_index, abs=1e-9)
    # and, from first principles, the correlation of the item with the rest of the scored test
    a = np.arange(12)
    x = (a < 6).astype(float)
    rest = 1.0 + (a >= 1) + (a >= 3) + (a >= 5) + (a >= 7) + (a >= 9) + (a >= 3)  # t-sec-001 … t-dat-003
    assert figures["t-sec-006"].discrimination_index == pytest.approx(100 * np.corrcoef(x, rest)[0, 1], abs=1e-9)
    assert figures["t-sec-006"].discrimination_index < -50

    for entry in queue:  # every reason renders as a full sentence in both languages
        for lang in ("ja", "en"):
            for sentence in entry.sentences(lang):
                assert "{" not in sentence, sentence


def test_few_responses_flag_only_negative_discrimination(sat):
    database, _assessment_id = sat
    with database.uow(read_only=True) as uow:
        queue = trainer.review_queue(uow, TRAINER, BASIC_BANK, today=dt.date(2026, 11, 2))  # min 30 > 12
    reasons = {entry.item_id: entry.reasons for entry in queue}
    assert reasons == {"t-sec-006": ("negative_discrimination",), "t-dat-002": ("review_due",)}
    few = next(entry for entry in queue if entry.item_id == "t-sec-006")
    assert few.details["few_responses"] is True and few.details["n"] == 12


def test_a_weak_option_already_removed_from_the_file_is_not_reported(sat, tmp_path):
    database, _assessment_id = sat
    bank = _copy_bank(tmp_path)
    _edit(bank / "data.yaml", "      d: 相関があるので因果関係は証明された\n", "")
    with database.uow(read_only=True) as uow:
        queue = trainer.review_queue(uow, TRAINER, bank, today=dt.date(2026, 11, 2), min_responses=10)
    assert "t-dat-003" not in {entry.item_id for entry in queue}


def test_pooled_discrimination_is_within_assessments():
    """Simpson's paradox: within each assessment the item works against the rest of the test, but
    the second assessment's totals and marks are both higher — one correlation over all attempts
    would call the item good."""
    x = np.array([1, 0, 1, 0, 1, 1, 0, 1], dtype=float)
    y = np.array([1, 3, 2, 4, 11, 13, 14, 12], dtype=float)
    assessment = np.array([0, 0, 0, 0, 1, 1, 1, 1])
    items = np.zeros(8, dtype=int)
    assert np.corrcoef(x, y)[0, 1] > 0
    index = _pooled_discrimination(x, y, items, assessment, 1)[0]
    dx = np.concatenate([x[:4] - x[:4].mean(), x[4:] - x[4:].mean()])
    dy = np.concatenate([y[:4] - y[:4].mean(), y[4:] - y[4:].mean()])
    assert index == pytest.approx(100 * (dx * dy).sum() / np.sqrt((dx * dx).sum() * (dy * dy).sum()), rel=1e-12)
    assert index < 0
    # one assessment alone is the plain correlation; a constant item is undefined (nan), never a flag
    assert _pooled_discrimination(x[:4], y[:4], items[:4], assessment[:4], 1)[0] == pytest.approx(
        100 * np.corrcoef(x[:4], y[:4])[0, 1], rel=1e-12)
    assert np.isnan(_pooled_discrimination(np.full(4, 1 / 3), y[:4], items[:4], assessment[:4], 1)[0])


def test_demo_figures_agree_with_sql_and_the_per_assessment_statistics(database):
    with database.uow() as uow:
        generate_demo(uow, SYSTEM, 120, 1, seed=3)
    with database.uow(read_only=True) as uow:
        figures = trainer.item_figures(uow, TRAINER)
        sql = dict(uow.session.execute(
            select(ItemVersion.item_id, func.avg(func.coalesce(Answer.fraction, 0.0)))
            .select_from(AttemptItem)
            .join(Attempt, Attempt.id == AttemptItem.attempt_id)
            .join(Answer, (Answer.attempt_id == AttemptItem.attempt_id) & (Answer.position == AttemptItem.position))
            .join(ItemVersion, ItemVersion.id == AttemptItem.item_version_id)
            .where(Attempt.status == "finished").group_by(ItemVersion.item_id)).all())
        counts = dict(uow.session.execute(
            select(ItemVersion.item_id, func.count()).select_from(AttemptItem)
            .join(Attempt, Attempt.id == AttemptItem.attempt_id)
            .join(ItemVersion, ItemVersion.id == AttemptItem.item_version_id)
            .where(Attempt.status == "finished").group_by(ItemVersion.item_id)).all())
        per_assessment = [assessment_item_statistics(uow, TRAINER, a) for a in
                          uow.session.scalars(select(Attempt.assessment_id).distinct())]
    assert set(figures) == set(sql)
    for item_id, figure in figures.items():
        assert figure.facility == pytest.approx(float(sql[item_id]), abs=1e-9)
        assert figure.n == counts[item_id]
    compared = 0
    for stats in per_assessment:
        assert stats is not None
        for item_id, item in zip(stats.item_ids, stats.items, strict=True):
            if figures[item_id].assessments == 1 and figures[item_id].pilot_n == 0:
                compared += 1
                if item.discrimination_index is None:
                    assert figures[item_id].discrimination_index is None
                else:
                    assert figures[item_id].discrimination_index == pytest.approx(item.discrimination_index,
                                                                                  abs=1e-9)
        for pilot in stats.pilot:
            figure = figures[pilot.item_id]
            if figure.assessments == 1 and figure.pilot_n == figure.n and pilot.total_correlation is not None:
                compared += 1
                assert figure.discrimination_index == pytest.approx(100 * pilot.total_correlation, abs=1e-9)
    assert compared > 20


# --- history ---------------------------------------------------------------------------------------

def test_history_lists_versions_newest_first_with_a_readable_diff(database, clock, tmp_path):
    bank = _copy_bank(tmp_path)
    with database.uow() as uow:
        publish_bank(uow, TRAINER, [bank])
    first_published = clock()
    clock.advance(days=3)
    _edit(bank / "security.yaml", "最初に取るべき行動はどれか。", "最初に取るべき行動として最も適切なものはどれか。")
    with database.uow() as uow:
        publish_bank(uow, OTHER_TRAINER, [bank])
    with database.uow(read_only=True) as uow:
        history = trainer.item_history(uow, TRAINER, "t-sec-001")
        unchanged = trainer.item_history(uow, TRAINER, "t-sec-002")
        assert trainer.item_history(uow, TRAINER, "no-such-item") == []
    assert [entry.version_no for entry in history] == [2, 1]
    newest, oldest = history
    assert (newest.published_by, oldest.published_by) == ("trainer-b", "trainer-a")
    assert newest.current and not oldest.current
    assert oldest.created_at == first_published and newest.created_at == first_published + dt.timedelta(days=3)
    assert newest.content_hash != oldest.content_hash and len(newest.content_hash) == 64
    changed = [line for line in newest.diff_lines if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    assert changed == ["-問題文: 不審なメールを受け取ったとき、最初に取るべき行動はどれか。",
                       "+問題文: 不審なメールを受け取ったとき、最初に取るべき行動として最も適切なものはどれか。"]
    assert newest.diff_lines[:2] == ("--- v1", "+++ v2")
    assert "選択肢 c: 開かずに所定の窓口へ報告する" in newest.lines and "正解: c" in newest.lines
    # the first version is shown against nothing: every line added
    assert all(line.startswith("+") for line in oldest.diff_lines[2:] if not line.startswith("@@"))
    assert "+配点: 1" in oldest.diff_lines and "+解説: 報告すれば組織全体で被害を防げます。「同僚に転送」は被害を広げます。" \
        in oldest.diff_lines
    assert [entry.version_no for entry in unchanged] == [1] and unchanged[0].current


def test_rendering_covers_every_item_type(published):
    with published.uow(read_only=True) as uow:
        rendered = {item_id: trainer.item_history(uow, TRAINER, item_id)[0].lines for item_id in (
            "t-sec-002", "t-sec-003", "t-sec-004", "t-sec-005", "t-sec-006", "t-dat-001", "t-dat-002")}
    assert "種類: 複数選択" in rendered["t-sec-002"] and "正解: a、c" in rendered["t-sec-002"]
    assert "正解: 誤り（false）" in rendered["t-sec-003"]
    assert "正解: a → b → c" in rendered["t-sec-004"] and "採点: 隣り合う組ごとに部分点" in rendered["t-sec-004"]
    assert "前提 p1: 住民記録の照会" in rendered["t-sec-005"] and "正解: p1 → a、p2 → b、p3 → c" in rendered["t-sec-005"]
    assert "事例 sc-test-usb「拾ったUSBメモリ」: 庁舎の駐車場で、職員がラベルのないUSBメモリを拾った。" in rendered["t-sec-006"]
    assert "    持ち主を確かめようとしている。" in rendered["t-sec-006"]  # a text's further lines are indented
    assert "正解: 14（許容誤差 ±0）" in rendered["t-dat-001"] and "単位: 人" in rendered["t-dat-001"]
    assert "正解: CSV" in rendered["t-dat-002"] and "領域: データ・情報の活用（data）" in rendered["t-dat-002"]
    assert trainer.render_content({"type": "single", "stem": "x", "explanation": "y", "future": [1]})[-1] == \
        'future: [1]'  # a field the renderer does not know still shows, so no change is invisible


# --- publish preview -------------------------------------------------------------------------------

def _counts(database):
    with database.uow(read_only=True) as uow:
        return tuple(uow.session.scalar(select(func.count()).select_from(table))
                     for table in (ItemVersion, Publish, AuditLog))


def _report_counts(report):
    return (report.new, report.changed, report.unchanged, report.retired, report.metadata_updated, report.blueprints)


def _preview_counts(preview):
    return (len(preview.new), len(preview.changed), len(preview.unchanged), len(preview.retired),
            len(preview.metadata_updated), preview.blueprints)


def test_publish_preview_agrees_with_publish_and_writes_nothing(database, tmp_path):
    bank = _copy_bank(tmp_path)
    with database.uow(read_only=True) as uow:
        first = trainer.publish_preview(uow, TRAINER, [bank])
    assert first.ok and len(first.new) == 11 and first.blueprints_new == ("test-blueprint",)
    assert first.new[0] == "t-dat-001"  # file order
    assert _counts(database) == (0, 0, 0)
    with database.uow() as uow:
        report = publish_bank(uow, TRAINER, [bank])
    assert _report_counts(report) == _preview_counts(first)

    data = bank / "data.yaml"
    _edit(bank / "security.yaml", "最初に取るべき行動はどれか。", "最初に取るべき行動として最も適切なものはどれか。")
    _edit(data, "reviewed: 2026-04-01", "reviewed: 2026-11-20")  # t-dat-002: metadata only
    _edit(data, "- id: t-dat-004", "- id: t-dat-005")  # a new item, and t-dat-004 retired
    _edit(bank / "blueprint.yaml", "time_limit_minutes: 30", "time_limit_minutes: 40")
    before = _counts(database)
    with database.uow() as uow:  # even a writable unit of work: the preview adds nothing
        preview = trainer.publish_preview(uow, TRAINER, [bank])
        assert not uow.session.new and not uow.session.dirty
    assert _counts(database) == before
    assert (preview.new, preview.changed, preview.metadata_updated, preview.retired) == (
        ("t-dat-005",), ("t-sec-001",), ("t-dat-002",), ("t-dat-004",))
    assert len(preview.unchanged) == 8 and preview.blueprints_changed == ("test-blueprint",)
    assert preview.summary("ja").startswith("公開すると: 新規 1、変更 1、変更なし 8")
    with database.uow(read_only=True) as uow:
        kept = trainer.publish_preview(uow, TRAINER, [bank / "security.yaml"], retire_missing=False)
    assert kept.retired == () and kept.blueprints == 0
    with database.uow() as uow:
        report = publish_bank(uow, TRAINER, [bank])
    assert _report_counts(report) == _preview_counts(preview)

    with database.uow(read_only=True) as uow:
        again = trainer.publish_preview(uow, TRAINER, [bank])
    assert _preview_counts(again) == (0, 0, 11, 0, 0, 0)

    # a retired item that comes back with the same text is a metadata update, as publish says
    _edit(data, "- id: t-dat-005", "- id: t-dat-004")
    with database.uow(read_only=True) as uow:
        back = trainer.publish_preview(uow, TRAINER, [bank])
    with database.uow() as uow:
        report = publish_bank(uow, TRAINER, [bank])
    assert "t-dat-004" in back.metadata_updated and _report_counts(report) == _preview_counts(back)


def test_publish_preview_of_invalid_banks_lists_the_problems_publish_refuses_with(database, tmp_path):
    bank = _copy_bank(tmp_path)
    _edit(bank / "security.yaml", "key: c", "key: z")
    with database.uow(read_only=True) as uow:
        preview = trainer.publish_preview(uow, TRAINER, [bank])
    assert not preview.ok and preview.new == () and preview.blueprints == 0
    with database.uow() as uow, pytest.raises(InvalidBank) as caught:
        publish_bank(uow, TRAINER, [bank])
    assert [(p.path, p.line, p.code) for p in preview.problems] == [(p.path, p.line, p.code)
                                                                     for p in caught.value.problems]
    assert preview.summary("en") == f"the banks have {len(preview.problems)} problems, so they cannot be published as they are"


def test_new_message_codes_have_both_languages():
    for code in (*trainer.REASONS, "publish_preview", "publish_preview_invalid"):
        assert set(MESSAGES[code]) == {"ja", "en"}, code
    assert message("weak_distractor", "en", weak_options_text="d 1.0%").endswith("(share choosing them: d 1.0%)")


def test_publish_preview_hashes_images_as_publish_stores_them(database, tmp_path):
    bank = _copy_bank(tmp_path)
    with database.uow() as uow:
        publish_bank(uow, TRAINER, [bank])
    (bank / "chart.png").write_bytes(b"\x89PNG\r\n\x1a\n not really a picture")
    _edit(bank / "data.yaml", "    unit: 人\n", "    unit: 人\n    image: chart.png\n")
    with database.uow(read_only=True) as uow:
        preview = trainer.publish_preview(uow, TRAINER, [bank])
    assert preview.changed == ("t-dat-001",)
    with database.uow() as uow:
        report = publish_bank(uow, TRAINER, [bank])
    assert _report_counts(report) == _preview_counts(preview)
    with database.uow(read_only=True) as uow:
        assert trainer.publish_preview(uow, TRAINER, [bank]).changed == ()  # same digest as the stored image
        lines = trainer.item_history(uow, TRAINER, "t-dat-001")[0].diff_lines
    assert any(line.startswith("+画像: chart.png（SHA-256 ") for line in lines)
