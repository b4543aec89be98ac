"""Documents and ingestion failures.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("url", sa.Text),
        sa.Column("outlet", sa.Text),
        sa.Column("author", sa.Text),
        sa.Column("published", sa.String(10)),
        sa.Column("language", sa.String(8)),
        sa.Column("title", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("raw", sa.LargeBinary),
        sa.Column("raw_hash", sa.String(64), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("signature", sa.LargeBinary),
        sa.Column("duplicate_of", sa.String),
        sa.Column("duplicate_kind", sa.String(8)),
        sa.Column("similarity", sa.Float),
        sa.Column("source_path", sa.Text),
        sa.Column("encoding", sa.String(32)),
        sa.Column("warnings", sa.JSON),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_documents_published", "documents", ["published"])
    op.create_index("ix_documents_content_hash", "documents", ["content_hash"])
    op.create_index("ix_documents_duplicate_of", "documents", ["duplicate_of"])
    op.create_table(
        "failures",
        sa.Column("key", sa.String, primary_key=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("line", sa.Integer),
        sa.Column("item_id", sa.Text),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("raw", sa.LargeBinary),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("failed_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("failures")
    op.drop_table("documents")
