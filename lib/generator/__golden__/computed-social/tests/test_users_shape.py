"""The API shape of /users: JSON names, envelopes, list keys, verbs."""

from fastapi.testclient import TestClient

from tests.factories import create_user
from tests.utils import quote_path, run


def test_get_user_answers_the_shape(client: TestClient) -> None:
    row = run(client, create_user)
    response = client.get(f"/users/{quote_path(row.username)}")
    assert response.status_code == 200, response.text
    item = response.json()
    assert sorted(item) == ["bio", "followersCount", "following", "id", "username"]


def test_list_users_answers_the_shape(client: TestClient) -> None:
    run(client, create_user)
    response = client.get("/users")
    assert response.status_code == 200, response.text
    page = response.json()
    assert sorted(page) == ["items", "limit", "offset", "total"]
    assert sorted(page["items"][0]) == [
        "bio",
        "followersCount",
        "following",
        "id",
        "username",
    ]
    assert page["total"] >= 1
