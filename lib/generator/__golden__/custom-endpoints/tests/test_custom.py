"""The custom endpoints: 501 until their handler is written, 401 without a token."""

from fastapi.testclient import TestClient

from app.enums import AccountRole
from tests.factories import ticket_payload
from tests.utils import run, sign_in


def test_post_tickets_ticket_id_assign_not_implemented(client: TestClient) -> None:
    _, headers = sign_in(client, role=AccountRole.ADMIN)
    payload = run(client, ticket_payload)
    body = {key: payload[key] for key in ["title"] if key in payload}
    response = client.post(
        (
            "/tickets/00000000-0000-0000-0000-00000000000"
            "0/assign?agent=00000000-0000-4000-8000-00000"
            "0000000"
        ),
        json=body,
        headers=headers,
    )
    assert response.status_code == 501


def test_post_tickets_ticket_id_assign_unauthenticated(client: TestClient) -> None:
    payload = run(client, ticket_payload)
    body = {key: payload[key] for key in ["title"] if key in payload}
    response = client.post(
        (
            "/tickets/00000000-0000-0000-0000-00000000000"
            "0/assign?agent=00000000-0000-4000-8000-00000"
            "0000000"
        ),
        json=body,
        headers={},
    )
    assert response.status_code == 401


def test_put_tickets_ticket_id_notes_body_not_implemented(client: TestClient) -> None:
    _, headers = sign_in(client)
    payload = run(client, ticket_payload)
    body = {key: payload[key] for key in ["title"] if key in payload}
    response = client.put(
        ("/tickets/00000000-0000-0000-0000-000000000000/notes/x"),
        json=body,
        headers=headers,
    )
    assert response.status_code == 501


def test_put_tickets_ticket_id_notes_body_unauthenticated(client: TestClient) -> None:
    payload = run(client, ticket_payload)
    body = {key: payload[key] for key in ["title"] if key in payload}
    response = client.put(
        ("/tickets/00000000-0000-0000-0000-000000000000/notes/x"), json=body, headers={}
    )
    assert response.status_code == 401


def test_delete_tickets_ticket_id_close_not_implemented(client: TestClient) -> None:
    _, headers = sign_in(client)
    response = client.delete(
        ("/tickets/00000000-0000-0000-0000-000000000000/close?reason=x"),
        headers=headers,
    )
    assert response.status_code == 501


def test_delete_tickets_ticket_id_close_unauthenticated(client: TestClient) -> None:
    response = client.delete(
        ("/tickets/00000000-0000-0000-0000-000000000000/close?reason=x"), headers={}
    )
    assert response.status_code == 401


def test_delete_ticket_not_implemented(client: TestClient) -> None:
    _, headers = sign_in(client, role=AccountRole.ADMIN)
    response = client.delete("/ticket?older_than_days=1", headers=headers)
    assert response.status_code == 501


def test_delete_ticket_unauthenticated(client: TestClient) -> None:
    response = client.delete("/ticket?older_than_days=1", headers={})
    assert response.status_code == 401


def test_get_reports_accounts_account_id_not_implemented(client: TestClient) -> None:
    response = client.get("/reports/accounts/999999999?day=2024-01-01", headers={})
    assert response.status_code == 501
