"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-27
"""
import sqlalchemy as sa
from alembic import op

import literacy_app.storage.types

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', literacy_app.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=100), nullable=False),
    sa.Column('action', sa.String(length=50), nullable=False),
    sa.Column('detail', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_log_at'), ['at'], unique=False)

    op.create_table('blueprint',
    sa.Column('id', sa.String(length=80), nullable=False),
    sa.Column('current_version_id', sa.Integer(), nullable=True),
    sa.Column('retired', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_blueprint'))
    )
    op.create_table('examinee',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('staff_no', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('org_path', sa.String(length=500), nullable=False),
    sa.Column('audience', sa.String(length=16), nullable=False),
    sa.Column('job_title', sa.String(length=100), nullable=True),
    sa.Column('hired_on', sa.Date(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('updated_at', literacy_app.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_examinee')),
    sa.UniqueConstraint('staff_no', name=op.f('uq_examinee_staff_no'))
    )
    op.create_table('image_blob',
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=500), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.PrimaryKeyConstraint('sha256', name=op.f('pk_image_blob'))
    )
    op.create_table('item',
    sa.Column('id', sa.String(length=80), nullable=False),
    sa.Column('bank', sa.String(length=80), nullable=False),
    sa.Column('current_version_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('pilot', sa.Boolean(), nullable=False),
    sa.Column('audiences', sa.JSON(), nullable=False),
    sa.Column('reviewed', sa.Date(), nullable=True),
    sa.Column('reviewer', sa.String(length=500), nullable=True),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('updated_at', literacy_app.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_item'))
    )
    op.create_table('publish',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', literacy_app.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=100), nullable=False),
    sa.Column('counts', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_publish'))
    )
    op.create_table('staff_account',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=100), nullable=False),
    sa.Column('display_name', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('password_hash', sa.String(length=300), nullable=False),
    sa.Column('failed_logins', sa.Integer(), nullable=False),
    sa.Column('locked', sa.Boolean(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', literacy_app.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('last_login_at', literacy_app.storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff_account')),
    sa.UniqueConstraint('username', name=op.f('uq_staff_account_username'))
    )
    op.create_table('blueprint_version',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('blueprint_id', sa.String(length=80), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('content', sa.JSON(), nullable=False),
    sa.Column('created_at', literacy_app.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('publish_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['blueprint_id'], ['blueprint.id'], name=op.f('fk_blueprint_version_blueprint_id_blueprint')),
    sa.ForeignKeyConstraint(['publish_id'], ['publish.id'], name=op.f('fk_blueprint_version_publish_id_publish')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_blueprint_version')),
    sa.UniqueConstraint('blueprint_id', 'content_hash', name=op.f('uq_blueprint_version_blueprint_id'))
    )
    with op.batch_alter_table('blueprint_version', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_blueprint_version_blueprint_id'), ['blueprint_id'], unique=False)

    op.create_table('item_version',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.String(length=80), nullable=False),
    sa.Column('version_no', sa.Integer(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('content', sa.JSON(), nullable=False),
    sa.Column('type', sa.String(length=16), nullable=False),
    sa.Column('area', sa.String(length=32), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('created_at', literacy_app.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('publish_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['item_id'], ['item.id'], name=op.f('fk_item_version_item_id_item')),
    sa.ForeignKeyConstraint(['publish_id'], ['publish.id'], name=op.f('fk_item_version_publish_id_publish')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_item_version')),
    sa.UniqueConstraint('item_id', 'content_hash', name=op.f('uq_item_version_item_id'))
    )
    with op.batch_alter_table('item_version', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_item_version_item_id'), ['item_id'], unique=False)

    op.create_table('assessment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('blueprint_version_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('opens_at', literacy_app.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('closes_at', literacy_app.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('cohort', sa.JSON(), nullable=False),
    sa.Column('access_code_hash', sa.String(length=300), nullable=True),
    sa.Column('max_attempts', sa.Integer(), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('created_at', literacy_app.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['blueprint_version_id'], ['blueprint_version.id'], name=op.f('fk_assessment_blueprint_version_id_blueprint_version')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assessment'))
    )
    op.create_table('attempt',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('assessment_id', sa.Integer(), nullable=False),
    sa.Column('examinee_id', sa.Integer(), nullable=False),
    sa.Column('seed', sa.BigInteger(), nullable=False),
    sa.Column('started_at', literacy_app.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('deadline_at', literacy_app.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('last_position', sa.Integer(), nullable=False),
    sa.Column('finished_at', literacy_app.storage.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('finished_by', sa.String(length=16), nullable=True),
    sa.Column('score', sa.Float(), nullable=True),
    sa.Column('max_score', sa.Float(), nullable=True),
    sa.Column('percent', sa.Float(), nullable=True),
    sa.Column('passed', sa.Boolean(), nullable=True),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessment.id'], name=op.f('fk_attempt_assessment_id_assessment')),
    sa.ForeignKeyConstraint(['examinee_id'], ['examinee.id'], name=op.f('fk_attempt_examinee_id_examinee')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attempt'))
    )
    with op.batch_alter_table('attempt', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attempt_assessment_id'), ['assessment_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_attempt_examinee_id'), ['examinee_id'], unique=False)
        batch_op.create_index('ix_attempt_status_deadline', ['status', 'deadline_at'], unique=False)

    op.create_table('attempt_area_score',
    sa.Column('attempt_id', sa.Integer(), nullable=False),
    sa.Column('area', sa.String(length=32), nullable=False),
    sa.Column('score', sa.Float(), nullable=False),
    sa.Column('max_score', sa.Float(), nullable=False),
    sa.Column('percent', sa.Float(), nullable=False),
    sa.Column('minimum_percent', sa.Float(), nullable=False),
    sa.Column('passed', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['attempt_id'], ['attempt.id'], name=op.f('fk_attempt_area_score_attempt_id_attempt'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('attempt_id', 'area', name=op.f('pk_attempt_area_score'))
    )
    op.create_table('attempt_item',
    sa.Column('attempt_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('item_version_id', sa.Integer(), nullable=False),
    sa.Column('option_order', sa.JSON(), nullable=False),
    sa.Column('pilot', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['attempt_id'], ['attempt.id'], name=op.f('fk_attempt_item_attempt_id_attempt'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['item_version_id'], ['item_version.id'], name=op.f('fk_attempt_item_item_version_id_item_version')),
    sa.PrimaryKeyConstraint('attempt_id', 'position', name=op.f('pk_attempt_item'))
    )
    with op.batch_alter_table('attempt_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attempt_item_item_version_id'), ['item_version_id'], unique=False)

    op.create_table('answer',
    sa.Column('attempt_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('response', sa.JSON(), nullable=True),
    sa.Column('flagged', sa.Boolean(), nullable=False),
    sa.Column('seq', sa.BigInteger(), nullable=False),
    sa.Column('saved_at', literacy_app.storage.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('fraction', sa.Float(), nullable=True),
    sa.ForeignKeyConstraint(['attempt_id', 'position'], ['attempt_item.attempt_id', 'attempt_item.position'], name=op.f('fk_answer_attempt_id_attempt_item'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('attempt_id', 'position', name=op.f('pk_answer'))
    )



def downgrade() -> None:

    op.drop_table('answer')
    with op.batch_alter_table('attempt_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attempt_item_item_version_id'))

    op.drop_table('attempt_item')
    op.drop_table('attempt_area_score')
    with op.batch_alter_table('attempt', schema=None) as batch_op:
        batch_op.drop_index('ix_attempt_status_deadline')
        batch_op.drop_index(batch_op.f('ix_attempt_examinee_id'))
        batch_op.drop_index(batch_op.f('ix_attempt_assessment_id'))

    op.drop_table('attempt')
    op.drop_table('assessment')
    with op.batch_alter_table('item_version', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_item_version_item_id'))

    op.drop_table('item_version')
    with op.batch_alter_table('blueprint_version', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_blueprint_version_blueprint_id'))

    op.drop_table('blueprint_version')
    op.drop_table('staff_account')
    op.drop_table('publish')
    op.drop_table('item')
    op.drop_table('image_blob')
    op.drop_table('examinee')
    op.drop_table('blueprint')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_log_at'))

    op.drop_table('audit_log')

