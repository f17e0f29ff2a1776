"""Tests of /profiles."""

from fastapi.testclient import TestClient

from tests.factories import create_profile, profile_payload
from tests.utils import quote_path, run, sign_in


def test_list_profiles(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_profile)
    response = client.get("/profiles", params={"limit": 2}, headers=headers)
    assert response.status_code == 200
    page = response.json()
    assert len(page["items"]) == 2
    assert page["total"] >= 3
    assert page["limit"] == 2


def test_list_profiles_offset(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_profile)
    first = client.get(
        "/profiles", params={"limit": 1, "offset": 0}, headers=headers
    ).json()
    second = client.get(
        "/profiles", params={"limit": 1, "offset": 1}, headers=headers
    ).json()
    assert second["offset"] == 1
    assert first["items"][0]["id"] != second["items"][0]["id"]


def test_list_profiles_limit_too_large(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/profiles", params={"limit": 101}, headers=headers)
    assert response.status_code == 422


def test_list_profiles_offset_out_of_range(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/profiles", params={"offset": 2**63}, headers=headers)
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"] == ["query", "offset"]
    response = client.get("/profiles", params={"offset": 2**63 - 1}, headers=headers)
    assert response.status_code == 200, response.text


def test_get_profile(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_profile)
    response = client.get(f"/profiles/{quote_path(row.user.username)}", headers=headers)
    assert response.status_code == 200
    assert response.json()["id"] == row.id


def test_get_profile_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/profiles/no-such-value-zz", headers=headers)
    assert response.status_code == 404


def test_create_profile(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, profile_payload, owned_by=user)
    response = client.post("/profiles", json=body, headers=headers)
    assert response.status_code == 201, response.text
    created = response.json()
    assert "id" in created
    sent = {key: body[key] for key in ["headline"] if key in body}
    assert {key: created[key] for key in sent} == sent


def test_create_profile_invalid(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.post("/profiles", json={}, headers=headers)
    assert response.status_code == 422


def test_create_profile_unauthenticated(client: TestClient) -> None:
    body = run(client, profile_payload)
    response = client.post("/profiles", json=body, headers={})
    assert response.status_code == 401


def test_update_profile(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_profile, owned_by=user)
    n = 2
    response = client.patch(
        f"/profiles/{quote_path(row.user.username)}",
        json={"headline": f"headline-{n}"},
        headers=headers,
    )
    assert response.status_code == 200, response.text
    assert response.json()["id"] == row.id


def test_update_profile_not_found(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.patch("/profiles/no-such-value-zz", json={}, headers=headers)
    assert response.status_code == 404


def test_update_profile_invalid(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_profile, owned_by=user)
    response = client.patch(
        f"/profiles/{quote_path(row.user.username)}",
        json={"headline": None},
        headers=headers,
    )
    assert response.status_code == 422


def test_update_profile_not_owner(client: TestClient) -> None:
    owner, owner_headers = sign_in(client)
    row = run(client, create_profile, owned_by=owner)
    _, headers = sign_in(client)
    response = client.patch(
        f"/profiles/{quote_path(row.user.username)}", json={}, headers=headers
    )
    assert response.status_code == 404
    assert (
        client.get(
            f"/profiles/{quote_path(row.user.username)}", headers=owner_headers
        ).status_code
        == 200
    )


def test_update_profile_unauthenticated(client: TestClient) -> None:
    row = run(client, create_profile)
    response = client.patch(
        f"/profiles/{quote_path(row.user.username)}", json={}, headers={}
    )
    assert response.status_code == 401


def test_delete_profile(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_profile, owned_by=user)
    response = client.delete(
        f"/profiles/{quote_path(row.user.username)}", headers=headers
    )
    assert response.status_code == 204
    assert client.get(f"/profiles/{quote_path(row.user.username)}").status_code == 404


def test_delete_profile_not_found(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.delete("/profiles/no-such-value-zz", headers=headers)
    assert response.status_code == 404


def test_delete_profile_not_owner(client: TestClient) -> None:
    owner, owner_headers = sign_in(client)
    row = run(client, create_profile, owned_by=owner)
    _, headers = sign_in(client)
    response = client.delete(
        f"/profiles/{quote_path(row.user.username)}", headers=headers
    )
    assert response.status_code == 404
    assert (
        client.get(
            f"/profiles/{quote_path(row.user.username)}", headers=owner_headers
        ).status_code
        == 200
    )


def test_delete_profile_unauthenticated(client: TestClient) -> None:
    row = run(client, create_profile)
    response = client.delete(f"/profiles/{quote_path(row.user.username)}", headers={})
    assert response.status_code == 401
