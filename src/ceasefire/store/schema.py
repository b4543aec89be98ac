"""The tables, as SQLAlchemy Core metadata. Alembic migrations create them; queries use them."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    Index,
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
    # The SCHEMA.md extraction output, without id and text; NULL when not extracted (or when
    # extraction failed: then `extract_error` says why).
    Column("records", JSON(none_as_null=True)),
    Column("extracted_with", String(64)),  # knowledge.version() when it was extracted
    Column("extract_error", Text),
    Column(
        "resolved", Boolean, nullable=False, default=False, index=True
    ),  # its records are resolved
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

# Resolution: mentions and reports are the per-document records placed for linking;
# arrangements, events and violations are what `ceasefire resolve` makes of them.
mentions = Table(
    "mentions",
    metadata,
    Column("key", String, primary_key=True),  # "<document_id>#<index>"
    Column("document_id", String, nullable=False, index=True),
    Column("theatre", String(2), nullable=False),
    Column("sort_date", String(10), nullable=False),
    Column("arrangement_id", String, index=True),
    Column("data", JSON, nullable=False),
    Index("ix_mentions_theatre_date", "theatre", "sort_date"),
)

arrangements = Table(
    "arrangements",
    metadata,
    Column("id", String, primary_key=True),
    Column("theatre", String(2), nullable=False),
    Column("type", String(32), nullable=False),
    Column("status", String(16), nullable=False),
    Column("start", String(10)),
    Column("end", String(10)),
    Column("first_start", String(10)),  # the earliest and latest start its mentions give
    Column("last_start", String(10)),
    Column("first_seen", String(10), nullable=False),
    Column("last_seen", String(10), nullable=False),
    Column("watch_start", String(10), nullable=False),  # the window monitored for violations
    Column("watch_end", String(10), nullable=False),
    Column("area_key", String(40), nullable=False),  # changes when area or window change
    Column("record", JSON, nullable=False),
    Column("summary", JSON),  # the record without mentions, for listings
    # What the HTTP API filters on: the area's bounding box, and names as searchable text.
    Column("west", Float),
    Column("south", Float),
    Column("east", Float),
    Column("north", Float),
    Column("places", Text),
    Column("actors", Text),
    Column("terms", Text),
    # Hidden by a correction (merged into another, or rejected); kept for resolution to read.
    Column("hidden", Boolean, nullable=False, default=False),
    Index("ix_arrangements_theatre_seen", "theatre", "last_seen"),
    Index("ix_arrangements_theatre_watch", "theatre", "watch_start"),
    Index("ix_arrangements_listing", "first_seen", "id"),  # the order listings page in
)

reports = Table(
    "reports",
    metadata,
    Column("key", String, primary_key=True),
    Column("document_id", String, nullable=False, index=True),
    Column("type", String(32), nullable=False),
    Column("date", String(10)),
    Column("lat", Float),
    Column("lon", Float),
    Column("event_id", String, index=True),
    Column("data", JSON, nullable=False),
    # What linking compares, so that candidates are checked without decoding `data`.
    Column("subtype", String(48)),
    Column("place_kind", String(16)),
    Column("country", String(2)),
    Column("region", Text),
    Column("actor1", Text),
    Column("actor1_country", String(3)),
    Column("fatalities", Integer),
    Index("ix_reports_type_date", "type", "date"),
)

events = Table(
    "events",
    metadata,
    Column("id", String, primary_key=True),
    Column("type", String(32), nullable=False),
    Column("date", String(10), index=True),
    Column("country", String(2), index=True),
    Column("lat", Float),
    Column("lon", Float),
    Column("fatalities", Integer),
    Column("record", JSON, nullable=False),
    Column("subtype", String(48)),
    Column("place", Text),
    Column("actor1", Text),
    Column("actor2", Text),
    Column("text", Text),
    Column("hidden", Boolean, nullable=False, default=False),  # rejected by a correction
)

# The few hidden events, so that counting those shown reads no record; partial, so that
# listings keep walking the date index. Its condition is written as queries write it.
Index(
    "ix_events_hidden",
    events.c.hidden,
    sqlite_where=events.c.hidden.is_(True),
    postgresql_where=events.c.hidden.is_(True),
)

violations = Table(
    "violations",
    metadata,
    Column("arrangement_id", String, primary_key=True),
    Column("event_id", String, primary_key=True, index=True),
    Column("date", String(10)),
    Column("score", Float, nullable=False),
    Column("record", JSON, nullable=False),
)

# An analyst's decisions, applied on top of every resolution (corrections_apply.py).
corrections = Table(
    "corrections",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("uid", String(40), nullable=False, unique=True),  # the same correction anywhere
    Column("action", String(16), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("record_id", Text, nullable=False),
    Column("field", String(32)),
    Column("value", JSON(none_as_null=True)),
    Column("target", Text),
    Column("reason", Text),
    Column("author", Text, nullable=False),
    Column("created", String(32), nullable=False),  # ISO 8601 UTC
    Column("anchor", JSON),  # what finds the record again when its id changes
    Column("undone", Boolean, nullable=False, default=False),
    Column("undone_by", Text),
    Column("undone_at", String(32)),
    Column("undo_reason", Text),
    Column("orphaned", Boolean, nullable=False, default=False),
)

# `ceasefire watch`: each feed's conditional-GET validators and backoff, and fired alerts.
feeds = Table(
    "feeds",
    metadata,
    Column("url", Text, primary_key=True),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("errors", Integer, nullable=False, default=0),  # failures in a row
    Column("retry_after", Float),  # Unix time before which the feed is not asked again
    Column("last_polled", Float),
    Column("last_status", Integer),
)

alerts = Table(
    "alerts",
    metadata,
    Column("key", String(200), primary_key=True),  # what it is about: never fired twice
    Column("fired_at", String(32), nullable=False),
    Column("payload", JSON, nullable=False),
    Column("posted", Boolean, nullable=False, default=False),  # the webhook took it
)
