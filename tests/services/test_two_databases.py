"""One process, two databases (a server, a test): each database's content comes from itself.

Found when tried: the content cache was a module global keyed only by version id, so the second
database's attempt got the first database's items (or a KeyError).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from literacy_app.core.model import SYSTEM
from literacy_app.services import attempts, finishing, publishing
from literacy_app.storage import migrate
from literacy_app.storage.engine import make_engine
from literacy_app.storage.uow import Database

from ..conftest import BASIC_BANK, add_examinee, open_window


def _database(folder: Path, clock, banks: Path) -> Database:
    engine = make_engine(f"sqlite:///{folder / 'db.sqlite3'}")
    migrate.upgrade(engine)
    database = Database(engine, clock)
    with database.uow() as uow:
        publishing.publish_bank(uow, SYSTEM, [banks])
    return database


def _marked_copy(folder: Path) -> Path:
    """The basic bank with every stem marked 【B】: same ids, same version numbers, other text."""
    banks = folder / "banks"
    shutil.copytree(BASIC_BANK, banks)
    for path in banks.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"stem: \|\n(\s+)", lambda m: f"stem: |\n{m.group(1)}【B】", text)
        path.write_text(re.sub(r"stem: (?![|>])", "stem: 【B】", text), encoding="utf-8")
    return banks


def test_attempts_on_two_databases_in_one_process_read_their_own_items(tmp_path, clock):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = _database(tmp_path / "a", clock, BASIC_BANK)
    second = _database(tmp_path / "b", clock, _marked_copy(tmp_path / "b"))
    try:
        states = []
        for database in (first, second):
            examinee = add_examinee(database)
            assessment_id = open_window(database, clock)
            with database.uow() as uow:
                state = attempts.start_attempt(uow, examinee, assessment_id, seed=7)
            states.append((database, examinee, state))
        (_, _, state_a), (_, _, state_b) = states
        assert [i.version_id for i in state_a.items] == [i.version_id for i in state_b.items]  # ids overlap
        assert not any("【B】" in item.stem for item in state_a.items)
        assert all("【B】" in item.stem for item in state_b.items)
        for database, examinee, state in states:  # saving and scoring read the right content too
            for item in state.items:
                with database.uow() as uow:
                    attempts.save_answer(uow, examinee, state.attempt_id, item.position, None, seq=1)
            with database.uow() as uow:
                result = finishing.finish_attempt(uow, examinee, state.attempt_id)
            assert result.max_score > 0
        assert first.content_cache and second.content_cache
        assert first.content_cache.keys() == second.content_cache.keys()
        assert all(first.content_cache[k].content.stem != second.content_cache[k].content.stem
                   for k in first.content_cache)
    finally:
        first.dispose()
        second.dispose()
