"""Link nested under Page: /pages/{name}/links."""

from fastapi.testclient import TestClient

from tests.factories import create_link, create_page, link_payload
from tests.utils import quote_path, run, sign_in


def test_list_links_under_parent(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_page, owned_by=user)
    other_parent = run(client, create_page, owned_by=user)
    first = run(client, create_link, owned_by=user, page_id=parent.id)
    second = run(client, create_link, owned_by=user, page_id=parent.id)
    run(client, create_link, owned_by=user, page_id=other_parent.id)
    response = client.get(
        f"/pages/{quote_path(parent.company.name)}/links", headers=headers
    )
    assert response.status_code == 200, response.text
    page = response.json()
    assert page["total"] == 2
    assert {item["id"] for item in page["items"]} == {first.id, second.id}


def test_list_links_parent_missing(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.get("/pages/no-such-value-zz/links", headers=headers)
    assert response.status_code == 404
    assert response.json()["detail"] == "Page not found"


def test_get_link_under_parent(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_page, owned_by=user)
    row = run(client, create_link, owned_by=user, page_id=parent.id)
    response = client.get(
        f"/pages/{quote_path(parent.company.name)}/links/{quote_path(row.id)}",
        headers=headers,
    )
    assert response.status_code == 200, response.text
    assert response.json()["id"] == row.id


def test_get_link_other_parent_is_404(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_page, owned_by=user)
    other_parent = run(client, create_page, owned_by=user)
    row = run(client, create_link, owned_by=user, page_id=other_parent.id)
    response = client.get(
        f"/pages/{quote_path(parent.company.name)}/links/{quote_path(row.id)}",
        headers=headers,
    )
    assert response.status_code == 404


def test_get_link_parent_missing(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_page, owned_by=user)
    row = run(client, create_link, owned_by=user, page_id=parent.id)
    response = client.get(
        f"/pages/no-such-value-zz/links/{quote_path(row.id)}", headers=headers
    )
    assert response.status_code == 404
    assert response.json()["detail"] == "Page not found"


def test_create_link_parent_from_path(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_page, owned_by=user)
    body = run(client, link_payload, owned_by=user)
    response = client.post(
        f"/pages/{quote_path(parent.company.name)}/links", json=body, headers=headers
    )
    assert response.status_code == 201, response.text
    assert response.json()["page_id"] == parent.id


def test_create_link_parent_not_in_body(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_page, owned_by=user)
    other_parent = run(client, create_page, owned_by=user)
    body = run(client, link_payload, owned_by=user)
    body["page_id"] = other_parent.id
    response = client.post(
        f"/pages/{quote_path(parent.company.name)}/links", json=body, headers=headers
    )
    assert response.status_code == 422


def test_create_link_parent_missing(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, link_payload, owned_by=user)
    response = client.post("/pages/no-such-value-zz/links", json=body, headers=headers)
    assert response.status_code == 404
    assert response.json()["detail"] == "Page not found"


def test_create_link_not_parent_owner(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_page, owned_by=user)
    body = run(client, link_payload, owned_by=user)
    _, stranger = sign_in(client)
    response = client.post(
        f"/pages/{quote_path(parent.company.name)}/links", json=body, headers=stranger
    )
    assert response.status_code == 403


def test_update_link_under_parent(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_page, owned_by=user)
    row = run(client, create_link, owned_by=user, page_id=parent.id)
    response = client.patch(
        f"/pages/{quote_path(parent.company.name)}/links/{quote_path(row.id)}",
        json={},
        headers=headers,
    )
    assert response.status_code == 200, response.text
    assert response.json()["id"] == row.id


def test_update_link_other_parent_is_404(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_page, owned_by=user)
    other_parent = run(client, create_page, owned_by=user)
    row = run(client, create_link, owned_by=user, page_id=other_parent.id)
    response = client.patch(
        f"/pages/{quote_path(parent.company.name)}/links/{quote_path(row.id)}",
        json={},
        headers=headers,
    )
    assert response.status_code == 404


def test_update_link_parent_missing(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_page, owned_by=user)
    row = run(client, create_link, owned_by=user, page_id=parent.id)
    response = client.patch(
        f"/pages/no-such-value-zz/links/{quote_path(row.id)}", json={}, headers=headers
    )
    assert response.status_code == 404
    assert response.json()["detail"] == "Page not found"


def test_update_link_not_parent_owner(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_page, owned_by=user)
    row = run(client, create_link, owned_by=user, page_id=parent.id)
    _, stranger = sign_in(client)
    response = client.patch(
        f"/pages/{quote_path(parent.company.name)}/links/{quote_path(row.id)}",
        json={},
        headers=stranger,
    )
    assert response.status_code == 403


def test_delete_link_under_parent(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_page, owned_by=user)
    row = run(client, create_link, owned_by=user, page_id=parent.id)
    response = client.delete(
        f"/pages/{quote_path(parent.company.name)}/links/{quote_path(row.id)}",
        headers=headers,
    )
    assert response.status_code == 204, response.text


def test_delete_link_other_parent_is_404(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_page, owned_by=user)
    other_parent = run(client, create_page, owned_by=user)
    row = run(client, create_link, owned_by=user, page_id=other_parent.id)
    response = client.delete(
        f"/pages/{quote_path(parent.company.name)}/links/{quote_path(row.id)}",
        headers=headers,
    )
    assert response.status_code == 404


def test_delete_link_parent_missing(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_page, owned_by=user)
    row = run(client, create_link, owned_by=user, page_id=parent.id)
    response = client.delete(
        f"/pages/no-such-value-zz/links/{quote_path(row.id)}", headers=headers
    )
    assert response.status_code == 404
    assert response.json()["detail"] == "Page not found"


def test_delete_link_not_parent_owner(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_page, owned_by=user)
    row = run(client, create_link, owned_by=user, page_id=parent.id)
    _, stranger = sign_in(client)
    response = client.delete(
        f"/pages/{quote_path(parent.company.name)}/links/{quote_path(row.id)}",
        headers=stranger,
    )
    assert response.status_code == 403
