"""The hooks on categories, written by hand."""

from fastapi.testclient import TestClient


def test_names_are_stripped_on_create_and_update(client: TestClient) -> None:
    response = client.post("/categories", json={"name": "  Garden  "})
    assert response.status_code == 201
    created = response.json()
    assert created["name"] == "Garden"
    response = client.patch(f"/categories/{created['id']}", json={"name": " Tools "})
    assert response.status_code == 200
    assert response.json()["name"] == "Tools"
    assert client.delete(f"/categories/{created['id']}").status_code == 204
