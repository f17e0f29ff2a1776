"""The API shape of /cities: JSON names, envelopes, list keys, verbs."""

import re

from fastapi.testclient import TestClient

from tests.factories import create_city
from tests.utils import quote_path, run


def test_get_city_answers_the_shape(client: TestClient) -> None:
    row = run(client, create_city)
    response = client.get(f"/cities/{quote_path(row.id)}")
    assert response.status_code == 200, response.text
    assert list(response.json()) == ["data"]
    item = response.json()["data"]
    assert sorted(item) == ["created_at", "id", "name", "population", "updated_at"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z", item["created_at"])
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z", item["updated_at"])


def test_list_cities_answers_the_shape(client: TestClient) -> None:
    run(client, create_city)
    response = client.get("/cities")
    assert response.status_code == 200, response.text
    page = response.json()
    assert sorted(page) == ["results"]
    assert sorted(page["results"][0]) == [
        "created_at",
        "id",
        "name",
        "population",
        "updated_at",
    ]


def test_update_city_changes_only_what_is_sent(client: TestClient) -> None:
    row = run(client, create_city)
    before = client.get(f"/cities/{quote_path(row.id)}").json()["data"]
    response = client.patch(f"/cities/{quote_path(row.id)}", json={})
    assert response.status_code == 200, response.text
    assert response.json()["data"]["name"] == before["name"]
