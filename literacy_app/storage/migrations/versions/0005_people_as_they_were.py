"""Reports of a past 年度 stay as printed: each attempt keeps the examinee's 所属 and 区分 at its
start, and a closed window's cohort is kept before the roster changes.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-08
"""
import sqlalchemy as sa
from alembic import op

import literacy_app.storage.types

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

UTC = literacy_app.storage.types.UTCDateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table('attempt') as batch:
        batch.add_column(sa.Column('org_path', sa.String(length=500), nullable=False, server_default=''))
        batch.add_column(sa.Column('audience', sa.String(length=16), nullable=False, server_default=''))
    # attempts made before this version: the roster as it stands is the best that is known
    op.execute("UPDATE attempt SET org_path = (SELECT examinee.org_path FROM examinee WHERE examinee.id = "
               "attempt.examinee_id), audience = (SELECT examinee.audience FROM examinee WHERE examinee.id = "
               "attempt.examinee_id)")
    with op.batch_alter_table('assessment') as batch:
        batch.add_column(sa.Column('cohort_frozen_at', UTC, nullable=True))
    op.create_table('cohort_member',
    sa.Column('assessment_id', sa.Integer(), nullable=False),
    sa.Column('examinee_id', sa.Integer(), nullable=False),
    sa.Column('org_path', sa.String(length=500), nullable=False),
    sa.Column('audience', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessment.id'], name=op.f('fk_cohort_member_assessment_id_assessment'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['examinee_id'], ['examinee.id'], name=op.f('fk_cohort_member_examinee_id_examinee'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('assessment_id', 'examinee_id', name=op.f('pk_cohort_member'))
    )


def downgrade() -> None:
    # plain ALTER TABLE … DROP COLUMN (SQLite 3.35+): a batch copy of ``attempt`` would trip the
    # foreign keys of the tables that refer to it
    op.drop_table('cohort_member')
    op.drop_column('assessment', 'cohort_frozen_at')
    op.drop_column('attempt', 'audience')
    op.drop_column('attempt', 'org_path')
