"""The custom endpoints are stubs: they answer 501 until implemented."""

from fastapi.testclient import TestClient

from tests.utils import sign_in


def test_get_me_not_implemented(client: TestClient) -> None:
    _, headers = sign_in(client)
    response = client.get("/me", headers=headers)
    assert response.status_code == 501


def test_get_me_unauthenticated(client: TestClient) -> None:
    response = client.get("/me", headers={})
    assert response.status_code == 401
