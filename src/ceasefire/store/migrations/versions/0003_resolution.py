"""Resolution: mentions and reports placed for linking, arrangements, events, violations.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(
            sa.Column("resolved", sa.Boolean, nullable=False, server_default=sa.false())
        )
    op.create_index("ix_documents_resolved", "documents", ["resolved"])
    op.create_table(
        "mentions",
        sa.Column("key", sa.String, primary_key=True),
        sa.Column("document_id", sa.String, nullable=False),
        sa.Column("theatre", sa.String(2), nullable=False),
        sa.Column("sort_date", sa.String(10), nullable=False),
        sa.Column("arrangement_id", sa.String),
        sa.Column("data", sa.JSON, nullable=False),
    )
    op.create_index("ix_mentions_document_id", "mentions", ["document_id"])
    op.create_index("ix_mentions_arrangement_id", "mentions", ["arrangement_id"])
    op.create_index("ix_mentions_theatre_date", "mentions", ["theatre", "sort_date"])
    op.create_table(
        "arrangements",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("theatre", sa.String(2), nullable=False),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("start", sa.String(10)),
        sa.Column("end", sa.String(10)),
        sa.Column("first_start", sa.String(10)),
        sa.Column("last_start", sa.String(10)),
        sa.Column("first_seen", sa.String(10), nullable=False),
        sa.Column("last_seen", sa.String(10), nullable=False),
        sa.Column("watch_start", sa.String(10), nullable=False),
        sa.Column("watch_end", sa.String(10), nullable=False),
        sa.Column("record", sa.JSON, nullable=False),
    )
    op.create_index("ix_arrangements_theatre_seen", "arrangements", ["theatre", "last_seen"])
    op.create_index("ix_arrangements_theatre_watch", "arrangements", ["theatre", "watch_start"])
    op.create_table(
        "reports",
        sa.Column("key", sa.String, primary_key=True),
        sa.Column("document_id", sa.String, nullable=False),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("date", sa.String(10)),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("event_id", sa.String),
        sa.Column("data", sa.JSON, nullable=False),
    )
    op.create_index("ix_reports_document_id", "reports", ["document_id"])
    op.create_index("ix_reports_event_id", "reports", ["event_id"])
    op.create_index("ix_reports_type_date", "reports", ["type", "date"])
    op.create_table(
        "events",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("date", sa.String(10)),
        sa.Column("country", sa.String(2)),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("fatalities", sa.Integer),
        sa.Column("record", sa.JSON, nullable=False),
    )
    op.create_index("ix_events_date", "events", ["date"])
    op.create_index("ix_events_country", "events", ["country"])
    op.create_table(
        "violations",
        sa.Column("arrangement_id", sa.String, primary_key=True),
        sa.Column("event_id", sa.String, primary_key=True),
        sa.Column("date", sa.String(10)),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("record", sa.JSON, nullable=False),
    )
    op.create_index("ix_violations_event_id", "violations", ["event_id"])


def downgrade() -> None:
    for table in ("violations", "events", "reports", "arrangements", "mentions"):
        op.drop_table(table)
    op.drop_index("ix_documents_resolved", "documents")
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("resolved")
