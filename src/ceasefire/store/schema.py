"""The tables, as SQLAlchemy Core metadata. Alembic migrations create them; queries use them."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    DateTime,
    Float,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("id", String, primary_key=True),
    Column("url", Text),
    Column("outlet", Text),
    Column("author", Text),
    Column("published", String(10), index=True),
    Column("language", String(8)),
    Column("title", Text),
    Column("text", Text, nullable=False),
    Column("raw", LargeBinary),
    Column("raw_hash", String(64), nullable=False),
    Column("content_hash", String(64), nullable=False, index=True),
    Column("signature", LargeBinary),
    Column("duplicate_of", String, index=True),
    Column("duplicate_kind", String(8)),
    Column("similarity", Float),
    Column("source_path", Text),
    Column("encoding", String(32)),
    Column("warnings", JSON),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("records", JSON),  # the SCHEMA.md extraction output, without id and text
    Column("extracted_with", String(64)),  # knowledge.version() when it was extracted
)

failures = Table(
    "failures",
    metadata,
    Column("key", String, primary_key=True),  # "source:line", one row per bad input
    Column("source", Text, nullable=False),
    Column("line", Integer),
    Column("item_id", Text),
    Column("reason", Text, nullable=False),
    Column("raw", LargeBinary),
    Column("attempts", Integer, nullable=False, default=1),
    Column("failed_at", DateTime(timezone=True), nullable=False),
)
