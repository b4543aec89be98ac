"""Columns the HTTP API filters on: events' actors, sub-type, place and sentence, and each
arrangement's bounding box, place names, actor names and terms.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _event_columns() -> list[sa.Column]:
    return [
        sa.Column("subtype", sa.String(48)),
        sa.Column("place", sa.Text),
        sa.Column("actor1", sa.Text),
        sa.Column("actor2", sa.Text),
        sa.Column("text", sa.Text),
    ]


def _arrangement_columns() -> list[sa.Column]:
    return [
        sa.Column("west", sa.Float),
        sa.Column("south", sa.Float),
        sa.Column("east", sa.Float),
        sa.Column("north", sa.Float),
        sa.Column("places", sa.Text),
        sa.Column("actors", sa.Text),
        sa.Column("terms", sa.Text),
    ]


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        for column in _event_columns():
            batch.add_column(column)
    with op.batch_alter_table("arrangements") as batch:
        for column in _arrangement_columns():
            batch.add_column(column)


def downgrade() -> None:
    with op.batch_alter_table("arrangements") as batch:
        for column in _arrangement_columns():
            batch.drop_column(column.name)
    with op.batch_alter_table("events") as batch:
        for column in _event_columns():
            batch.drop_column(column.name)
