"""Handlers of ``literacy-app assessment …``: open, close, extend, progress, candidates, slips, expire."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import TYPE_CHECKING

from .cli_local import local_actor, local_uow
from .config import Settings
from .core.errors import UserError
from .core.fiscal import jst_text, parse_instant
from .core.i18n import message

if TYPE_CHECKING:
    from .core.staff_list import StaffList
    from .storage.uow import UnitOfWork


def cmd_assessment(args: argparse.Namespace, settings: Settings) -> int:
    from .services import assessments, finishing

    if args.action == "progress":
        return _assessment_progress(args, settings)
    if args.action == "slips":
        from .commands_server import cmd_seat_slips

        return cmd_seat_slips(args, settings)
    if args.action == "candidates":
        return _candidates(args, settings)
    if args.action in ("close", "extend"):
        return _change_window(args, settings)
    now = dt.datetime.now(dt.UTC)
    opens, closes, cohort, staff_list = now, now, {}, None
    if args.action == "open":
        opens = parse_instant(args.opens) if args.opens else now
        closes = parse_instant(args.closes) if args.closes else now + dt.timedelta(days=14)
        if closes <= opens:
            raise UserError("assessment_window_order", opens=args.opens or jst_text(opens),
                            closes=args.closes or jst_text(closes))
        if args.slips and args.code:
            raise UserError("assessment_two_codes")
        cohort, staff_list = _cohort(args)
        if args.applicants:
            from .services.applicants import find_selection

            with local_uow(settings, read_only=True) as uow:
                cohort["selection"] = find_selection(uow, args.applicants).id
    with local_uow(settings) as uow:
        if args.action == "expire":
            count = finishing.finish_expired_attempts(uow)
            uow.commit()
            print(message("expired_done", settings.lang, count=count))
            return 0
        if staff_list is not None and _staff_list_problems(uow, staff_list, settings.lang):
            return 1
        assessment_id = assessments.open_assessment(
            uow, local_actor(), args.blueprint, opens, closes, title=args.title, access_code=args.code,
            cohort=cohort, person_codes=bool(args.slips))
    print(message("assessment_opened", settings.lang, id=assessment_id, opens=jst_text(opens), closes=jst_text(closes)))
    if args.slips:
        from .commands_server import cmd_seat_slips

        return cmd_seat_slips(argparse.Namespace(id=assessment_id, out=args.slips), settings)
    if not args.code:
        print(message("assessment_without_code", settings.lang))
    return 0


def _change_window(args: argparse.Namespace, settings: Settings) -> int:
    from .services import assessments

    with local_uow(settings) as uow:
        closes = uow.now if args.action == "close" else parse_instant(args.closes)
        before = assessments.change_window(uow, local_actor(), args.id, closes)
    print(message("assessment_window_changed", settings.lang, id=args.id, before=jst_text(before),
                  after=jst_text(closes)))
    return 0


def _candidates(args: argparse.Namespace, settings: Settings) -> int:
    """受験者一覧 as .xlsx (--out) or as tab-separated lines."""
    from .services import candidates

    with local_uow(settings) as uow:
        if args.out:
            count = candidates.export_candidates(uow, local_actor(), args.id, args.out)
            print(message("candidates_written", settings.lang, count=count, file=str(args.out)))
            return 0
        rows = candidates.candidate_list(uow, local_actor(), args.id, purpose="print")
    print("\t".join(candidates.headers_for(rows)[:9]))
    for row in rows:
        passed = "" if row.passed is None else ("合格" if row.passed else "不合格")
        figures = ["" if value is None else f"{value:g}" for value in (row.score, row.max_score)]
        percent = "" if row.percent is None else f"{row.percent:.1f}%"
        print("\t".join([row.staff_no, row.name, row.org_path, row.audience, row.status, *figures, percent, passed]))
    return 0


def _cohort(args: argparse.Namespace) -> tuple[dict, StaffList | None]:
    """--audience / --org / --staff-list → the cohort dict (and the list read, to check it)."""
    from .core.roster import audience_of, org_path_of
    from .core.staff_list import read_staff_list

    cohort: dict = {}
    if args.audience:
        audiences = [audience_of(value) for value in args.audience]
        for value, audience in zip(args.audience, audiences, strict=True):
            if audience is None:
                raise UserError("roster_bad_audience", value=value)
        cohort["audiences"] = sorted(set(audiences), key=audiences.index)  # type: ignore[arg-type]
    if args.org:
        cohort["org_prefixes"] = [org_path_of(value) for value in args.org if org_path_of(value)]
    staff_list: StaffList | None = None
    if args.staff_list:
        staff_list = read_staff_list(args.staff_list)
        cohort["staff_nos"] = list(staff_list.lines)
        # the people are named one by one: the blueprint's audience does not filter them again
        cohort.setdefault("audiences", [])
    return cohort, staff_list


def _staff_list_problems(uow: UnitOfWork, staff_list: StaffList, lang: str) -> bool:
    """Print the list's problems (``file:line: message``, like ``roster import``); True if any."""
    from .core.roster import RosterProblem
    from .services.cohort import unknown_staff_nos

    problems = list(staff_list.problems)
    unknown = unknown_staff_nos(uow, staff_list.lines)
    problems += [RosterProblem(staff_list.path, line, "staff_list_unknown", {"staff_no": staff_no})
                 for staff_no, line in staff_list.lines.items() if staff_no in unknown]
    problems.sort(key=lambda problem: problem.row or 0)
    for problem in problems:
        print(problem.render(lang))
    if problems:
        print(message("staff_list_invalid", lang, count=len(problems)), file=sys.stderr)
    return bool(problems)


def _assessment_progress(args: argparse.Namespace, settings: Settings) -> int:
    from .core.suppression import MinGroupTooSmall
    from .services.progress import assessment_progress

    lang = settings.lang
    try:
        with local_uow(settings) as uow:  # the look is audited
            rows = assessment_progress(uow, local_actor(), args.id, min_group=args.min_group)
    except MinGroupTooSmall:
        raise UserError("min_group_too_small") from None
    print(message("progress_header", lang))
    for row in rows:
        name = row.org_path or message("progress_total", lang)
        if row.other:
            name = message("progress_other", lang, unit=name)
        elif row.partial:
            name += "（一部）"
        figures = (["—"] * 4 if row.suppressed
                   else [str(n) for n in (row.target, row.not_started, row.in_progress, row.finished)])
        print("\t".join([name, *figures]))  # the full path: two 課 may share a name
    if any(row.suppressed or row.other or row.partial for row in rows):
        print(message("progress_note", lang, min=args.min_group))
    return 0
