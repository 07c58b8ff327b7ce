"""statistics cache

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27
"""
import sqlalchemy as sa
from alembic import op

import literacy_app.storage.types

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('statistics_cache',
    sa.Column('assessment_id', sa.Integer(), nullable=False),
    sa.Column('signature', sa.String(length=100), nullable=False),
    sa.Column('computed_at', literacy_app.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessment.id'], name=op.f('fk_statistics_cache_assessment_id_assessment'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('assessment_id', name=op.f('pk_statistics_cache'))
    )


def downgrade() -> None:
    op.drop_table('statistics_cache')
