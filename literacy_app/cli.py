"""The command line.  With no command, the GUI starts.

The command line acts as the local administrator: whoever can run it on this PC can open the
database file anyway (for PostgreSQL, the database credentials are the gate).  With ``--server``
it signs in on the exam server like a person instead (``commands_remote``).  Its actions are
audited under ``cli:<OS user>``.  Problems a user can cause are printed as sentences in the
chosen language and give exit status 1; nothing prints a traceback (unexpected errors go to the
log file, whose path is printed).
"""

from __future__ import annotations

import argparse
import io
import socket
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .config import load_settings
from .core.errors import UserError
from .core.i18n import message


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="literacy-app", description="ICTリテラシー確認アプリ")
    parser.add_argument("--version", action="version", version=f"literacy-app {__version__}")
    parser.add_argument("--db", help="database URL (sqlite:///… or postgresql+psycopg://…)")
    parser.add_argument("--lang", choices=("ja", "en"), help="language of messages (default ja)")
    parser.add_argument("--server", nargs="?", const=True, metavar="CLIENT_TOML",
                        help="send the command to the exam server of this PC's client.toml (or the file given)")
    parser.add_argument("--user", help="staff user name to sign in with on the server (password asked)")
    commands = parser.add_subparsers(dest="command")

    db = commands.add_parser("db", help="database").add_subparsers(dest="action", required=True)
    db.add_parser("upgrade", help="migrate the schema to this version")
    db.add_parser("status", help="show the schema revision")
    grant = db.add_parser("grant", help="give the exam server's PostgreSQL role its least rights (run as the owner)")
    grant.add_argument("role")

    serve = commands.add_parser("serve", help="run the LAN exam server (the only holder of the database)")
    serve_actions = serve.add_subparsers(dest="action")
    serve.add_argument("--host", default="0.0.0.0", help="address to listen on (default all)")
    serve.add_argument("--port", type=int, default=8443)
    serve.add_argument("--workers", type=int, default=1, help="server processes (each with its own pool)")
    serve.add_argument("--pool-size", type=int, default=10, help="database connections per process")
    serve.add_argument("--tls-dir", help="folder with server.pem and server.key (default: made by serve init)")
    serve.add_argument("--certfile")
    serve.add_argument("--keyfile")
    serve.add_argument("--insecure-http", action="store_true", help="plain HTTP, on a loopback address only")
    serve.add_argument("--log-level", default="warning", choices=("critical", "error", "warning", "info"))
    init = serve_actions.add_parser("init", help="make the server's key, certificate and the PCs' client.toml")
    init.add_argument("--name", default=socket.gethostname(), help="the server's host name as PCs reach it")
    init.add_argument("--alt-name", action="append", help="another host name (repeatable)")
    init.add_argument("--address", action="append", help="an IP address PCs use (repeatable)")
    init.add_argument("--port", type=int, default=8443)
    init.add_argument("--out", help="folder to write to (default: the data folder's server/)")

    audit = commands.add_parser("audit", help="the audit trail").add_subparsers(dest="action", required=True)
    audit.add_parser("verify", help="check that no audit row was removed or edited")
    alist = audit.add_parser("list", help="who did what and when (Japan time), newest first (HR and admin)")
    alist.add_argument("--from", dest="since", help="from this date or date-time, Japan time (e.g. 2026-12-01)")
    alist.add_argument("--to", dest="until", help="up to (not including) this date or date-time, Japan time")
    alist.add_argument("--actor", default="", help="a 職員番号 or account name (or its start)")
    alist.add_argument("--action", dest="only_action", default="", metavar="ACTION",
                       help="one action, e.g. roster_import, candidate_list")
    alist.add_argument("--limit", type=int, default=100, help="rows to print (default 100, at most 5000)")
    alist.add_argument("--out", type=Path, help="write .xlsx or .csv instead of printing (audited)")

    bank = commands.add_parser("bank", help="question banks").add_subparsers(dest="action", required=True)
    validate = bank.add_parser("validate", help="check bank and blueprint files")
    validate.add_argument("paths", nargs="+")
    publish = bank.add_parser("publish", help="publish banks to the database")
    publish.add_argument("paths", nargs="*", help="default: the shipped question_banks")
    stats = bank.add_parser("stats", help="counts, key balance and review-due items")
    stats.add_argument("paths", nargs="*", help="default: the shipped question_banks")
    stats.add_argument("--json", action="store_true")
    bimport = bank.add_parser("import", help="import GIFT (.gift/.txt) or Moodle XML (.xml) as a new draft bank")
    bimport.add_argument("file", type=Path)
    bimport.add_argument("--to", required=True, type=Path, metavar="DIR", help="folder for <bank-id>.yaml")
    bimport.add_argument("--map", action="append", default=[], metavar="カテゴリ=領域ID",
                         help="the area of a category (and its subcategories), e.g. セキュリティ=security; "
                              "*=AREA for every other (repeatable)")
    bimport.add_argument("--bank-id", help="default: from the file name")
    bimport.add_argument("--title", help="the bank title (default: from the file name)")
    bimport.add_argument("--dry-run", action="store_true", help="check and count, write nothing")
    bexport = bank.add_parser("export", help="write bank items as GIFT, Moodle XML or a QTI 2.1 package")
    bexport.add_argument("paths", nargs="*", help="default: the shipped question_banks")
    bexport.add_argument("--format", required=True, choices=("gift", "moodle-xml", "qti"))
    bexport.add_argument("--out", required=True, type=Path)
    bexport.add_argument("--area", help="only this area (e.g. security)")
    bexport.add_argument("--status", action="append", choices=("draft", "approved", "retired"),
                         help="only items with this status (repeatable; default: all)")

    export = commands.add_parser("export", help="exports").add_subparsers(dest="action", required=True)
    responses = export.add_parser("responses", help="one CSV row per answer")
    responses.add_argument("--out", required=True, type=Path)
    responses.add_argument("--encoding", choices=("utf-8-sig", "cp932"), default="utf-8-sig")

    roster = commands.add_parser("roster", help="examinees").add_subparsers(dest="action", required=True)
    add = roster.add_parser("add", help="add or update one examinee")
    add.add_argument("--staff-no", required=True)
    add.add_argument("--name", required=True)
    add.add_argument("--org", default="")
    add.add_argument("--audience", required=True, help="recruit|promotion|manager or 新規採用|昇任候補|管理職")
    imp = roster.add_parser("import", help="import HR's roster: CSV (UTF-8 or cp932) or .xlsx with "
                                           "職員番号, 氏名, 所属 (or 局/部/課), 区分, 職位, 採用年月日")
    imp.add_argument("file", type=Path)
    imp.add_argument("--dry-run", action="store_true", help="check and count, store nothing")
    imp.add_argument("--map", action="append", default=[], metavar="項目=列名",
                     help="the file's header for a field, e.g. 職員番号=社員番号 (repeatable)")
    imp.add_argument("--full", action="store_true",
                     help="the file is the whole roster: deactivate active people it does not name (listed first)")
    imp.add_argument("--yes", action="store_true", help="with --full: deactivate without asking (after checking "
                                                        "the list with --dry-run)")

    user = commands.add_parser("user", help="staff accounts").add_subparsers(dest="action", required=True)
    uadd = user.add_parser("add", help="create a trainer / hr / admin account")
    uadd.add_argument("username")
    uadd.add_argument("--role", required=True, choices=("trainer", "hr", "admin", "viewer"),
                      help="viewer: department heads and the board — aggregate reports only")
    uadd.add_argument("--name")
    uadd.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    unlock = user.add_parser("unlock", help="unlock an account after 5 failed logins")
    unlock.add_argument("username")

    assess = commands.add_parser("assessment", help="assessment windows").add_subparsers(
        dest="action", required=True)
    aopen = assess.add_parser("open", help="open a blueprint for its audience")
    aopen.add_argument("blueprint")
    aopen.add_argument("--from", dest="opens", help="date-time, Japan time unless a zone is given, e.g. "
                                                    "2026-12-01T09:00 (default now)")
    aopen.add_argument("--to", dest="closes", help="date-time, Japan time unless a zone is given (default in 14 days)")
    aopen.add_argument("--code", help="access code (one for the room)")
    aopen.add_argument("--slips", type=Path, metavar="PDF",
                       help="a personal code for each person instead, printed as 受験票 to this PDF")
    aopen.add_argument("--title")
    aopen.add_argument("--audience", nargs="+", metavar="区分",
                       help="新規採用|昇任候補|管理職 (or recruit|promotion|manager); default: the blueprint's, "
                            "or anyone when --staff-list is given")
    aopen.add_argument("--org", nargs="+", metavar="所属", help="所属 prefixes, e.g. 総務局/総務部")
    aopen.add_argument("--applicants", metavar="CODE",
                       help="open it to the applicants of this 採用区分 instead of staff")
    aopen.add_argument("--staff-list", type=Path, metavar="FILE",
                       help="only these people: one 職員番号 a line, or CSV/.xlsx with 職員番号 first")
    aclose = assess.add_parser("close", help="close a window now (attempts under way keep their own deadline)")
    aclose.add_argument("id", type=int)
    extend = assess.add_parser("extend", help="move a window's end (audited)")
    extend.add_argument("id", type=int)
    extend.add_argument("--to", dest="closes", required=True, help="the new end, Japan time unless a zone is given")
    cand = assess.add_parser("candidates", help="受験者一覧: everyone of one window with their results (HR only; "
                                                "audited)")
    cand.add_argument("id", type=int)
    cand.add_argument("--out", type=Path, help="write an .xlsx instead of printing")
    assess.add_parser("expire", help="score attempts whose time ran out more than 5 minutes ago "
                                      "(answers given in time may still arrive until then)")
    slips = assess.add_parser("slips", help="issue a personal code to everyone in a window and print the seat slips")
    slips.add_argument("id", type=int)
    slips.add_argument("--out", type=Path, required=True, help="the slips as a PDF (the codes are shown only here)")
    aprogress = assess.add_parser("progress", help="counts of not started / in progress / finished per 所属")
    aprogress.add_argument("id", type=int)
    aprogress.add_argument("--min-group", type=int, default=5, help="hide groups under N people (N >= 3)")

    demo = commands.add_parser("demo", help="demo data").add_subparsers(dest="action", required=True)
    generate = demo.add_parser("generate", help="fill the database with realistic demo staff and results")
    generate.add_argument("--staff", type=int, default=10_000, help="number of examinees (default 10000)")
    generate.add_argument("--years", type=int, default=5, help="fiscal years up to the current one (default 5)")
    generate.add_argument("--seed", type=int, default=1, help="the same seed gives the same data (default 1)")
    generate.add_argument("--force", action="store_true", help="add demo data although attempts exist")

    report = commands.add_parser("report", help="HR reports").add_subparsers(dest="action", required=True)
    minimum = report.add_parser("min-group", help="the city's minimum group size for every figure (admin; audited)")
    minimum.add_argument("people", type=int, nargs="?", help="3 or more (default 5); without: show it")
    summary = report.add_parser("summary", help="the 年度 summary as html, pdf, xlsx or csv")
    summary.add_argument("--year", type=int, required=True, help="年度 (e.g. 2026 for 令和8年度)")
    summary.add_argument("--assessment", type=int, help="only this assessment")
    summary.add_argument("--org", help="only this 所属 and the units below it (e.g. 市民局 or 市民局/区政部)")
    summary.add_argument("--format", choices=("html", "pdf", "xlsx", "csv"), required=True)
    summary.add_argument("--out", type=Path, required=True)
    summary.add_argument("--min-group", type=int, default=5, help="hide groups under N people (N >= 3)")
    summary.add_argument("--encoding", choices=("utf-8-sig", "cp932"), default="utf-8-sig")
    person = report.add_parser("person", help="one person's 個人結果票 as PDF")
    person.add_argument("staff_no", metavar="職員番号")
    person.add_argument("--out", type=Path, required=True)
    person.add_argument("--year", type=int, help="only assessments of this 年度 (e.g. 2026)")

    persons = report.add_parser("people", help="個人結果票 of everyone who finished one window, one PDF")
    persons.add_argument("--assessment", type=int, required=True)
    persons.add_argument("--out", type=Path, required=True)

    hiring = commands.add_parser("applicants", help="applicants of the hiring selection (採用試験), by 受験番号")\
        .add_subparsers(dest="action", required=True)
    bring = hiring.add_parser("import", help="check an applicant list (受験番号, 氏名) and, with --yes, store it")
    bring.add_argument("file", type=Path)
    bring.add_argument("--selection", required=True, metavar="CODE", help="the 採用区分's short code, e.g. R9-GYOSEI")
    bring.add_argument("--title", help="the 採用区分's name (needed the first time)")
    bring.add_argument("--keep-until", metavar="YYYY-MM-DD",
                       help="delete the applicants' data after this date (default: a year from the first import)")
    bring.add_argument("--yes", action="store_true", help="store (without: only check and count)")
    hiring.add_parser("list", help="the selections with their applicants and retention dates")
    drop = hiring.add_parser("delete", help="delete a selection's applicants and results after its retention date")
    drop.add_argument("selection", metavar="CODE")
    drop.add_argument("--apply", action="store_true", help="do it (without: only say how many)")

    keep = commands.add_parser("retention", help="pseudonymise people who left more than N 年度 ago (admin)")
    keep.add_argument("--keep-years", type=int, help="年度 to keep, this one included (e.g. 5; default: the stored "
                                                     "period)")
    keep.add_argument("--save", action="store_true", help="store --keep-years as the city's retention period")
    keep.add_argument("--apply", action="store_true", help="do it (without: only say how many)")

    commands.add_parser("self-check", help="migrate, publish and sit one attempt on a temp database")
    commands.add_parser("gui", help="start the application window (the default)")
    return parser


def _printable_output() -> None:
    """Characters the console's code page lacks are replaced, never a crash: a Japanese Windows
    console (cp932) has no 「—」 (U+2014), and a report must not die on it."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
            stream.reconfigure(errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    _printable_output()
    arguments = list(sys.argv[1:] if argv is None else argv)
    # a bare launch (how staff start it) goes straight to the window, skipping the parser
    args = (_parser().parse_args(arguments) if arguments
            else argparse.Namespace(db=None, lang=None, command=None, server=None))
    settings = load_settings(args.db, args.lang)
    from .logs import log_path, setup_logging

    log_file = log_path(settings.data_dir)
    lang = settings.lang
    try:
        if args.command in (None, "gui"):
            from .launch import run_gui

            return run_gui(settings)  # sets up logging once the window is on screen
        setup_logging(settings.data_dir)
        if args.server:
            from .commands_remote import run_remote

            return run_remote(args, settings)
        from . import commands

        return int(commands.COMMANDS[args.command](args, settings) or 0)
    except UserError as exc:
        print(exc.render(lang), file=sys.stderr)
        for line in getattr(exc, "lines", []):
            print(line, file=sys.stderr)
        for problem in getattr(exc, "problems", []):
            print(problem.render(lang), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into `head` and the reader went away: not an error
        sys.stderr.close()
        return 0
    except Exception:  # noqa: BLE001 - last line of defence: log it, say where, no traceback
        import logging

        setup_logging(settings.data_dir)
        logging.getLogger(__name__).exception("unexpected error")
        print(message("unexpected_error", lang, log=str(log_file)), file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
