"""The API shape of /profiles: JSON names, envelopes, list keys, verbs."""

from fastapi.testclient import TestClient

from tests.factories import create_user
from tests.utils import quote_path, run


def test_get_user_answers_the_shape(client: TestClient) -> None:
    row = run(client, create_user)
    response = client.get(f"/profiles/{quote_path(row.username)}")
    assert response.status_code == 200, response.text
    assert list(response.json()) == ["profile"]
    item = response.json()["profile"]
    assert sorted(item) == ["bio", "following", "id", "image", "username"]
