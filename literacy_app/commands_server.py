"""Commands of a LAN installation: ``serve``, ``serve init``, ``db grant``, ``audit verify``,
``assessment slips``.

``serve`` runs the exam server (``server.app``) under uvicorn with TLS; ``serve init`` makes the
server's key and certificate and the ``client.toml`` that every exam PC gets (the server's
address and the certificate it pins).  Plain HTTP is allowed only on a loopback address, for
tests and for trying the server on one machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import ipaddress
import os
import sys
from pathlib import Path
from typing import Any

from .cli_local import local_actor, local_uow
from .config import Settings
from .core.errors import UserError
from .core.i18n import message

LOOPBACK = ("127.0.0.1", "::1", "localhost")


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    if args.action == "init":
        return _init(args, settings)
    import uvicorn

    folder = Path(args.tls_dir) if args.tls_dir else settings.data_dir / "server"
    cert, key = Path(args.certfile or folder / "server.pem"), Path(args.keyfile or folder / "server.key")
    if args.insecure_http:
        if args.host not in LOOPBACK:
            raise UserError("serve_plain_http", host=args.host)
        tls: dict[str, str] = {}
    else:
        if not (cert.is_file() and key.is_file()):
            raise UserError("serve_no_certificate", folder=str(folder))
        tls = {"ssl_certfile": str(cert), "ssl_keyfile": str(key)}
    os.environ["LITERACY_SERVER_DB"] = settings.db_url
    os.environ["LITERACY_SERVER_POOL"] = str(args.pool_size)
    if args.workers == 1:  # fail here, with a sentence, rather than in a worker's log
        from .bootstrap import open_server_database

        open_server_database(settings.db_url, args.pool_size).dispose()
    print(message("serve_listening", settings.lang, url=f"{'http' if args.insecure_http else 'https'}://"
                  f"{args.host}:{args.port}", workers=args.workers, pool=args.pool_size), flush=True)
    uvicorn.run("literacy_app.server.app:app_from_environment", factory=True, host=args.host, port=args.port,
                workers=args.workers, log_level=args.log_level, proxy_headers=False, server_header=False,
                timeout_keep_alive=30, backlog=2048, **tls)  # type: ignore[arg-type]  # run() types each TLS keyword apart; the dict holds both or neither
    return 0


def _init(args: argparse.Namespace, settings: Settings) -> int:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    folder = Path(args.out) if args.out else settings.data_dir / "server"
    folder.mkdir(parents=True, exist_ok=True)
    names, addresses = [], []
    for name in dict.fromkeys([args.name, *(args.alt_name or []), *(args.address or [])]):
        try:
            addresses.append(ipaddress.ip_address(name))
        except ValueError:
            names.append(name)
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, args.name),
                         x509.NameAttribute(NameOID.ORGANIZATION_NAME, "literacy-app exam server")])
    now = dt.datetime.now(dt.UTC)
    alt = [x509.DNSName(name) for name in names] + [x509.IPAddress(address) for address in addresses]
    certificate = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject)
                   .public_key(key.public_key()).serial_number(x509.random_serial_number())
                   .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + dt.timedelta(days=3 * 365))
                   .add_extension(x509.SubjectAlternativeName(alt), critical=False)
                   .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
                   .sign(key, hashes.SHA256()))
    key_path, cert_path = folder / "server.key", folder / "server.pem"
    key_bytes = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                  serialization.NoEncryption())
    descriptor = os.open(key_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(key_bytes)
    pem = certificate.public_bytes(serialization.Encoding.PEM).decode("ascii")
    cert_path.write_text(pem, encoding="ascii")
    host = f"[{args.name}]" if ":" in args.name else args.name
    (folder / "client.toml").write_text(client_toml(f"https://{host}:{args.port}", pem), encoding="utf-8")
    print(message("serve_init_done", settings.lang, folder=str(folder),
                  fingerprint=certificate.fingerprint(hashes.SHA256()).hex(":")))
    return 0


def client_toml(url: str, pem: str) -> str:
    """The one file an exam PC needs: where the server is and the certificate it must present."""
    return (
        "# literacy-app: exam PC settings (LAN mode). Copy to the PC's site configuration folder.\n"
        "# 受験用 PC の設定ファイル（LAN 運用）。サーバーの証明書をここで固定します。\n"
        f'server = "{url}"\n'
        f'certificate = """\n{pem.strip()}\n"""\n'
    )


GRANTS = """\
GRANT CONNECT ON DATABASE {database} TO {role};
GRANT USAGE ON SCHEMA public TO {role};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role};
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM {role};
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON alembic_version FROM {role};
"""
"""What the server's own database role may do: rows, not schema (``db upgrade`` runs as the owner),
and on the audit table only reading and appending."""


def cmd_db_grant(args: argparse.Namespace, settings: Settings) -> int:
    from sqlalchemy import text

    from .storage.engine import make_engine

    if not settings.db_url.startswith("postgresql"):
        raise UserError("grant_needs_postgres")
    role = args.role
    if not role.replace("_", "").isalnum():
        raise UserError("bad_request", detail=f"role: {role}")
    engine = make_engine(settings.db_url)
    try:
        with engine.begin() as connection:
            database = connection.execute(text("SELECT current_database()")).scalar_one()
            for statement in GRANTS.format(database=f'"{database}"', role=f'"{role}"').splitlines():
                connection.execute(text(statement))
    finally:
        engine.dispose()
    print(message("grants_done", settings.lang, role=role))
    return 0


def cmd_audit(args: argparse.Namespace, settings: Settings) -> int:
    from .services.audit import verify_chain

    if args.action == "list":
        return _audit_list(args, settings)
    with local_uow(settings, read_only=True) as uow:
        check = verify_chain(uow, local_actor())
    if check.ok:
        print(message("audit_chain_ok", settings.lang, rows=check.rows))
        return 0
    print(chain_broken(check, settings.lang), file=sys.stderr)
    return 1


def _audit_list(args: argparse.Namespace, settings: Settings) -> int:
    import json

    from .core.fiscal import jst_text, parse_instant
    from .services.audit import audit_entries, export_audit

    filters: dict[str, Any] = {"since": parse_instant(args.since) if args.since else None,
                               "until": parse_instant(args.until) if args.until else None, "who": args.actor,
                               "action": args.only_action}
    if args.out:
        with local_uow(settings) as uow:
            count = export_audit(uow, local_actor(), args.out, **filters)
        print(message("audit_exported", settings.lang, count=count, file=str(args.out)))
        return 0
    with local_uow(settings, read_only=True) as uow:
        page = audit_entries(uow, local_actor(), limit=args.limit, **filters)
    for entry in page.entries:
        print("\t".join([str(entry.id), jst_text(entry.at), entry.actor, entry.action,
                         json.dumps(entry.detail, ensure_ascii=False, sort_keys=True)]))
    print(message("audit_listed", settings.lang, shown=len(page.entries), total=page.total), file=sys.stderr)
    return 0


def chain_broken(check: Any, lang: str) -> str:
    """The sentence for a broken audit chain (``services.audit.ChainCheck``)."""
    problem = {"edited": ("の内容が書き換えられています", "was edited"),
               "missing_before": ("の直前の行が削除されています", "follows a removed row")}[check.problem or "edited"]
    return message("audit_chain_broken", lang, row_id=check.broken_at, rows=check.rows,
                   problem=problem[0 if lang == "ja" else 1])


def cmd_seat_slips(args: argparse.Namespace, settings: Settings) -> int:
    """New personal codes for a window's cohort, printed once as seat slips (受験票) to a PDF."""
    from .reporting.rendering.slips import write_slips_pdf
    from .services import codes

    with local_uow(settings) as uow:
        issued = codes.issue_seat_codes(uow, local_actor(), args.id)
    write_slips_pdf(issued.title, issued.opens_at, issued.closes_at, list(issued.slips), args.out)
    print(message("slips_done", settings.lang, count=len(issued.slips), file=str(args.out)))
    return 0
