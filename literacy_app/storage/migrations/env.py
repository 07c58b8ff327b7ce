"""Alembic environment: the engine comes from ``migrate.alembic_config``; batch mode for SQLite."""

from alembic import context

from literacy_app.storage.models import Base

config = context.config
engine = config.attributes["engine"]

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
