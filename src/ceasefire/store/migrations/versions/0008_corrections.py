"""Corrections (an analyst's decisions, kept across resolutions) and the `hidden` flag they
set on arrangements and events.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table in ("arrangements", "events"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(
                sa.Column("hidden", sa.Boolean, nullable=False, server_default=sa.false())
            )
    op.create_table(
        "corrections",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("uid", sa.String(40), nullable=False, unique=True),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("record_id", sa.Text, nullable=False),
        sa.Column("field", sa.String(32)),
        sa.Column("value", sa.JSON(none_as_null=True)),
        sa.Column("target", sa.Text),
        sa.Column("reason", sa.Text),
        sa.Column("author", sa.Text, nullable=False),
        sa.Column("created", sa.String(32), nullable=False),
        sa.Column("anchor", sa.JSON),
        sa.Column("undone", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("undone_by", sa.Text),
        sa.Column("undone_at", sa.String(32)),
        sa.Column("undo_reason", sa.Text),
        sa.Column("orphaned", sa.Boolean, nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    op.drop_table("corrections")
    for table in ("arrangements", "events"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("hidden")
