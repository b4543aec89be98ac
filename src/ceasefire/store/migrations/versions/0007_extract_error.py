"""Why a document's extraction failed (`extract_error`), and no records stored as JSON null:
a document without records has SQL NULL, which resolution skips and `reextract` retries.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("extract_error", sa.Text))
    # Before this revision a document without records held the JSON value null.
    if op.get_bind().dialect.name == "postgresql":
        op.execute("UPDATE documents SET records = NULL WHERE records::text = 'null'")
    else:
        op.execute("UPDATE documents SET records = NULL WHERE records = 'null'")
    op.execute("UPDATE documents SET extracted_with = NULL WHERE records IS NULL")


def downgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("extract_error")
