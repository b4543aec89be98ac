"""Shared fixtures: real databases (a SQLite file, and PostgreSQL when the test command started one)."""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

# Tests never read places a user added to their own data folder (`ceasefire gazetteer add`).
os.environ["CEASEFIRE_DATA"] = tempfile.mkdtemp(prefix="ceasefire-test-data-")

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = SHARED / "seed" / "aleppo-regime-of-calm.txt"
PG_ENV = "CEASEFIRE_TEST_PG"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip(f"the seed article is not at {SEED}")
    return SEED


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return str(tmp_path / "test.db")


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database on the server scripts/test started."""
    server = os.environ.get(PG_ENV)
    if not server:
        pytest.skip(f"no PostgreSQL server ({PG_ENV} is not set; scripts/test sets it)")
    name = f"test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(_psycopg(server), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = server.rsplit("/", 1)[0] + f"/{name}"
    yield url
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest) -> str:
    """Each store test runs on a SQLite file and on a PostgreSQL database."""
    return request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "pg_url")


def _psycopg(url: str) -> str:
    return url.replace("postgresql://", "postgresql+psycopg://", 1)
