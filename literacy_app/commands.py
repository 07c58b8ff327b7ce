"""Handlers of the command-line commands (argument parsing is in ``cli``)."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from .cli_local import local_actor, local_uow
from .config import Settings
from .core.banks import validate_paths
from .core.banks.stats import bank_stats
from .core.catalog import AREAS
from .core.errors import UserError
from .core.i18n import message
from .resources import question_banks_dir

if TYPE_CHECKING:
    pass

# Database commands import SQLAlchemy, Alembic and the services lazily (inside _uow and the
# handlers): `bank validate` is run by trainers many times a day and should start fast.


def print_json(value: object) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def cmd_db(args: argparse.Namespace, settings: Settings) -> int:
    from .bootstrap import open_database
    from .storage import migrate

    if args.action == "grant":
        from .commands_server import cmd_db_grant

        return cmd_db_grant(args, settings)
    if args.action == "upgrade":
        database = open_database(settings.db_url, seed_banks=False)
        print(message("db_upgraded", settings.lang, revision=migrate.head_revision()))
        database.dispose()
        return 0
    from .storage.engine import make_engine

    engine = make_engine(settings.db_url)
    try:
        print(f"{migrate.current_revision(engine) or '-'} (head {migrate.head_revision()}, "
              f"{migrate.check_schema(engine)})")
    finally:
        engine.dispose()
    return 0


def cmd_bank(args: argparse.Namespace, settings: Settings) -> int:
    lang = settings.lang
    if args.action in ("import", "export"):  # GIFT / Moodle XML / QTI: commands_interchange.py
        from .commands_interchange import cmd_bank_export, cmd_bank_import

        return (cmd_bank_import if args.action == "import" else cmd_bank_export)(args, settings)
    paths = getattr(args, "paths", None) or [question_banks_dir()]
    if args.action == "validate":
        result = validate_paths(paths)
        for problem in result.problems:
            print(problem.render(lang))
        if result.problems:
            print(message("validate_failed", lang, count=len(result.problems)), file=sys.stderr)
            return 1
        items = sum(len(bank.items) for bank in result.banks)
        print(message("validate_ok", lang, items=items, blueprints=len(result.blueprints)))
        return 0
    if args.action == "stats":
        result = validate_paths(paths)
        for problem in result.problems:
            print(problem.render(lang), file=sys.stderr)
        stats = bank_stats(result)
        if args.json:
            print_json(stats)
        else:
            _print_stats(stats, lang)
        return 1 if result.problems else 0
    from .services import publishing

    with local_uow(settings) as uow:
        report = publishing.publish_bank(uow, local_actor(), paths)
    print(message("publish_done", lang, new=report.new, changed=report.changed,
                  unchanged=report.unchanged, retired=report.retired,
                  metadata=report.metadata_updated, blueprints=report.blueprints))
    return 0


def _print_stats(stats: dict, lang: str) -> None:
    print(f"items: {stats['items']}  pilot: {stats['pilot']}  scenario items: {stats['scenario_items']}"
          f"  review due: {stats['review_due']}")
    print("by type: " + ", ".join(f"{k} {v}" for k, v in stats["by_type"].items()))
    print("by status: " + ", ".join(f"{k} {v}" for k, v in stats["by_status"].items()))
    print("single-choice key positions: " + ", ".join(
        f"{k}: {v}" for k, v in stats["single_key_positions"].items())
        + f"  (longest option is the key in {stats['single_longest_option_is_key']}"
          f" of {stats['single_items']})")
    table: dict[tuple[str, int, str], int] = {}
    for cell in stats["cells"]:
        key = (cell["area"], cell["level"], cell["audience"])
        table[key] = table.get(key, 0) + cell["count"]
    print(f"{'area':<15}{'level':>6}{'recruit':>9}{'promotion':>11}{'manager':>9}")
    for area in AREAS:
        for level in (1, 2, 3, 4):
            row = [table.get((area, level, a), 0) for a in ("recruit", "promotion", "manager")]
            if any(row):
                print(f"{area:<15}{level:>6}{row[0]:>9}{row[1]:>11}{row[2]:>9}")


def cmd_export(args: argparse.Namespace, settings: Settings) -> int:
    from .services import exports

    with local_uow(settings, read_only=True) as uow:
        count = exports.export_responses(uow, local_actor(), args.out, args.encoding)
    print(message("export_done", settings.lang, rows=count, file=str(args.out)))
    return 0


def cmd_roster(args: argparse.Namespace, settings: Settings) -> int:
    from .services import people

    if args.action == "import":
        return _roster_import(args, settings)
    with local_uow(settings) as uow:
        info = people.add_examinee(uow, local_actor(), args.staff_no, args.name, args.org, args.audience)
        print(message("roster_added", settings.lang, staff_no=info.staff_no, name=info.name))
    return 0


def _roster_import(args: argparse.Namespace, settings: Settings) -> int:
    """Problem lines on stdout (one per bad row, like ``bank validate``), the verdict on stderr.
    With ``--full`` the people to deactivate are listed and confirmed (``--yes``, or y at the prompt)."""
    from .core.roster import parse_mapping
    from .services import roster

    lang = settings.lang
    mapping = parse_mapping(args.map)
    with local_uow(settings) as uow:
        report = roster.import_roster(uow, local_actor(), args.file, mapping=mapping, lang=lang, full=args.full,
                                      dry_run=True)
    if report.problems:
        for line in report.problems:
            print(line)
        if report.unlisted:
            print(message("roster_unlisted", lang, count=report.unlisted, shown=len(report.problems)))
        code = "roster_dry_run_invalid" if args.dry_run else "roster_invalid"
        print(message(code, lang, count=len(report.problems) + report.unlisted), file=sys.stderr)
        return 1
    if report.deactivated:
        _list_deactivated(report.deactivated, lang)
    if args.dry_run:
        print(message("roster_dry_run", lang, new=report.new, updated=report.updated, unchanged=report.unchanged))
        return 0
    if report.deactivated and not args.yes:
        if not sys.stdin.isatty():
            raise UserError("roster_deactivate_needs_yes", count=len(report.deactivated))
        if input(message("roster_deactivate_confirm", lang, count=len(report.deactivated))).strip().lower() not in (
                "y", "yes", "はい"):
            print(message("roster_cancelled", lang))
            return 1
    with local_uow(settings) as uow:
        report = roster.import_roster(uow, local_actor(), args.file, mapping=mapping, lang=lang, full=args.full,
                                      confirmed=[staff_no for staff_no, _name, _org in report.deactivated])
    print(message("roster_imported", lang, new=report.new, updated=report.updated, unchanged=report.unchanged))
    if report.deactivated:
        print(message("roster_deactivated", lang, count=len(report.deactivated)))
    return 0


def _list_deactivated(people: Sequence[tuple[str, str, str]], lang: str, shown: int = 50) -> None:
    print(message("roster_deactivate_preview", lang, count=len(people)))
    for staff_no, name, org in people[:shown]:
        print(f"  {staff_no}\t{name}\t{org}")
    if len(people) > shown:
        print(message("roster_deactivate_more", lang, count=len(people) - shown))


def _read_password(args: argparse.Namespace, lang: str) -> str:
    if args.password_stdin or not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")
    password = getpass.getpass(message("password_prompt", lang))
    if getpass.getpass(message("password_again", lang)) != password:
        raise UserError("password_mismatch")
    return password


def cmd_user(args: argparse.Namespace, settings: Settings) -> int:
    from .services import accounts

    with local_uow(settings) as uow:
        if args.action == "unlock":
            accounts.unlock_user(uow, local_actor(), args.username)
            print(message("user_unlocked", settings.lang, username=args.username))
        else:
            accounts.add_user(uow, local_actor(), args.username, _read_password(args, settings.lang), args.role,
                              args.name)
            print(message("user_added", settings.lang, username=args.username, role=args.role))
    return 0


def cmd_report(args: argparse.Namespace, settings: Settings) -> int:
    from .core.suppression import MinGroupTooSmall
    from .reporting.exports import export_person, export_summary

    if args.action == "min-group":
        from .services.settings import privacy_min_group, set_privacy_min_group

        with local_uow(settings) as uow:
            if args.people is None:
                print(message("min_group_is", settings.lang, people=privacy_min_group(uow)))
                return 0
            before = set_privacy_min_group(uow, local_actor(), args.people)
        print(message("min_group_saved", settings.lang, people=args.people, before=before))
        return 0
    if args.action == "people":
        from .reporting.exports import export_people

        with local_uow(settings) as uow:
            count = export_people(uow, local_actor(), args.assessment, args.out)
        print(message("people_written", settings.lang, count=count, file=str(args.out)))
        return 0
    if args.action == "person":
        with local_uow(settings) as uow:
            export_person(uow, local_actor(), args.staff_no, args.out, year=args.year)
        print(message("report_done", settings.lang, file=str(args.out)))
        return 0
    from .bootstrap import open_database

    database = open_database(settings.db_url, seed_banks=False)
    try:
        export_summary(database, local_actor(), args.year, args.format, args.out, assessment_id=args.assessment,
                       org_unit=args.org, min_group=args.min_group, encoding=args.encoding)
    except MinGroupTooSmall:
        raise UserError("min_group_too_small") from None
    finally:
        database.dispose()
    print(message("report_done", settings.lang, file=str(args.out)))
    return 0


def cmd_self_check(args: argparse.Namespace, settings: Settings) -> int:
    from .selfcheck import run_self_check

    return run_self_check(settings.lang)


def cmd_demo(args: argparse.Namespace, settings: Settings) -> int:
    from .services import demo

    def progress(code: str, params: dict) -> None:
        print(message(code, settings.lang, **params), flush=True)

    with local_uow(settings) as uow:
        result = demo.generate_demo(uow, local_actor(), args.staff, args.years, seed=args.seed, force=args.force,
                                    progress=progress)
    print(message("demo_done", settings.lang, examinees=result.examinees, assessments=result.assessments,
                  attempts=result.attempts, answers=result.answers, seconds=result.seconds,
                  access_code=demo.ACCESS_CODE))
    return 0


def cmd_retention(args: argparse.Namespace, settings: Settings) -> int:
    from .services.retention import apply_retention, set_retention_years

    if args.save:
        if args.keep_years is None:
            raise UserError("retention_not_set")
        with local_uow(settings) as uow:
            before = set_retention_years(uow, local_actor(), args.keep_years)
        print(message("retention_saved", settings.lang, years=args.keep_years, before=before or "—"))
    with local_uow(settings) as uow:
        report = apply_retention(uow, local_actor(), args.keep_years, dry_run=not args.apply)
    code = "retention_done" if args.apply else "retention_preview"
    print(message(code, settings.lang, people=report.people, year=report.before_year, keep=report.keep_years))
    return 0


def _applicants_command(args: argparse.Namespace, settings: Settings) -> int:
    from .commands_applicants import cmd_applicants

    return cmd_applicants(args, settings)


def _assessment_command(args: argparse.Namespace, settings: Settings) -> int:
    from .commands_assessment import cmd_assessment

    return cmd_assessment(args, settings)


def _server_command(name: str, args: argparse.Namespace, settings: Settings) -> int:
    from . import commands_server

    return int(getattr(commands_server, name)(args, settings))


COMMANDS: dict[str, Callable[[argparse.Namespace, Settings], int]] = {
    "db": cmd_db,
    "bank": cmd_bank,
    "export": cmd_export,
    "roster": cmd_roster,
    "user": cmd_user,
    "assessment": lambda args, settings: _assessment_command(args, settings),
    "report": cmd_report,
    "self-check": cmd_self_check,
    "retention": cmd_retention,
    "applicants": lambda args, settings: _applicants_command(args, settings),
    "demo": cmd_demo,
    "serve": lambda args, settings: _server_command("cmd_serve", args, settings),
    "audit": lambda args, settings: _server_command("cmd_audit", args, settings),
}
"""Each top-level command of ``cli._parser`` and its handler (``bank import``/``export`` are in
``commands_interchange``, reached from ``cmd_bank``)."""
