"""The 年度 summary's figures against hand-counted attempts, with small groups suppressed."""

from __future__ import annotations

import datetime as dt

import pytest

from literacy_app.core.errors import NotAllowed
from literacy_app.core.model import SYSTEM, Actor
from literacy_app.reporting.figures.summary import build_summary
from literacy_app.services import assessments, attempts, finishing, people
from literacy_app.services._versions import version
from literacy_app.services.progress import assessments_in_year, org_units

HR = Actor("staff", 1, "hr-user", "hr")
ORGS = ["総務局/総務部/総務課"] * 6 + ["総務局/総務部/法務課"] * 2 + ["総務局/人事部/人事課"] * 5 + ["市民局/区政部/戸籍課"] * 6


def _sit(database, clock, staff: list[tuple[str, str]], right_share: dict[str, float], year_start: dt.datetime):
    """Each person answers the first round(share × n) items correctly; returns their percents."""
    clock.now = year_start
    with database.uow() as uow:
        assessment_id = assessments.open_assessment(uow, SYSTEM, "test-blueprint", clock.now,
                                                    clock.now + dt.timedelta(days=30))
    percents = {}
    for staff_no, org in staff:
        with database.uow() as uow:
            info = people.add_examinee(uow, SYSTEM, staff_no, f"職員 {staff_no}", org, "recruit")
        actor = Actor("examinee", info.id, staff_no)
        with database.uow() as uow:
            state = attempts.start_attempt(uow, actor, assessment_id, seed=int(staff_no))
        scored = [item for item in state.items]
        for item in scored[: round(right_share[staff_no] * len(scored))]:
            with database.uow() as uow:
                content = version(uow, item.version_id).raw
                key = content["key"]
                response = key["value"] if content["type"] == "numeric" else key[0] if content["type"] == "short_text" else key
                attempts.save_answer(uow, actor, state.attempt_id, item.position, response, seq=1)
        with database.uow() as uow:
            percents[staff_no] = finishing.finish_attempt(uow, actor, state.attempt_id).percent
    return percents


def test_totals_match_the_stored_attempts(year_2026):
    database, staff, percents = year_2026
    with database.uow(read_only=True) as uow:
        summary = build_summary(uow, HR, 2026)
    assert summary.label == "2026年度（令和8年度）"
    assert (summary.eligible, summary.finished) == (19, 19)
    assert summary.mean_percent == pytest.approx(sum(percents.values()) / 19, abs=1e-3)
    assert sum(count for _label, count in summary.distribution) == 19
    assert summary.previous is None


def test_small_units_merge_upward_and_no_difference_reveals_them(year_2026):
    """Issue 14: every row is a sum of blocks of at least five — 法務課 (2) is counted in 総務局's
    「その他（少人数）」 with the smallest block (人事課, 5), so no subtraction of rows isolates it."""
    database, _staff, _percents = year_2026
    with database.uow(read_only=True) as uow:
        summary = build_summary(uow, HR, 2026)
    groups = {g.key: g for g in summary.by_org}
    assert groups["総務局/総務部/法務課"].suppressed and groups["総務局/総務部/法務課"].mean_percent is None
    assert groups["総務局/総務部"].partial and groups["総務局/総務部"].people == 6  # 総務課 only, said so
    other = groups["総務局/その他（少人数）"]
    assert other.people == 7 and not other.suppressed
    assert not groups["総務局"].suppressed and groups["総務局"].people == 13 and not groups["総務局"].partial
    assert groups["総務局"].people - groups["総務局/総務部"].people - other.people == 0
    assert [g.key for g in summary.by_org][-1] == "総務局/その他（少人数）"  # after the 局's own units
    assert all(g.few for g in summary.by_org)  # fewer than 30 people everywhere: the report says so
    shown = [g for g in summary.by_org if not g.suppressed]
    assert all(g.people >= 5 and g.mean_percent is not None for g in shown)


def test_previous_year_trend_and_role_check(year_2026, clock):
    database, _staff, _percents = year_2026
    staff = [(f"{n:06d}", "市民局/区政部/戸籍課") for n in range(101, 107)]
    _sit(database, clock, staff, {s: 1.0 for s, _o in staff}, dt.datetime(2025, 9, 1, tzinfo=dt.UTC))
    with database.uow(read_only=True) as uow:
        summary = build_summary(uow, HR, 2026)
    assert summary.previous is not None and summary.previous.finished == 6
    assert summary.previous.mean_percent == pytest.approx(100.0)
    with database.uow(read_only=True) as uow, pytest.raises(NotAllowed):
        build_summary(uow, Actor("staff", 2, "trainer", "trainer"), 2026)


def test_html_pdf_and_xlsx_of_the_summary(year_2026, tmp_path, qapp):
    import shutil
    import subprocess

    from openpyxl import load_workbook

    from literacy_app.core.tables import write_xlsx
    from literacy_app.reporting.rendering.html import write_html
    from literacy_app.reporting.rendering.pdf import write_pdf
    from literacy_app.reporting.rendering.tables import summary_tables

    database, _staff, _percents = year_2026
    with database.uow(read_only=True) as uow:
        summary = build_summary(uow, HR, 2026)
    html_path = tmp_path / "summary.html"
    write_html(summary, html_path, generated=dt.date(2026, 11, 27))
    html = html_path.read_text(encoding="utf-8")
    assert "2026年度（令和8年度）" in html and "data:image/png;base64," in html
    assert "法務課" in html and html.count("<td class=\"num\">—</td>") >= 3  # suppressed rows show no figures
    assert "<script" not in html and "http" not in html.split("<body>")[1]  # self-contained, nothing to fetch
    pdf_path = tmp_path / "summary.pdf"
    write_pdf(summary, pdf_path, generated=dt.date(2026, 11, 27))
    assert pdf_path.stat().st_size > 10_000
    pdftotext = shutil.which("pdftotext")
    assert pdftotext, "poppler-utils (pdftotext) is installed by scripts/run-tests"
    text = subprocess.run([pdftotext, "-layout", str(pdf_path), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "ICTリテラシー確認 結果報告" in text and "令和8年度" in text and "総務局" in text
    # copied text keeps its kanji: not ⼈ (U+2F08) for 人, as Noto Sans CJK's radical entries gave
    assert "少人数" in text and "作成日" in text and "人数" in text and "平均得点率" in text
    assert not [c for c in text if "\u2e80" <= c <= "\u2fdf"], "kanji extracted as Kangxi radicals"
    xlsx_path = tmp_path / "summary.xlsx"
    write_xlsx(summary_tables(summary), xlsx_path)
    book = load_workbook(xlsx_path)
    assert book.sheetnames == ["全体", "区分別", "所属別", "得点分布"]
    rows = list(book["所属別"].iter_rows(values_only=True))
    hidden = next(r for r in rows if r[0] == "総務局/総務部/法務課")
    assert hidden[1] == "非表示（少人数）" and hidden[2] is None
    shown = next(r for r in rows[1:] if not r[1])  # issue 14: an area never measured is not a hidden figure
    assert "対象外" in shown[5:] and None not in shown[2:]


def test_report_summary_from_the_command_line_is_audited(tmp_path, clock, cli_database):
    import os
    import subprocess
    import sys

    from sqlalchemy import select

    from literacy_app.storage.models import AuditLog

    from ..conftest import ROOT

    url, database = cli_database
    staff = [(f"{n:06d}", "総務局/総務部/総務課") for n in range(1, 7)]
    _sit(database, clock, staff, {s: 0.5 for s, _o in staff}, dt.datetime(2026, 6, 1, tzinfo=dt.UTC))
    env = {**os.environ, "LITERACY_DATA_DIR": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    for fmt in ("html", "pdf", "xlsx", "csv"):
        out = tmp_path / f"summary.{fmt}"
        result = subprocess.run([sys.executable, "-m", "literacy_app", "--db", url, "report", "summary", "--year",
                                 "2026", "--format", fmt, "--out", str(out)], cwd=ROOT, env=env,
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        assert out.stat().st_size > 0
    bad = subprocess.run([sys.executable, "-m", "literacy_app", "--db", url, "report", "summary", "--year", "2026",
                          "--format", "csv", "--out", str(tmp_path / "x.csv"), "--min-group", "2"], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120)
    assert bad.returncode == 1 and "3 人以上" in bad.stderr and "Traceback" not in bad.stderr
    with database.uow(read_only=True) as uow:
        actions = uow.session.scalars(select(AuditLog.detail).where(AuditLog.action == "report_summary")).all()
    assert sorted(entry["format"] for entry in actions) == ["csv", "html", "pdf", "xlsx"]


def test_eligible_counts_the_cohorts_not_everyone(year_2026):
    database, _staff, _percents = year_2026
    with database.uow() as uow:  # a manager: outside the recruit window's cohort
        people.add_examinee(uow, SYSTEM, "009999", "管理職 一郎", "総務局", "manager")
    with database.uow() as uow:  # a recruit who has not sat it: inside the cohort
        people.add_examinee(uow, SYSTEM, "008888", "新人 花子", "総務局", "recruit")
    with database.uow(read_only=True) as uow:
        summary = build_summary(uow, HR, 2026)
    assert (summary.eligible, summary.finished) == (20, 19)


def test_a_summary_limited_to_one_unit_and_one_assessment(year_2026):
    database, _staff, percents = year_2026
    with database.uow(read_only=True) as uow:
        summary = build_summary(uow, HR, 2026, org_unit="総務局")
        (window,) = assessments_in_year(uow, HR, 2026)
        units = org_units(uow, HR)
        only = build_summary(uow, HR, 2026, assessment_id=window.id, org_unit="総務局/総務部")
    assert (summary.org_unit, summary.eligible, summary.finished) == ("総務局", 13, 13)
    in_unit = [p for n, p in enumerate(percents.values()) if ORGS[n].startswith("総務局/")]
    assert summary.mean_percent == pytest.approx(sum(in_unit) / 13, abs=1e-3)
    assert {group.key.split("/")[0] for group in summary.by_org} == {"総務局"}
    # 法務課 (2) is in 総務局's 「その他」: a 総務部 filter counts 総務課 only and says so
    assert (only.finished, only.assessments) == (6, [window.title])
    assert {g.key: g for g in only.by_org}["総務局/総務部"].partial
    assert units == ["市民局", "市民局/区政部", "総務局", "総務局/人事部", "総務局/総務部"]


def test_a_lone_head_of_a_department_does_not_hide_a_fifteen_person_section(published, clock):
    """Issue 14: one 部長 sitting in a 部 itself hid a 15-person 課 (部 − 課 would have shown the
    部長).  Now the 部長 joins the other small pieces in the 局's 「その他（少人数）」 and the 課 is shown."""
    staff = ([(f"{n:06d}", "環境局/環境部/環境課") for n in range(1, 16)] + [("000016", "環境局/環境部")]
             + [(f"{n:06d}", "環境局/監査室") for n in range(17, 21)])
    _sit(published, clock, staff, {staff_no: 0.5 for staff_no, _org in staff}, dt.datetime(2026, 6, 1, tzinfo=dt.UTC))
    with published.uow(read_only=True) as uow:
        summary = build_summary(uow, HR, 2026)
    groups = {g.key: g for g in summary.by_org}
    section = groups["環境局/環境部/環境課"]
    assert not section.suppressed and section.people == 15 and not section.partial
    assert groups["環境局/環境部"].partial and groups["環境局/環境部"].people == 15
    assert groups["環境局/その他（少人数）"].people == 5 and groups["環境局"].people == 20
