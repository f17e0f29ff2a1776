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
    assert created["emailNormalized"] == created["email"].lower()
    assert created["emailNormalized"] != created["email"]


def test_update_subscriber_email_normalized_keeps_email(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, subscriber_payload)
    body["email"] = "Mixed.First.daf083@Example.COM"
    response = client.post("/subscribers", json=body, headers=headers)
    assert response.status_code == 201, response.text
    created = response.json()
    response = client.put(
        f"/subscribers/{quote_path(created['id'])}",
        json={**body, **{"email": "Mixed.Second.daf083@Example.COM"}},
        headers=headers,
    )
    assert response.status_code == 200, response.text
    updated = response.json()
    assert updated["emailNormalized"] == created["emailNormalized"]


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
    assert set(response.json()["errors"]) == {"listName", "emailNormalized"}
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
    taken = body["listName"]
    body["listName"] = "other-885277"
    response = client.post("/subscribers", json=body, headers=headers)
    assert response.status_code == 201, response.text
    second = response.json()
    response = client.put(
        f"/subscribers/{quote_path(second['id'])}",
        json={**body, **{"listName": taken}},
        headers=headers,
    )
    assert response.status_code == 409, response.text
    assert set(response.json()["errors"]) == {"listName", "emailNormalized"}
    response = client.get(f"/subscribers/{quote_path(second['id'])}", headers=headers)
    assert response.json()["listName"] == "other-885277"
