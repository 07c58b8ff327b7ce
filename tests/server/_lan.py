"""A real exam server for the tests: ``literacy-app serve`` started as its own process on a
loopback port, over a database the test prepared as HR would (roster, accounts, a window).

The test talks to it through the desktop app's own client (``literacy_app.client.api``), so
what is tested is what an exam PC does.  Only loopback addresses are used.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from literacy_app.bootstrap import open_database
from literacy_app.client.api import ServerClient
from literacy_app.client.settings import ClientSettings
from literacy_app.core.model import SYSTEM
from literacy_app.services import accounts, assessments, people
from literacy_app.storage.uow import Database

ROOT = Path(__file__).resolve().parents[2]
CODE = "sakura-2026"
PASSWORD = "correct horse battery"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Lan:
    """A prepared database and the server process in front of it."""

    db_url: str
    database: Database
    url: str = ""
    process: subprocess.Popen[bytes] | None = None
    log: Path | None = None
    windows: dict[str, int] = field(default_factory=dict)
    next_staff_no: int = 100

    def client(self, lang: str = "ja", **kwargs: Any) -> ServerClient:
        return ServerClient(ClientSettings(self.url, None, Path("client.toml")), lang=lang, **kwargs)

    def examinee(self, audience: str = "recruit", org: str = "総務局/総務部/総務課") -> str:
        self.next_staff_no += 1
        staff_no = f"{self.next_staff_no:06d}"
        with self.database.uow() as uow:
            people.add_examinee(uow, SYSTEM, staff_no, f"試験 {staff_no}", org, audience)
        return staff_no

    def staff(self, username: str, role: str) -> None:
        with self.database.uow() as uow:
            accounts.add_user(uow, SYSTEM, username, PASSWORD, role)

    def open_window(self, blueprint: str, code: str | None = CODE, hours: float = 8, **kwargs: Any) -> int:
        now = self.database.clock()
        with self.database.uow() as uow:
            window = assessments.open_assessment(uow, SYSTEM, blueprint, now - dt.timedelta(minutes=5),
                                                 now + dt.timedelta(hours=hours), access_code=code, **kwargs)
        self.windows[blueprint] = window
        return window

    def start(self, db_url: str | None = None, env: dict[str, str] | None = None, workers: int = 1,
              tls_dir: Path | None = None, port: int | None = None, pool: int = 10) -> None:
        port = port or free_port()
        self.url = f"{'https' if tls_dir else 'http'}://127.0.0.1:{port}"
        self.log = Path(os.environ.get("TMPDIR", "/tmp")) / f"literacy-serve-{port}.log"
        environment = {**os.environ, **(env or {}), "LITERACY_LANG": "ja"}
        transport = ["--tls-dir", str(tls_dir)] if tls_dir else ["--insecure-http"]
        command = [sys.executable, "-m", "literacy_app", "--db", db_url or self.db_url, "serve", *transport,
                   "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers), "--pool-size", str(pool),
                   "--log-level", "warning"]
        with self.log.open("wb") as out:
            self.process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=environment, cwd=ROOT)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"serve exited: {self.log.read_text(errors='replace')}")
            try:
                if httpx.get(f"{self.url}/api/v1/health", headers={"X-Literacy-Client": "0.1.0"},
                             timeout=1, verify=False).status_code == 200:  # readiness only; tests pin
                    return
            except httpx.HTTPError:
                time.sleep(0.1)
        raise RuntimeError("serve did not answer within 60 s")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.database.dispose()


def prepare(db_url: str, *, seed_banks: bool = True) -> Lan:
    """Migrate (as the database owner) and publish the shipped banks, as a first installation does."""
    return Lan(db_url, open_database(db_url, seed_banks=seed_banks))


def correct_responses(lan: Lan, state: Any) -> dict[int, Any]:
    """Full-marks responses, read from the database by the test (never from the server's replies)."""
    from literacy_app.services._versions import version

    with lan.database.uow(read_only=True) as uow:
        return {item.position: version(uow, item.version_id).kind.correct_response(version(uow, item.version_id).content)
                for item in state.items}


def recomputed_score(lan: Lan, attempt_id: int, answers: dict[int, Any] | None = None) -> float:
    """The attempt's score computed again from the stored answers and item content — or from
    ``answers`` (position → response), e.g. a PC's own record of what it answered."""
    from sqlalchemy import select

    from literacy_app.services._versions import version
    from literacy_app.services.attempts import blueprint_content
    from literacy_app.services.finishing import score_items
    from literacy_app.storage.models import Answer, Attempt, AttemptItem

    with lan.database.uow(read_only=True) as uow:
        attempt = uow.session.get(Attempt, attempt_id)
        assert attempt is not None
        blueprint = blueprint_content(uow, attempt.assessment_id)
        if answers is None:
            answers = dict(uow.session.execute(select(Answer.position, Answer.response)
                                               .where(Answer.attempt_id == attempt_id)).all())
        rows = uow.session.scalars(select(AttemptItem).where(AttemptItem.attempt_id == attempt_id)
                                   .order_by(AttemptItem.position)).all()
        _fractions, outcome = score_items(blueprint, [(version(uow, r.item_version_id).content,
                                                       answers.get(r.position), r.pilot) for r in rows])
        return outcome.score


def secrets_of(lan: Lan, state: Any) -> list[str]:
    """Texts that only the key side of the items holds (explanations, feedback), to look for in replies."""
    from literacy_app.services._versions import version

    found = []
    with lan.database.uow(read_only=True) as uow:
        for item in state.items:
            raw = version(uow, item.version_id).raw
            found.append(raw["explanation"])
            found.extend(str(text) for text in (raw.get("feedback") or {}).values())
    return [text for text in found if len(text) >= 8]
