"""Derived values and composite unique constraints of /subscribers."""

from fastapi.testclient import TestClient

from tests.factories import subscriber_payload
from tests.utils import quote_path, run, sign_in


def test_create_subscriber_email_normalized_lower_cases_email(
    client: TestClient,
) -> None:
    user, headers = sign_in(client)
    body = run(client, subscriber_payload)
    body["email"] = "Mixed.Case.daf083@Example.COM"
    response = client.post("/subscribers", json=body, headers=headers)
    assert response.status_code == 201, response.text
    created = response.json()
    assert created["email_normalized"] == created["email"].lower()
    assert created["email_normalized"] != created["email"]


def test_update_subscriber_email_normalized_keeps_email(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, subscriber_payload)
    body["email"] = "Mixed.First.daf083@Example.COM"
    response = client.post("/subscribers", json=body, headers=headers)
    assert response.status_code == 201, response.text
    created = response.json()
    response = client.patch(
        f"/subscribers/{quote_path(created['id'])}",
        json={"email": "Mixed.Second.daf083@Example.COM"},
        headers=headers,
    )
    assert response.status_code == 200, response.text
    updated = response.json()
    assert updated["email_normalized"] == created["email_normalized"]


def test_create_subscriber_twice_list_name_email_normalized_is_409(
    client: TestClient,
) -> None:
    user, headers = sign_in(client)
    body = run(client, subscriber_payload)
    response = client.post("/subscribers", json=body, headers=headers)
    assert response.status_code == 201, response.text
    first = response.json()
    response = client.post("/subscribers", json=body, headers=headers)
    assert response.status_code == 409, response.text
    assert response.json()["detail"] == (
        "This combination of list_name, email_normalized is already taken"
    )
    # The first row stays as it was.
    response = client.get(f"/subscribers/{quote_path(first['id'])}", headers=headers)
    assert response.status_code == 200, response.text
    assert response.json() == first


def test_update_subscriber_into_a_duplicate_list_name_email_normalized_is_409(
    client: TestClient,
) -> None:
    user, headers = sign_in(client)
    body = run(client, subscriber_payload)
    response = client.post("/subscribers", json=body, headers=headers)
    assert response.status_code == 201, response.text
    taken = body["list_name"]
    body["list_name"] = "other-885277"
    response = client.post("/subscribers", json=body, headers=headers)
    assert response.status_code == 201, response.text
    second = response.json()
    response = client.patch(
        f"/subscribers/{quote_path(second['id'])}",
        json={"list_name": taken},
        headers=headers,
    )
    assert response.status_code == 409, response.text
    assert response.json()["detail"] == (
        "This combination of list_name, email_normalized is already taken"
    )
    response = client.get(f"/subscribers/{quote_path(second['id'])}", headers=headers)
    assert response.json()["list_name"] == "other-885277"
