"""Storage: SQLite file by default, PostgreSQL by URL, schema kept current by Alembic."""

from ceasefire.store.db import DEFAULT_DB, StoreError, database_url, open_store
from ceasefire.store.documents import DocumentStore

__all__ = ["DEFAULT_DB", "DocumentStore", "StoreError", "database_url", "open_store"]
