"""Derived values and composite unique constraints of /likes."""

from fastapi.testclient import TestClient

from tests.factories import like_payload
from tests.utils import quote_path, run, sign_in


def test_create_like_twice_user_id_post_id_is_409(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, like_payload, owned_by=user)
    response = client.post("/likes", json=body, headers=headers)
    assert response.status_code == 201, response.text
    first = response.json()
    response = client.post("/likes", json=body, headers=headers)
    assert response.status_code == 409, response.text
    assert response.json()["detail"] == (
        "This combination of user_id, post_id is already taken"
    )
    # The first row stays as it was.
    response = client.get(f"/likes/{quote_path(first['id'])}", headers=headers)
    assert response.status_code == 200, response.text
    assert response.json() == first
