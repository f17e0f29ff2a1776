"""The API shape of /people: JSON names, envelopes, list keys, verbs."""

from fastapi.testclient import TestClient

from tests.factories import create_person, person_payload
from tests.utils import quote_path, run


def test_get_person_answers_the_shape(client: TestClient) -> None:
    row = run(client, create_person)
    response = client.get(f"/people/{quote_path(row.id)}")
    assert response.status_code == 200, response.text
    item = response.json()
    assert sorted(item) == ["followers", "follows", "handle", "id"]


def test_list_people_answers_the_shape(client: TestClient) -> None:
    run(client, create_person)
    response = client.get("/people")
    assert response.status_code == 200, response.text
    page = response.json()
    assert sorted(page) == ["items", "limit", "offset", "total"]
    assert sorted(page["items"][0]) == ["followers", "follows", "handle", "id"]
    assert page["total"] >= 1


def test_replace_person_replaces_the_whole_object(client: TestClient) -> None:
    row = run(client, create_person)
    response = client.put(f"/people/{quote_path(row.id)}", json={})
    assert response.status_code == 422
    assert "handle" in {error["loc"][-1] for error in response.json()["detail"]}
    whole = run(client, person_payload)
    response = client.put(f"/people/{quote_path(row.id)}", json=whole)
    assert response.status_code == 200, response.text
    assert response.json()["id"] == row.id


def test_update_person_changes_only_what_is_sent(client: TestClient) -> None:
    row = run(client, create_person)
    before = client.get(f"/people/{quote_path(row.id)}").json()
    response = client.patch(f"/people/{quote_path(row.id)}", json={})
    assert response.status_code == 200, response.text
    assert response.json()["handle"] == before["handle"]
