"""Access and data exposure of /tickets."""

from fastapi.testclient import TestClient

from tests.factories import create_ticket, ticket_payload
from tests.utils import quote_path, run, sign_in


def test_create_ticket_unknown_field(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, ticket_payload, owned_by=user)
    body["zz_not_a_field"] = 1
    response = client.post("/tickets", json=body, headers=headers)
    assert response.status_code == 422


def test_create_ticket_read_only_state(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, ticket_payload, owned_by=user)
    body["state"] = "open"
    response = client.post("/tickets", json=body, headers=headers)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "state"]


def test_update_ticket_unknown_field(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_ticket, owned_by=user)
    response = client.patch(
        f"/tickets/{quote_path(row.id)}", json={"zz_not_a_field": 1}, headers=headers
    )
    assert response.status_code == 422
