"""``literacy-app self-check``: prove this installation works end to end, in a throwaway database.

Migrates a temporary SQLite database, publishes the shipped banks, registers one examinee, opens
each shipped blueprint, sits one attempt answering every item correctly through the same services
the window uses, and checks the stored result.  Works from source and from the bundle, so an
administrator can run it on a freshly installed PC.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from pathlib import Path

from sqlalchemy import select

from .bootstrap import open_database
from .core.errors import UserError
from .core.i18n import message
from .core.model import SYSTEM, Actor
from .services import assessments, attempts, finishing, people
from .services._versions import version
from .storage.engine import sqlite_url
from .storage.models import Blueprint


def run_self_check(lang: str) -> int:
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="literacy-self-check-") as folder:
        database = open_database(sqlite_url(Path(folder) / "check.sqlite3"))
        try:
            print(message("check_db", lang))
            with database.uow(read_only=True) as uow:
                blueprint_ids = list(uow.session.scalars(select(Blueprint.id).order_by(Blueprint.id)))
            if not blueprint_ids:
                raise UserError("check_no_blueprints")
            now = dt.datetime.now(dt.UTC)
            for number, blueprint_id in enumerate(blueprint_ids, start=1):
                with database.uow() as uow:
                    assessment_id = assessments.open_assessment(
                        uow, SYSTEM, blueprint_id, now - dt.timedelta(minutes=1), now + dt.timedelta(hours=2),
                        access_code="self-check-code")
                with database.uow() as uow:
                    content = attempts.blueprint_content(uow, assessment_id)
                with database.uow() as uow:
                    info = people.add_examinee(uow, SYSTEM, f"SC{number:04d}", "自己診断 太郎", "自己診断",
                                               content["audience"])
                examinee = Actor("examinee", info.id, info.staff_no)
                with database.uow() as uow:
                    state = attempts.start_attempt(uow, examinee, assessment_id, access_code="self-check-code")
                for item in state.items:
                    with database.uow() as uow:
                        published = version(uow, item.version_id)
                        attempts.save_answer(uow, examinee, state.attempt_id, item.position,
                                             published.kind.correct_response(published.content), seq=1)
                with database.uow() as uow:
                    result = finishing.finish_attempt(uow, examinee, state.attempt_id)
                if not (result.passed and abs(result.percent - 100.0) < 1e-9):
                    raise UserError("check_wrong_score", blueprint=blueprint_id, percent=result.percent)
                print(message("check_attempt", lang, blueprint=blueprint_id, items=len(state.items),
                              percent=result.percent))
        finally:
            database.dispose()
    print(message("check_ok", lang, seconds=time.perf_counter() - started))
    return 0
