"""The API shape of /placements: JSON names, envelopes, list keys, verbs."""

from fastapi.testclient import TestClient

from tests.factories import create_placement, placement_payload
from tests.utils import quote_path, run


def test_get_placement_answers_the_shape(client: TestClient) -> None:
    row = run(client, create_placement)
    response = client.get(f"/placements/{quote_path(row.id)}")
    assert response.status_code == 200, response.text
    item = response.json()
    assert sorted(item) == ["category_id", "id", "post_id", "rank"]


def test_list_placements_answers_the_shape(client: TestClient) -> None:
    run(client, create_placement)
    response = client.get("/placements")
    assert response.status_code == 200, response.text
    page = response.json()
    assert sorted(page) == ["items", "limit", "offset", "total"]
    assert sorted(page["items"][0]) == ["category_id", "id", "post_id", "rank"]
    assert page["total"] >= 1


def test_replace_placement_replaces_the_whole_object(client: TestClient) -> None:
    row = run(client, create_placement)
    whole = run(client, placement_payload)
    response = client.put(f"/placements/{quote_path(row.id)}", json=whole)
    assert response.status_code == 200, response.text
    assert response.json()["id"] == row.id


def test_update_placement_changes_only_what_is_sent(client: TestClient) -> None:
    row = run(client, create_placement)
    before = client.get(f"/placements/{quote_path(row.id)}").json()
    response = client.patch(f"/placements/{quote_path(row.id)}", json={})
    assert response.status_code == 200, response.text
    assert response.json()["rank"] == before["rank"]
