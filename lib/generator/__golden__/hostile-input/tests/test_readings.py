"""Tests of /readings."""

import datetime as dt
from typing import Any

from fastapi.testclient import TestClient

from tests.factories import create_member, create_reading, reading_payload
from tests.utils import quote_path, run, sign_in


def _listed_ids(
    client: TestClient, params: dict[str, Any], headers: dict[str, str]
) -> list[Any]:
    """Every id the list answers for `params`, page after page, in order."""
    ids: list[Any] = []
    while True:
        query = {**params, "limit": 100, "offset": len(ids)}
        response = client.get("/readings", params=query, headers=headers)
        assert response.status_code == 200, response.text
        page = response.json()
        ids += [item["id"] for item in page["items"]]
        if not page["items"] or len(ids) >= page["total"]:
            return ids


def test_list_readings(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_reading)
    response = client.get("/readings", params={"limit": 2}, headers=headers)
    assert response.status_code == 200
    page = response.json()
    assert len(page["items"]) == 2
    assert page["total"] >= 3
    assert page["limit"] == 2


def test_list_readings_offset(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_reading)
    first = client.get(
        "/readings", params={"limit": 1, "offset": 0}, headers=headers
    ).json()
    second = client.get(
        "/readings", params={"limit": 1, "offset": 1}, headers=headers
    ).json()
    assert second["offset"] == 1
    assert first["items"][0]["id"] != second["items"][0]["id"]


def test_list_readings_limit_too_large(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/readings", params={"limit": 101}, headers=headers)
    assert response.status_code == 422


def test_list_readings_offset_out_of_range(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/readings", params={"offset": 2**63}, headers=headers)
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"] == ["query", "offset"]
    response = client.get("/readings", params={"offset": 2**63 - 1}, headers=headers)
    assert response.status_code == 200, response.text


def test_list_readings_filter_level(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_reading, level=-10)
    other = run(client, create_reading, level=-9)
    ids = _listed_ids(client, {"level": str(row.level)}, headers)
    assert row.id in ids
    assert other.id not in ids


def test_list_readings_filter_counter(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_reading, counter=1)
    other = run(client, create_reading, counter=2)
    ids = _listed_ids(client, {"counter": str(row.counter)}, headers)
    assert row.id in ids
    assert other.id not in ids


def test_list_readings_filter_value(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_reading, value=1.5)
    other = run(client, create_reading, value=2.5)
    assert row.value is not None
    ids = _listed_ids(client, {"value": str(row.value)}, headers)
    assert row.id in ids
    assert other.id not in ids


def test_list_readings_filter_label(client: TestClient) -> None:
    headers: dict[str, str] = {}
    n = 639389
    row = run(client, create_reading, label=f"label-{n}")
    n = 639390
    other = run(client, create_reading, label=f"label-{n}")
    ids = _listed_ids(client, {"label": str(row.label)}, headers)
    assert row.id in ids
    assert other.id not in ids


def test_list_readings_filter_taken_at(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(
        client, create_reading, taken_at=dt.datetime(2024, 1, 15, 12, 0, tzinfo=dt.UTC)
    )
    other = run(
        client, create_reading, taken_at=dt.datetime(2024, 1, 16, 12, 0, tzinfo=dt.UTC)
    )
    ids = _listed_ids(client, {"taken_at": row.taken_at.isoformat()}, headers)
    assert row.id in ids
    assert other.id not in ids


def test_list_readings_filter_author_handle(client: TestClient) -> None:
    headers: dict[str, str] = {}
    n = 413253
    parent = run(client, create_member, handle=f"handle-{n}")
    n = 413254
    other_parent = run(client, create_member, handle=f"handle-{n}")
    row = run(client, create_reading, author_id=parent.id)
    other = run(client, create_reading, author_id=other_parent.id)
    ids = _listed_ids(client, {"author_handle": str(parent.handle)}, headers)
    assert row.id in ids
    assert other.id not in ids


def test_list_readings_sort_level(client: TestClient) -> None:
    headers: dict[str, str] = {}
    low = run(client, create_reading, level=-10)
    high = run(client, create_reading, level=-9)
    ours = {low.id, high.id}
    ascending = [
        i for i in _listed_ids(client, {"sort": "level"}, headers) if i in ours
    ]
    assert ascending == [low.id, high.id]
    descending = [
        i for i in _listed_ids(client, {"sort": "-level"}, headers) if i in ours
    ]
    assert descending == [high.id, low.id]


def test_list_readings_sort_taken_at(client: TestClient) -> None:
    headers: dict[str, str] = {}
    low = run(
        client, create_reading, taken_at=dt.datetime(2024, 1, 15, 12, 0, tzinfo=dt.UTC)
    )
    high = run(
        client, create_reading, taken_at=dt.datetime(2024, 1, 16, 12, 0, tzinfo=dt.UTC)
    )
    ours = {low.id, high.id}
    ascending = [
        i for i in _listed_ids(client, {"sort": "taken_at"}, headers) if i in ours
    ]
    assert ascending == [low.id, high.id]
    descending = [
        i for i in _listed_ids(client, {"sort": "-taken_at"}, headers) if i in ours
    ]
    assert descending == [high.id, low.id]


def test_list_readings_unknown_sort(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get(
        "/readings", params={"sort": "no_such_field"}, headers=headers
    )
    assert response.status_code == 422


def test_get_reading(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_reading)
    response = client.get(f"/readings/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 200
    assert response.json()["id"] == row.id


def test_get_reading_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/readings/999999999", headers=headers)
    assert response.status_code == 404


def test_create_reading(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, reading_payload, owned_by=user)
    response = client.post("/readings", json=body, headers=headers)
    assert response.status_code == 201, response.text
    created = response.json()
    assert "id" in created
    sent = {
        key: body[key]
        for key in ["label", "level", "counter", "notes", "payload", "previous_id"]
        if key in body
    }
    assert {key: created[key] for key in sent} == sent
    stored = client.get(f"/readings/{quote_path(created['id'])}", headers=headers)
    assert stored.status_code == 200
    assert {key: stored.json()[key] for key in sent} == sent


def test_create_reading_invalid(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.post("/readings", json={}, headers=headers)
    assert response.status_code == 422


def test_create_reading_unauthenticated(client: TestClient) -> None:
    body = run(client, reading_payload)
    response = client.post("/readings", json=body, headers={})
    assert response.status_code == 401


def test_update_reading(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_reading, owned_by=user)
    n = 2
    response = client.patch(
        f"/readings/{quote_path(row.id)}", json={"label": f"label-{n}"}, headers=headers
    )
    assert response.status_code == 200, response.text
    assert response.json()["id"] == row.id


def test_update_reading_not_found(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.patch("/readings/999999999", json={}, headers=headers)
    assert response.status_code == 404


def test_update_reading_invalid(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_reading, owned_by=user)
    response = client.patch(
        f"/readings/{quote_path(row.id)}", json={"label": None}, headers=headers
    )
    assert response.status_code == 422


def test_update_reading_not_owner(client: TestClient) -> None:
    owner, owner_headers = sign_in(client)
    row = run(client, create_reading, owned_by=owner)
    _, headers = sign_in(client)
    response = client.patch(f"/readings/{quote_path(row.id)}", json={}, headers=headers)
    assert response.status_code == 404
    assert (
        client.get(f"/readings/{quote_path(row.id)}", headers=owner_headers).status_code
        == 200
    )


def test_update_reading_unauthenticated(client: TestClient) -> None:
    row = run(client, create_reading)
    response = client.patch(f"/readings/{quote_path(row.id)}", json={}, headers={})
    assert response.status_code == 401


def test_delete_reading(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_reading, owned_by=user)
    response = client.delete(f"/readings/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 204
    assert client.get(f"/readings/{quote_path(row.id)}").status_code == 404


def test_delete_reading_not_found(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.delete("/readings/999999999", headers=headers)
    assert response.status_code == 404


def test_delete_reading_not_owner(client: TestClient) -> None:
    owner, owner_headers = sign_in(client)
    row = run(client, create_reading, owned_by=owner)
    _, headers = sign_in(client)
    response = client.delete(f"/readings/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 404
    assert (
        client.get(f"/readings/{quote_path(row.id)}", headers=owner_headers).status_code
        == 200
    )


def test_delete_reading_unauthenticated(client: TestClient) -> None:
    row = run(client, create_reading)
    response = client.delete(f"/readings/{quote_path(row.id)}", headers={})
    assert response.status_code == 401
