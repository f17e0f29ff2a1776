"""Access and data exposure of /pages."""

from fastapi.testclient import TestClient

from tests.factories import create_page, page_payload
from tests.utils import quote_path, run, sign_in


def test_create_page_unknown_field(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, page_payload, owned_by=user)
    body["zz_not_a_field"] = 1
    response = client.post("/pages", json=body, headers=headers)
    assert response.status_code == 422


def test_create_page_missing_company_id(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, page_payload, owned_by=user)
    body["company_id"] = 999999999
    response = client.post("/pages", json=body, headers=headers)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "company_id"]


def test_update_page_unknown_field(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_page, owned_by=user)
    response = client.patch(
        f"/pages/{quote_path(row.company.name)}",
        json={"zz_not_a_field": 1},
        headers=headers,
    )
    assert response.status_code == 422
