"""Applicants of the hiring selection (採用試験): a ``selection`` per 採用区分, and examinees that
belong to one (their number is the 受験番号), kept apart from staff.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-08
"""
import sqlalchemy as sa
from alembic import op

import literacy_app.storage.types

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

UTC = literacy_app.storage.types.UTCDateTime(timezone=True)


def upgrade() -> None:
    op.create_table('selection',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('retain_until', sa.Date(), nullable=False),
    sa.Column('created_at', UTC, nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('deleted_at', UTC, nullable=True),
    sa.Column('deleted_people', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_selection')),
    sa.UniqueConstraint('code', name=op.f('uq_selection_code'))
    )
    # plain ADD COLUMN without a foreign key: SQLite adds one only by copying ``examinee``, which the
    # tables that refer to it forbid (see the model)
    op.add_column('examinee', sa.Column('selection_id', sa.Integer(), nullable=True))
    op.create_index(op.f('ix_examinee_selection_id'), 'examinee', ['selection_id'], unique=False)
    op.add_column('assessment', sa.Column('selection_id', sa.Integer(), nullable=True))
    op.create_index(op.f('ix_assessment_selection_id'), 'assessment', ['selection_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_assessment_selection_id'), table_name='assessment')
    op.drop_column('assessment', 'selection_id')
    op.drop_index(op.f('ix_examinee_selection_id'), table_name='examinee')
    op.drop_column('examinee', 'selection_id')
    op.drop_table('selection')
