"""LAN server: attempt tokens, seat codes, throttling, staff sessions, an append-only audit chain

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op

import literacy_app.storage.types
from literacy_app.core.audit_hash import GENESIS, row_hash

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

UTC = literacy_app.storage.types.UTCDateTime(timezone=True)

SQLITE_TRIGGERS = (
    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
)
POSTGRES_TRIGGERS = (
    "CREATE FUNCTION audit_log_refuse() RETURNS trigger LANGUAGE plpgsql AS "
    "$$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$",
    "CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log "
    "FOR EACH ROW EXECUTE FUNCTION audit_log_refuse()",
    "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
    "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse()",
)


def upgrade() -> None:
    with op.batch_alter_table('assessment') as batch:
        batch.add_column(sa.Column('person_codes', sa.Boolean(), nullable=False, server_default=sa.false()))
    with op.batch_alter_table('staff_account') as batch:
        batch.add_column(sa.Column('locked_until', UTC, nullable=True))
    with op.batch_alter_table('attempt') as batch:
        batch.add_column(sa.Column('token_hash', sa.String(length=64), nullable=True))
        batch.create_unique_constraint(batch.f('uq_attempt_token_hash'), ['token_hash'])
    op.create_table('staff_session',
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('created_at', UTC, nullable=False),
    sa.Column('expires_at', UTC, nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['staff_account.id'], name=op.f('fk_staff_session_account_id_staff_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('token_hash', name=op.f('pk_staff_session'))
    )
    op.create_index(op.f('ix_staff_session_account_id'), 'staff_session', ['account_id'], unique=False)
    op.create_table('seat_code',
    sa.Column('assessment_id', sa.Integer(), nullable=False),
    sa.Column('examinee_id', sa.Integer(), nullable=False),
    sa.Column('code_hash', sa.String(length=300), nullable=False),
    sa.Column('issued_at', UTC, nullable=False),
    sa.Column('issued_by', sa.String(length=100), nullable=False),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessment.id'], name=op.f('fk_seat_code_assessment_id_assessment'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['examinee_id'], ['examinee.id'], name=op.f('fk_seat_code_examinee_id_examinee'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('assessment_id', 'examinee_id', name=op.f('pk_seat_code'))
    )
    op.create_table('throttle',
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('locked_until', UTC, nullable=True),
    sa.Column('updated_at', UTC, nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_throttle'))
    )
    with op.batch_alter_table('audit_log') as batch:
        batch.add_column(sa.Column('prev_hash', sa.String(length=64), nullable=False, server_default=''))
        batch.add_column(sa.Column('row_hash', sa.String(length=64), nullable=False, server_default=''))
    _chain_existing_rows()
    bind = op.get_bind()
    for statement in (POSTGRES_TRIGGERS if bind.dialect.name == "postgresql" else SQLITE_TRIGGERS):
        op.execute(statement)


def _chain_existing_rows() -> None:
    """Give the rows written before this revision their place in the chain."""
    bind = op.get_bind()
    table = sa.table('audit_log', sa.column('id', sa.Integer), sa.column('at', UTC), sa.column('actor', sa.String),
                     sa.column('action', sa.String), sa.column('detail', sa.JSON),
                     sa.column('prev_hash', sa.String), sa.column('row_hash', sa.String))
    previous = GENESIS
    rows = bind.execute(sa.select(table.c.id, table.c.at, table.c.actor, table.c.action, table.c.detail)
                        .order_by(table.c.id)).all()
    for row_id, at, actor, action, detail in rows:
        digest = row_hash(previous, at, actor, action, detail)
        bind.execute(table.update().where(table.c.id == row_id).values(prev_hash=previous, row_hash=digest))
        previous = digest


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute("DROP TRIGGER audit_log_no_truncate ON audit_log")
        op.execute("DROP TRIGGER audit_log_no_change ON audit_log")
        op.execute("DROP FUNCTION audit_log_refuse()")
    else:
        op.execute("DROP TRIGGER audit_log_no_delete")
        op.execute("DROP TRIGGER audit_log_no_update")
    with op.batch_alter_table('audit_log') as batch:
        batch.drop_column('row_hash')
        batch.drop_column('prev_hash')
    op.drop_table('throttle')
    op.drop_table('seat_code')
    op.drop_index(op.f('ix_staff_session_account_id'), table_name='staff_session')
    op.drop_table('staff_session')
    with op.batch_alter_table('attempt') as batch:
        batch.drop_constraint(batch.f('uq_attempt_token_hash'), type_='unique')
        batch.drop_column('token_hash')
    with op.batch_alter_table('staff_account') as batch:
        batch.drop_column('locked_until')
    with op.batch_alter_table('assessment') as batch:
        batch.drop_column('person_codes')
