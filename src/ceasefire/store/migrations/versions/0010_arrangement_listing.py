"""Listings of many records: an index in the order arrangements are paged in, a partial one on
the hidden events (counting what is shown reads no record), and arrangement summaries whose
timeline entries carry no evidence (an arrangement reported for years has hundreds); the
summaries stored before are trimmed so.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

_BATCH = 500


def upgrade() -> None:
    op.create_index("ix_arrangements_listing", "arrangements", ["first_seen", "id"])
    op.create_index(
        "ix_events_hidden",
        "events",
        ["hidden"],
        sqlite_where=sa.text("hidden IS 1"),
        postgresql_where=sa.text("hidden IS true"),
    )
    conn = op.get_bind()
    table = sa.table("arrangements", sa.column("id", sa.String), sa.column("summary", sa.Text))
    last = ""
    while rows := conn.execute(
        sa.select(table.c.id, table.c.summary)
        .where(table.c.id > last, table.c.summary.is_not(None))
        .order_by(table.c.id)
        .limit(_BATCH)
    ).all():
        for arrangement_id, summary in rows:
            conn.execute(
                table.update().where(table.c.id == arrangement_id).values(summary=_trimmed(summary))
            )
        last = rows[-1][0]


def _trimmed(summary: str) -> str:
    data = json.loads(summary)
    data["timeline"] = [
        {k: v for k, v in entry.items() if k != "evidence"} for entry in data.get("timeline", [])
    ]
    return json.dumps(data)


def downgrade() -> None:
    op.drop_index("ix_events_hidden", "events")
    op.drop_index("ix_arrangements_listing", "arrangements")
