"""The custom endpoints: 501 until their handler is written, 401 without a token."""

from fastapi.testclient import TestClient

from tests.utils import sign_in


def test_get_me_not_implemented(client: TestClient) -> None:
    _, headers = sign_in(client)
    response = client.get("/me", headers=headers)
    assert response.status_code == 501


def test_get_me_unauthenticated(client: TestClient) -> None:
    response = client.get("/me", headers={})
    assert response.status_code == 401
