"""Computed fields of User."""

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Table, insert

from app.core.db import SessionLocal
from app.models.associations import follows
from tests.factories import create_user
from tests.utils import quote_path, run, sign_in


def _read(client: TestClient, row: Any, headers: dict[str, str]) -> Any:
    """The User as its get answers it to the caller of `headers`."""
    response = client.get(f"/profiles/{quote_path(row.username)}", headers=headers)
    assert response.status_code == 200, response.text
    return response.json()["profile"]


async def _link(table: Table, values: dict[str, Any]) -> None:
    """Links two rows through an association table."""
    async with SessionLocal() as session:
        await session.execute(insert(table).values(**values))
        await session.commit()


def test_user_following_is_true_for_the_linked_viewer_only(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_user)
    other, other_headers = sign_in(client)
    assert _read(client, row, headers)["following"] is False
    run(
        client,
        _link,
        table=follows,
        values={"related_user_id": row.id, "user_id": user.id},
    )
    assert _read(client, row, headers)["following"] is True
    assert _read(client, row, other_headers)["following"] is False
    assert _read(client, row, {})["following"] is False


def test_me_answers_following_for_the_caller(client: TestClient) -> None:
    user, headers = sign_in(client)
    assert client.get("/user", headers=headers).json()["user"]["following"] is False
    run(
        client,
        _link,
        table=follows,
        values={"related_user_id": user.id, "user_id": user.id},
    )
    assert client.get("/user", headers=headers).json()["user"]["following"] is True
