"""``client.toml``: where an exam PC finds the server and which certificate it must present.

One file per PC, machine-wide (the OS's site configuration folder: ``C:\\ProgramData\\city-ict\\
literacy-app`` on Windows, ``/etc/xdg/literacy-app`` on Linux), written by ``serve init`` and
copied by the administrator.  It holds no secret: no database URL, no password.  Without it the
app runs in single-PC mode on its own SQLite file.  ``LITERACY_CLIENT_CONFIG`` names another file
(tests, a portable install).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from platformdirs import site_config_path

from ..core.errors import UserError

FILE_NAME = "client.toml"


@dataclass(frozen=True)
class ClientSettings:
    server: str
    certificate: str | None
    """PEM of the certificate (or the city's CA) the server must present; None only for http:// on loopback."""
    file: Path


def config_file() -> Path:
    override = os.environ.get("LITERACY_CLIENT_CONFIG")
    if override:
        return Path(override)
    return site_config_path("literacy-app", "city-ict") / FILE_NAME


def load_client_settings(path: Path | None = None) -> ClientSettings | None:
    """The PC's LAN settings, or None when there is no file (single-PC mode)."""
    path = path or config_file()
    if not path.is_file():
        return None
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise UserError("client_config_bad", file=str(path), detail=str(error)) from None
    server = data.get("server")
    certificate = data.get("certificate")
    problem = None
    if not isinstance(server, str) or not server.startswith(("https://", "http://")):
        problem = 'server = "https://…" が必要です (server is required)'
    elif server.startswith("http://") and (urlsplit(server).hostname or "") not in ("127.0.0.1", "localhost", "::1"):
        problem = "https:// が必要です (https is required)"
    elif server.startswith("https://") and not (isinstance(certificate, str) and "BEGIN CERTIFICATE" in certificate):
        problem = "certificate (PEM) が必要です (certificate is required)"
    if problem is not None or not isinstance(server, str):
        raise UserError("client_config_bad", file=str(path), detail=problem)
    return ClientSettings(server.rstrip("/"), certificate if isinstance(certificate, str) else None, path)
