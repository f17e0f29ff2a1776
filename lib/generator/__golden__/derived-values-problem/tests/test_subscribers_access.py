"""Access and data exposure of /subscribers."""

from fastapi.testclient import TestClient

from tests.factories import create_subscriber, subscriber_payload
from tests.utils import quote_path, run, sign_in


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
    body["email_normalized"] = f"user{n}@example.com"
    response = client.post("/subscribers", json=body, headers=headers)
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["body", "email_normalized"]


def test_update_subscriber_unknown_field(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_subscriber, owned_by=user)
    response = client.patch(
        f"/subscribers/{quote_path(row.id)}",
        json={"zz_not_a_field": 1},
        headers=headers,
    )
    assert response.status_code == 422
