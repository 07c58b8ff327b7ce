"""learning links

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""
import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('learning_link',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('area', sa.String(length=32), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('url', sa.String(length=2000), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_learning_link'))
    )
    with op.batch_alter_table('learning_link', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_learning_link_area'), ['area'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('learning_link', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_learning_link_area'))

    op.drop_table('learning_link')

