"""The command line against the exam server: it signs in like a person.

``literacy-app --server [client.toml] --user NAME …`` sends the command to the server named in
the PC's ``client.toml`` (or the file given), after a password check on the server; the audit
log names that person.  Only commands a staff member runs from their own PC are offered; the
rest (``serve``, ``db``, ``bank publish`` of the shipped banks …) belong on the server host,
where the command line is the local administrator.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .config import Settings
from .core.errors import UserError
from .core.i18n import message

if TYPE_CHECKING:
    from .client.api import ServerClient

REMOTE = {("audit", "verify"), ("user", "unlock"), ("assessment", "slips")}


def run_remote(args: argparse.Namespace, settings: Settings) -> int:
    from .client.api import ServerClient
    from .client.settings import config_file, load_client_settings

    wanted = (args.command, getattr(args, "action", None))
    if wanted not in REMOTE:
        raise UserError("remote_command", command=" ".join(part for part in wanted if part),
                        allowed=", ".join(" ".join(pair) for pair in sorted(REMOTE)))
    path = Path(args.server) if isinstance(args.server, str) else config_file()
    lan = load_client_settings(path)
    if lan is None:
        raise UserError("client_config_bad", file=str(path), detail="no such file")
    if not args.user:
        raise UserError("remote_needs_user")
    password = (sys.stdin.readline().rstrip("\n") if not sys.stdin.isatty()
                else getpass.getpass(message("password_prompt", settings.lang)))
    client = ServerClient(lan, settings.lang)
    try:
        client.sign_in(args.user, password)
        return _run(client, args, settings)
    finally:
        try:
            client.sign_out()
        finally:
            client.close()


def _run(client: ServerClient, args: argparse.Namespace, settings: Settings) -> int:
    lang = settings.lang
    if args.command == "audit":
        check = client.audit_verify()
        if check.ok:
            print(message("audit_chain_ok", lang, rows=check.rows))
            return 0
        from .commands_server import chain_broken

        print(chain_broken(check, lang), file=sys.stderr)
        return 1
    if args.command == "user":
        client.unlock(args.username)
        print(message("user_unlocked", lang, username=args.username))
        return 0
    from .reporting.rendering.slips import write_slips_pdf

    issued = client.seat_codes(args.id)
    write_slips_pdf(issued.title, issued.opens_at, issued.closes_at, list(issued.slips), args.out)
    print(message("slips_done", lang, count=len(issued.slips), file=str(args.out)))
    return 0
