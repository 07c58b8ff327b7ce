"""Alembic, driven from code: upgrade to head, and refuse a database newer than the app."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from ..core.errors import UserError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def head_revision() -> str:
    return ScriptDirectory(str(MIGRATIONS)).get_current_head() or ""


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def check_schema(engine: Engine) -> str:
    """'current', 'behind' or 'empty'; raises ``UserError('db_too_new')`` for an unknown revision."""
    revision = current_revision(engine)
    if revision is None:
        return "empty" if not inspect(engine).get_table_names() else "behind"
    script = ScriptDirectory(str(MIGRATIONS))
    known = {rev.revision for rev in script.walk_revisions()}
    if revision not in known:
        raise UserError("db_too_new", found=revision, known=head_revision())
    return "current" if revision == head_revision() else "behind"


def upgrade(engine: Engine) -> None:
    """Bring the schema to head (refusing first if the database is newer than this app)."""
    check_schema(engine)
    command.upgrade(alembic_config(engine), "head")
