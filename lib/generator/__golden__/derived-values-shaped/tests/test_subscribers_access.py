"""Access and data exposure of /subscribers."""

from fastapi.testclient import TestClient

from tests.factories import subscriber_payload
from tests.utils import run, sign_in


def test_create_subscriber_unknown_field(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, subscriber_payload)
    body["zz_not_a_field"] = 1
    response = client.post("/subscribers", json=body, headers=headers)
    assert response.status_code == 422


def test_create_subscriber_read_only_email_normalized(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, subscriber_payload)
    n = 1
    body["emailNormalized"] = f"user{n}@example.com"
    response = client.post("/subscribers", json=body, headers=headers)
    assert response.status_code == 422
    assert "emailNormalized" in response.json()["errors"], response.text
