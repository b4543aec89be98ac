"""A key of each arrangement's area and window, so that unchanged ones keep their violations;
and the columns of a report that linking reads, so that it need not decode each report.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _report_columns() -> list[sa.Column]:
    return [
        sa.Column("subtype", sa.String(48)),
        sa.Column("place_kind", sa.String(16)),
        sa.Column("country", sa.String(2)),
        sa.Column("region", sa.Text),
        sa.Column("actor1", sa.Text),
        sa.Column("actor1_country", sa.String(3)),
        sa.Column("fatalities", sa.Integer),
    ]


def upgrade() -> None:
    with op.batch_alter_table("arrangements") as batch:
        batch.add_column(sa.Column("area_key", sa.String(40), nullable=False, server_default=""))
    with op.batch_alter_table("reports") as batch:
        for column in _report_columns():
            batch.add_column(column)


def downgrade() -> None:
    with op.batch_alter_table("reports") as batch:
        for column in _report_columns():
            batch.drop_column(column.name)
    with op.batch_alter_table("arrangements") as batch:
        batch.drop_column("area_key")
