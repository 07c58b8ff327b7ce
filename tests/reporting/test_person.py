"""The 個人結果票: one person's finished attempts, as a PDF, for HR only."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys

import pytest
from sqlalchemy import select

from literacy_app.core.catalog import area_name
from literacy_app.core.errors import NotAllowed, UserError
from literacy_app.core.model import SYSTEM, Actor
from literacy_app.reporting.exports import export_person
from literacy_app.reporting.figures.person import person_results
from literacy_app.reporting.rendering.person import write_person_pdf
from literacy_app.services import people
from literacy_app.storage.models import AuditLog

from ..conftest import ROOT
from .test_summary import HR, _sit

NAME = "髙﨑 太郎"
ORG = "総務局/総務部/総務課"


def _person(database, clock, staff_no: str = "000123") -> None:
    """Two sittings (2025年度 and 2026年度) by one person, then their real name on the roster."""
    _sit(database, clock, [(staff_no, ORG)], {staff_no: 1.0}, dt.datetime(2025, 9, 1, tzinfo=dt.UTC))
    _sit(database, clock, [(staff_no, ORG)], {staff_no: 0.5}, dt.datetime(2026, 6, 1, tzinfo=dt.UTC))
    with database.uow() as uow:
        people.add_examinee(uow, SYSTEM, staff_no, NAME, ORG, "recruit")


def _pdf_text(path) -> str:
    pdftotext = shutil.which("pdftotext")
    assert pdftotext, "poppler-utils (pdftotext) is installed by scripts/run-tests"
    text = subprocess.run([pdftotext, "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    # Qt's text layer names each glyph by the lowest code point mapped to it: with a font that maps
    # Kangxi radicals onto kanji glyphs (Noto Sans CJK), 人 would come out as ⼈ (reports/report.css)
    radicals = sorted({c for c in text if "\u2e80" <= c <= "\u2fdf" or c == "\u2027"})
    assert not radicals, f"kanji extracted as radicals: {radicals}"
    return text


def test_results_of_one_person_by_year(published, clock):
    _person(published, clock)
    with published.uow(read_only=True) as uow:
        everything = person_results(uow, HR, "000123")
        this_year = person_results(uow, HR, "０００１２３", year=2026)  # full-width digits are normalised
    assert (everything.staff_no, everything.name, everything.org_path, everything.audience) == (
        "000123", NAME, ORG, "新規採用")
    assert [a.year_label for a in everything.attempts] == ["2025年度（令和7年度）", "2026年度（令和8年度）"]
    assert everything.attempts[0].percent == pytest.approx(100.0) and everything.attempts[0].passed
    assert not everything.attempts[0].study_areas
    assert len(this_year.attempts) == 1
    latest = this_year.attempts[0]
    assert latest.finished_on == dt.date(2026, 6, 1) and latest.percent < 100
    assert latest.areas and all(0 <= a.percent <= 100 for a in latest.areas)
    assert latest.study_areas == [a.area for a in latest.areas if a.percent < 60 or a.percent < a.minimum_percent]


def test_only_hr_and_admin_and_unknown_staff_no(published, clock):
    _person(published, clock)
    with published.uow(read_only=True) as uow:
        assert person_results(uow, Actor("staff", 3, "admin", "admin"), "000123").name == NAME
        for actor in (Actor("staff", 2, "trainer", "trainer"), Actor("examinee", 1, "000123")):
            with pytest.raises(NotAllowed):
                person_results(uow, actor, "000123")
        with pytest.raises(UserError) as error:
            person_results(uow, HR, "999999")
    assert error.value.render("ja").startswith("職員番号を確認してください")


def test_pdf_of_the_result_sheet_is_audited(published, clock, tmp_path, qapp):
    _person(published, clock)
    with published.uow(read_only=True) as uow:
        results = person_results(uow, HR, "000123", year=2026)
    path = tmp_path / "person.pdf"
    write_person_pdf(results, path, generated=dt.date(2026, 11, 27))
    assert path.stat().st_size > 10_000
    text = _pdf_text(path)
    assert "個人結果票" in text and NAME in text and "000123" in text and ORG in text
    assert "令和8年度" in text and area_name(results.attempts[0].areas[0].area) in text
    with published.uow() as uow:
        export_person(uow, HR, "000123", tmp_path / "again.pdf")
    with published.uow(read_only=True) as uow:
        detail = uow.session.scalars(select(AuditLog.detail).where(AuditLog.action == "report_person")).one()
    assert detail == {"staff_no": "000123", "year": None, "file": str(tmp_path / "again.pdf")}
    assert "令和7年度" in _pdf_text(tmp_path / "again.pdf")


def test_report_person_from_the_command_line(tmp_path, clock, cli_database):
    url, database = cli_database
    _person(database, clock, "007007")
    env = {**os.environ, "LITERACY_DATA_DIR": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "literacy_app", "--db", url, "report", "person", *args],
                              cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)

    out = tmp_path / "person.pdf"
    good = run("007007", "--out", str(out), "--year", "2026")
    assert good.returncode == 0, good.stderr
    assert NAME in _pdf_text(out) and "007007" in _pdf_text(out)
    bad = run("999999", "--out", str(tmp_path / "x.pdf"))
    assert bad.returncode == 1 and "職員番号を確認してください" in bad.stderr and "Traceback" not in bad.stderr
    assert not (tmp_path / "x.pdf").exists()
    usage = run("--out", str(out))
    assert usage.returncode == 2
    with database.uow(read_only=True) as uow:
        details = uow.session.scalars(select(AuditLog.detail).where(AuditLog.action == "report_person")).all()
    assert [(d["staff_no"], d["year"]) for d in details] == [("007007", 2026)]


def test_result_sheets_of_a_whole_window_in_one_pdf_a_page_each(year_2026, tmp_path, qapp):
    """Issue 13: HR could not print 個人結果票 for a cohort without one command per person."""
    from literacy_app.reporting.exports import export_people
    from literacy_app.services.progress import assessments_in_year

    database, staff, _percents = year_2026
    with database.uow(read_only=True) as uow:
        (window,) = assessments_in_year(uow, HR, 2026)
    out = tmp_path / "個人結果票.pdf"
    with database.uow() as uow:
        assert export_people(uow, HR, window.id, out) == len(staff)
    text = _pdf_text(out)
    pages = text.split("\f")
    assert len([page for page in pages if "個人結果票" in page]) == len(staff)  # every person starts a page
    assert all(staff_no in text for staff_no, _org in staff)
    with database.uow(read_only=True) as uow:
        detail = uow.session.scalars(select(AuditLog.detail).where(AuditLog.action == "report_person_cohort")).one()
    assert detail["people"] == len(staff) and detail["assessment_id"] == window.id
    with database.uow() as uow, pytest.raises(NotAllowed):
        export_people(uow, Actor("staff", 9, "trainer", "trainer"), window.id, tmp_path / "x.pdf")
