"""Settings the city decides once and every PC shares (the retention period of personal results).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-08
"""
import sqlalchemy as sa
from alembic import op

import literacy_app.storage.types

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

UTC = literacy_app.storage.types.UTCDateTime(timezone=True)


def upgrade() -> None:
    op.create_table('app_setting',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.JSON(), nullable=False),
    sa.Column('updated_at', UTC, nullable=False),
    sa.Column('updated_by', sa.String(length=100), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_app_setting'))
    )


def downgrade() -> None:
    op.drop_table('app_setting')
