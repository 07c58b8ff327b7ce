"""Import HR's staff roster (CSV in UTF-8 or cp932, or .xlsx) into the examinee table.

All-or-nothing: one bad row and nothing is stored, with every bad row listed.  Idempotent by
職員番号: a new number is added, a known one is updated when something differs, and counted as
unchanged otherwise, so importing the same file twice changes nothing the second time.  A dry run
reads, checks and compares but stores nothing (not even an audit row).  Examinees missing from the
file are left alone — a file may hold one 局 only — unless the file is declared the *full* roster:
then everyone active who is missing (retirees, people who left) is deactivated.  A deactivated
person keeps their results (reports of past 年度 need them) but sees no new window.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from ..core.errors import UserError
from ..core.model import Actor
from ..core.roster import HIRED_ON, TITLE, RosterEntry, RosterProblem, read_roster
from ..storage.models import Examinee, Selection
from ..storage.uow import UnitOfWork
from ._common import audit, require_staff
from .cohort import freeze_closed

_LOOKUP_CHUNK = 500  # staff numbers per IN (…) query, well under every driver's parameter limit


@dataclass(frozen=True)
class RosterReport:
    """What an import did (or, for a dry run, would do).  With problems, nothing was stored."""

    path: str
    rows: int
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: tuple[str, ...] = ()
    dry_run: bool = False
    unlisted: int = 0
    """Problems beyond those listed in ``problems`` (a file can hold hundreds of thousands)."""
    deactivated: tuple[tuple[str, str, str], ...] = ()
    """(職員番号, 氏名, 所属) of the active people a full roster does not name: deactivated, or with
    a dry run to be deactivated."""

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def stored(self) -> bool:
        return self.ok and not self.dry_run


def import_roster(uow: UnitOfWork, actor: Actor, path: Path, *, mapping: Mapping[str, str] | None = None,
                  dry_run: bool = False, lang: str = "ja", full: bool = False,
                  confirmed: Collection[str] = ()) -> RosterReport:
    """Read, check and (unless a dry run or a problem) store the roster at ``path``.

    ``mapping`` names the file's header for a field whose header differs, e.g.
    ``{"職員番号": "社員番号"}``; problems come back rendered in ``lang`` as ``file:row: message``.
    ``full``: the file is the whole roster, and the active people it does not name are deactivated
    — only those the caller showed and had ``confirmed`` (their 職員番号, from a dry run): if the
    list differs now, nothing is stored (``roster_changed_meanwhile``).
    """
    require_staff(actor, "hr")
    read = read_roster(Path(path), mapping)
    existing = _existing(uow, [entry.staff_no for entry in read.entries])
    found = list(read.problems)
    applicants = [(entry, existing[entry.staff_no]) for entry in read.entries
                  if entry.staff_no in existing and existing[entry.staff_no].selection_id is not None]
    if applicants:  # a 受験番号 of the hiring selection is not a member of staff
        codes = dict(uow.session.execute(select(Selection.id, Selection.code)).all())
        found += [RosterProblem(read.path, entry.row, "staff_no_is_applicant",
                                {"staff_no": entry.staff_no, "selection": codes.get(person.selection_id or 0, "?")})
                  for entry, person in applicants]
        found.sort(key=lambda problem: problem.row or 0)
    problems = tuple(problem.render(lang) for problem in found)
    if not dry_run and not problems:
        freeze_closed(uow)  # closed windows keep the people and 所属 they had
    new = updated = unchanged = 0
    for entry in read.entries:
        examinee = existing.get(entry.staff_no)
        if examinee is None:
            new += 1
            if not dry_run and not problems:
                uow.session.add(Examinee(staff_no=entry.staff_no, updated_at=uow.now, active=True,
                                         **_values(entry, read.columns)))
        elif _differs(examinee, entry, read.columns):
            updated += 1
            if not dry_run and not problems:
                for name, value in _values(entry, read.columns).items():
                    setattr(examinee, name, value)
                examinee.active = True
                examinee.updated_at = uow.now
        else:
            unchanged += 1
    missing: list[Examinee] = []
    if full and read.entries and not problems:
        named = {entry.staff_no for entry in read.entries}
        missing = [person for person in uow.session.scalars(
            select(Examinee).where(Examinee.active.is_(True), Examinee.selection_id.is_(None))
            .order_by(Examinee.org_path, Examinee.staff_no))
            if person.staff_no not in named]
    report = RosterReport(read.path, len(read.entries), new, updated, unchanged, problems, dry_run, read.unlisted,
                          tuple((person.staff_no, person.name, person.org_path) for person in missing))
    if report.stored and {person.staff_no for person in missing} != set(confirmed):
        raise UserError("roster_changed_meanwhile", count=len(missing))
    if report.stored:
        for person in missing:
            person.active = False
            person.updated_at = uow.now
        audit(uow, actor, "roster_import", file=read.path, encoding=read.encoding, rows=report.rows,
              new=new, updated=updated, unchanged=unchanged,
              **({"full": True, "deactivated": len(missing),
                  "deactivated_staff_nos": [person.staff_no for person in missing]} if full else {}))
        uow.commit()
    return report


def _existing(uow: UnitOfWork, staff_nos: list[str]) -> dict[str, Examinee]:
    found: dict[str, Examinee] = {}
    for start in range(0, len(staff_nos), _LOOKUP_CHUNK):
        chunk = staff_nos[start:start + _LOOKUP_CHUNK]
        for examinee in uow.session.scalars(select(Examinee).where(Examinee.staff_no.in_(chunk))):
            found[examinee.staff_no] = examinee
    return found


def _values(entry: RosterEntry, columns: frozenset[str]) -> dict[str, object]:
    """The examinee's columns from a row; 職位 and 採用年月日 only when the file has them."""
    values: dict[str, object] = {"name": entry.name, "org_path": entry.org_path, "audience": entry.audience}
    if TITLE in columns:
        values["job_title"] = entry.job_title
    if HIRED_ON in columns:
        values["hired_on"] = entry.hired_on
    return values


def _differs(examinee: Examinee, entry: RosterEntry, columns: frozenset[str]) -> bool:
    if not examinee.active:
        return True
    return any(getattr(examinee, name) != value for name, value in _values(entry, columns).items())
