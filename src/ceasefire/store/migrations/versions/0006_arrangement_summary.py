"""Each arrangement's summary (its record without mentions, and its actors and places without
their evidence), written at resolution so that listings pass it on without re-encoding.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("arrangements") as batch:
        batch.add_column(sa.Column("summary", sa.JSON))


def downgrade() -> None:
    with op.batch_alter_table("arrangements") as batch:
        batch.drop_column("summary")
