"""Test set-up: a fresh test database per session, a client on the app's event loop."""

import os
import tempfile
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

# Before anything imports app.core.config. The suite drops and creates every table,
# so it never uses DATABASE_URL (a real database): TEST_DATABASE_URL, or a
# throwaway SQLite file.
_test_url = os.environ.get("TEST_DATABASE_URL")
if not _test_url:
    _directory = tempfile.mkdtemp(prefix="app-tests-")
    _test_url = f"sqlite+aiosqlite:///{_directory}/test.db"
os.environ["DATABASE_URL"] = _test_url
os.environ["ENVIRONMENT"] = "test"


async def _reset_schema() -> None:
    from app.core.db import Base, engine

    async with engine.begin() as connection:
        await connection.run_sync(Base.metadata.drop_all)
        await connection.run_sync(Base.metadata.create_all)


@pytest.fixture(scope="session")
def client() -> Iterator[TestClient]:
    """One app (and event loop) for the session; the schema is created on that loop."""
    from app.main import app

    with TestClient(app) as test_client:
        assert test_client.portal is not None
        test_client.portal.call(_reset_schema)
        yield test_client
