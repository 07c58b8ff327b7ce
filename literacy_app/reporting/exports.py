"""HR's report exports, each written to the audit log (who, what, when)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..core.errors import UserError
from ..core.model import Actor
from ..core.tables import write_csv, write_xlsx
from ..services._common import audit, require_staff
from ..storage.uow import Database, UnitOfWork
from .figures.summary import DEFAULT_MIN_GROUP, Summary, make_summary
from .rendering.html import write_html
from .rendering.pdf import write_pdf
from .rendering.tables import summary_tables

FORMATS = ("html", "pdf", "xlsx", "csv")


def export_summary(database: Database, actor: Actor, year: int, fmt: str, out: Path, *,
                   assessment_id: int | None = None, org_unit: str | None = None,
                   min_group: int = DEFAULT_MIN_GROUP, encoding: str = "utf-8-sig") -> None:
    """Build the 年度 summary and write it as html, pdf, xlsx or csv (the 所属別 table).

    The figures are read in a read-only transaction (answer saves on the LAN never wait for a
    report); the audit row is written afterwards in a short one."""
    if fmt not in FORMATS:
        raise UserError("report_format", format=fmt)
    summary = make_summary(database, actor, year, assessment_id=assessment_id, org_unit=org_unit, min_group=min_group)
    write_summary(summary, fmt, out, encoding)
    with database.uow() as uow:
        record_summary_export(uow, actor, summary, fmt, out, assessment_id)


def write_summary(summary: Summary, fmt: str, out: Path, encoding: str = "utf-8-sig") -> None:
    """Write a built summary (charts and PDF use Qt: call on the GUI thread in the app)."""
    if fmt == "html":
        write_html(summary, out)
    elif fmt == "pdf":
        write_pdf(summary, out)
    elif fmt == "xlsx":
        write_xlsx(summary_tables(summary), out)
    elif fmt == "csv":
        write_csv(summary_tables(summary)[2], out, encoding)
    else:
        raise UserError("report_format", format=fmt)


def record_summary_export(uow: UnitOfWork, actor: Actor, summary: Summary, fmt: str, out: Path,
                          assessment_id: int | None = None) -> None:
    """The audit row of a summary export (who, what, when), committed."""
    record_export(uow, actor, year=summary.year, org_unit=summary.org_unit, min_group=summary.min_group,
                  fmt=fmt, file=str(out), assessment_id=assessment_id)


def record_export(uow: UnitOfWork, actor: Actor, *, year: int, org_unit: str | None, min_group: int, fmt: str,
                  file: str, assessment_id: int | None) -> None:
    """The audit row of a summary export from its parameters (the server records a PC's export so)."""
    require_staff(actor, "hr", "viewer")
    audit(uow, actor, "report_summary", year=year, assessment_id=assessment_id, org_unit=org_unit,
          format=fmt, file=file, min_group=min_group)
    uow.commit()


def export_person(uow: UnitOfWork, actor: Actor, staff_no: str, out: Path, *, year: int | None = None) -> None:
    """Write one person's 個人結果票 as a PDF and record who printed whose results."""
    from .figures.person import person_results
    from .rendering.person import write_person_pdf

    results = person_results(uow, actor, staff_no, year)
    write_person_pdf(results, out)
    audit(uow, actor, "report_person", staff_no=results.staff_no, year=year, file=str(out))
    uow.commit()


def export_people(uow: UnitOfWork, actor: Actor, assessment_id: int, out: Path) -> int:
    """The 個人結果票 of everyone who finished one window, one PDF with a page (or more) per person;
    audited with the number of people.  Returns that number."""
    from .rendering.person import write_people_pdf

    people = people_results(uow, actor, assessment_id, str(out))
    write_people_pdf(people, out)
    return len(people)


def people_results(uow: UnitOfWork, actor: Actor, assessment_id: int, file: str) -> list[Any]:
    """The results (``figures.person.PersonResults``) of everyone who finished a window, in 所属
    order, for the 個人結果票 going to ``file``; the audit row is written here (on a LAN the
    server lists, the PC prints)."""
    from sqlalchemy import select

    from ..core.fiscal import JST, fiscal_year
    from ..storage.models import Assessment, Attempt, Examinee
    from .figures.person import person_results

    require_staff(actor, "hr")
    assessment = uow.session.get(Assessment, assessment_id)
    if assessment is None:
        raise UserError("assessment_unknown", id=assessment_id)
    staff_nos = uow.session.scalars(
        select(Examinee.staff_no).join(Attempt, Attempt.examinee_id == Examinee.id)
        .where(Attempt.assessment_id == assessment_id, Attempt.status == "finished")
        .group_by(Examinee.staff_no, Attempt.org_path).order_by(Attempt.org_path, Examinee.staff_no)).all()
    staff_nos = list(dict.fromkeys(staff_nos))  # once each, in 所属 order
    if not staff_nos:
        raise UserError("people_none_finished", id=assessment_id)
    year = fiscal_year(assessment.opens_at.astimezone(JST))
    people = [person_results(uow, actor, staff_no, year) for staff_no in staff_nos]
    audit(uow, actor, "report_person_cohort", assessment_id=assessment_id, people=len(people), file=file)
    uow.commit()
    return people
