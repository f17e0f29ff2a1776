"""The API shape of /subscribers: JSON names, envelopes, list keys, verbs."""

import re

from fastapi.testclient import TestClient

from tests.factories import create_subscriber, subscriber_payload
from tests.utils import quote_path, run


def test_get_subscriber_answers_the_shape(client: TestClient) -> None:
    row = run(client, create_subscriber)
    response = client.get(f"/subscribers/{quote_path(row.id)}")
    assert response.status_code == 200, response.text
    item = response.json()
    assert sorted(item) == [
        "createdAt",
        "email",
        "emailNormalized",
        "id",
        "listName",
        "updatedAt",
    ]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z", item["createdAt"])
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z", item["updatedAt"])


def test_list_subscribers_answers_the_shape(client: TestClient) -> None:
    run(client, create_subscriber)
    response = client.get("/subscribers")
    assert response.status_code == 200, response.text
    page = response.json()
    assert sorted(page) == ["items", "limit", "offset", "total"]
    assert sorted(page["items"][0]) == [
        "createdAt",
        "email",
        "emailNormalized",
        "id",
        "listName",
        "updatedAt",
    ]
    assert page["total"] >= 1


def test_create_subscriber_accepts_attribute_names(client: TestClient) -> None:
    body = run(client, subscriber_payload)
    names = {
        "listName": "list_name",
        "emailNormalized": "email_normalized",
        "createdAt": "created_at",
        "updatedAt": "updated_at",
    }
    by_name = {names.get(key, key): value for key, value in body.items()}
    response = client.post("/subscribers", json=by_name)
    assert response.status_code == 201, response.text
    assert sorted(response.json()) == [
        "createdAt",
        "email",
        "emailNormalized",
        "id",
        "listName",
        "updatedAt",
    ]


def test_update_subscriber_replaces_the_whole_object(client: TestClient) -> None:
    row = run(client, create_subscriber)
    response = client.put(f"/subscribers/{quote_path(row.id)}", json={})
    assert response.status_code == 422
    assert "listName" in response.json()["errors"], response.text
    whole = run(client, subscriber_payload)
    response = client.put(f"/subscribers/{quote_path(row.id)}", json=whole)
    assert response.status_code == 200, response.text
    assert response.json()["id"] == row.id
