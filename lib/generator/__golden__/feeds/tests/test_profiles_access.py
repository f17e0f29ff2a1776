"""Access and data exposure of /profiles."""

from fastapi.testclient import TestClient

from tests.factories import create_profile, profile_payload
from tests.utils import quote_path, run, sign_in


def test_create_profile_unknown_field(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, profile_payload, owned_by=user)
    body["zz_not_a_field"] = 1
    response = client.post("/profiles", json=body, headers=headers)
    assert response.status_code == 422


def test_update_profile_unknown_field(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_profile, owned_by=user)
    response = client.patch(
        f"/profiles/{quote_path(row.user.username)}",
        json={"zz_not_a_field": 1},
        headers=headers,
    )
    assert response.status_code == 422
