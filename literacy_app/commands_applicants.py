"""Handlers of ``literacy-app applicants …``: the hiring selection's applicant lists (import with a
check first, list, delete after the retention date) — the same services as HR's window."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from .cli_local import local_actor, local_uow
from .config import Settings
from .core.errors import UserError
from .core.fiscal import jst_text
from .core.i18n import message


def cmd_applicants(args: argparse.Namespace, settings: Settings) -> int:
    from .services import applicants

    lang = settings.lang
    if args.action == "list":
        with local_uow(settings, read_only=True) as uow:
            found = applicants.list_selections(uow, local_actor())
        print(message("selections_header", lang))
        for info in found:
            state = (message("selection_state_deleted", lang, at=jst_text(info.deleted_at), people=info.deleted_people)
                     if info.deleted_at else str(info.applicants))
            print("\t".join([info.code, info.title, state, str(info.sat), info.retain_until.isoformat()]))
        return 0
    if args.action == "delete":
        with local_uow(settings) as uow:
            done = applicants.delete_selection(uow, local_actor(), args.selection, dry_run=not args.apply)
        code = "selection_delete_preview" if done.dry_run else "selection_delete_done"
        print(message(code, lang, selection=done.code, people=done.people, attempts=done.attempts))
        return 0
    keep_until = None
    if args.keep_until:
        try:
            keep_until = dt.date.fromisoformat(args.keep_until.strip())
        except ValueError:
            raise UserError("selection_bad_date", value=args.keep_until) from None
    with local_uow(settings) as uow:
        report = applicants.import_applicants(uow, local_actor(), args.file, args.selection, title=args.title,
                                              retain_until=keep_until, dry_run=not args.yes, lang=lang)
    for line in report.problems:
        print(line)
    if report.problems:
        extra = f" (+{report.unlisted})" if report.unlisted else ""
        print(message("roster_invalid", lang, count=f"{len(report.problems)}{extra}"), file=sys.stderr)
        return 1
    code = "applicants_imported" if report.stored else "applicants_preview"
    print(message(code, lang, selection=report.code, new=report.new, updated=report.updated,
                  unchanged=report.unchanged))
    return 0
