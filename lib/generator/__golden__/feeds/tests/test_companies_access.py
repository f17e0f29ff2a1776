"""Access and data exposure of /companies."""

from fastapi.testclient import TestClient

from tests.factories import company_payload, create_company
from tests.utils import quote_path, run, sign_in


def test_create_company_unknown_field(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, company_payload, owned_by=user)
    body["zz_not_a_field"] = 1
    response = client.post("/companies", json=body, headers=headers)
    assert response.status_code == 422


def test_update_company_unknown_field(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_company, owned_by=user)
    response = client.patch(
        f"/companies/{quote_path(row.id)}", json={"zz_not_a_field": 1}, headers=headers
    )
    assert response.status_code == 422
