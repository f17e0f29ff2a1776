"""Tests of /profiles."""

from fastapi.testclient import TestClient

from tests.factories import create_user
from tests.utils import quote_path, run


def test_get_user(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_user)
    response = client.get(f"/profiles/{quote_path(row.username)}", headers=headers)
    assert response.status_code == 200
    assert response.json()["id"] == row.id


def test_get_user_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/profiles/no-such-value-zz", headers=headers)
    assert response.status_code == 404
