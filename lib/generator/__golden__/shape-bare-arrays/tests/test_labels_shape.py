"""The API shape of /labels: JSON names, envelopes, list keys, verbs."""

from fastapi.testclient import TestClient

from tests.factories import create_label
from tests.utils import quote_path, run


def test_get_label_answers_the_shape(client: TestClient) -> None:
    row = run(client, create_label)
    response = client.get(f"/labels/{quote_path(row.id)}")
    assert response.status_code == 200, response.text
    item = response.json()
    assert sorted(item) == ["id", "name"]


def test_list_labels_answers_the_shape(client: TestClient) -> None:
    run(client, create_label)
    response = client.get("/labels")
    assert response.status_code == 200, response.text
    page = response.json()
    assert isinstance(page, list)
    assert sorted(page[0]) == ["id", "name"]


def test_update_label_changes_only_what_is_sent(client: TestClient) -> None:
    row = run(client, create_label)
    before = client.get(f"/labels/{quote_path(row.id)}").json()
    response = client.patch(f"/labels/{quote_path(row.id)}", json={})
    assert response.status_code == 200, response.text
    assert response.json()["name"] == before["name"]
