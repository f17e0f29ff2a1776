"""The API shape of /categories: JSON names, envelopes, list keys, verbs."""

from fastapi.testclient import TestClient

from tests.factories import category_payload, create_category
from tests.utils import quote_path, run


def test_get_category_answers_the_shape(client: TestClient) -> None:
    row = run(client, create_category)
    response = client.get(f"/categories/{quote_path(row.id)}")
    assert response.status_code == 200, response.text
    item = response.json()
    assert sorted(item) == ["id", "name"]


def test_list_categories_answers_the_shape(client: TestClient) -> None:
    run(client, create_category)
    response = client.get("/categories")
    assert response.status_code == 200, response.text
    page = response.json()
    assert sorted(page) == ["items", "limit", "offset", "total"]
    assert sorted(page["items"][0]) == ["id", "name"]
    assert page["total"] >= 1


def test_replace_category_replaces_the_whole_object(client: TestClient) -> None:
    row = run(client, create_category)
    response = client.put(f"/categories/{quote_path(row.id)}", json={})
    assert response.status_code == 422
    assert "name" in {error["loc"][-1] for error in response.json()["detail"]}
    whole = run(client, category_payload)
    response = client.put(f"/categories/{quote_path(row.id)}", json=whole)
    assert response.status_code == 200, response.text
    assert response.json()["id"] == row.id


def test_update_category_changes_only_what_is_sent(client: TestClient) -> None:
    row = run(client, create_category)
    before = client.get(f"/categories/{quote_path(row.id)}").json()
    response = client.patch(f"/categories/{quote_path(row.id)}", json={})
    assert response.status_code == 200, response.text
    assert response.json()["name"] == before["name"]
