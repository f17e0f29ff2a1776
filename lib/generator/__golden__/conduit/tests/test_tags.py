"""Tests of /tags."""

from fastapi.testclient import TestClient

from tests.factories import create_tag
from tests.utils import run


def test_list_tags(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_tag)
    response = client.get("/tags", params={"limit": 2}, headers=headers)
    assert response.status_code == 200
    page = response.json()
    assert len(page["tags"]) == 2


def test_list_tags_offset(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_tag)
    first = client.get(
        "/tags", params={"limit": 1, "offset": 0}, headers=headers
    ).json()
    second = client.get(
        "/tags", params={"limit": 1, "offset": 1}, headers=headers
    ).json()
    assert first["tags"][0]["id"] != second["tags"][0]["id"]


def test_list_tags_limit_too_large(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/tags", params={"limit": 1001}, headers=headers)
    assert response.status_code == 422


def test_list_tags_offset_out_of_range(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/tags", params={"offset": 2**63}, headers=headers)
    assert response.status_code == 422, response.text
    assert "offset" in response.json()["errors"], response.text
    response = client.get("/tags", params={"offset": 2**63 - 1}, headers=headers)
    assert response.status_code == 200, response.text
