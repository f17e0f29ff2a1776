"""The API shape of /users: JSON names, envelopes, list keys, verbs."""

import re

from fastapi.testclient import TestClient

from tests.factories import create_user
from tests.utils import quote_path, run


def test_get_user_answers_the_shape(client: TestClient) -> None:
    row = run(client, create_user)
    response = client.get(f"/users/{quote_path(row.id)}")
    assert response.status_code == 200, response.text
    assert list(response.json()) == ["user"]
    item = response.json()["user"]
    assert sorted(item) == ["createdAt", "id", "updatedAt"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z", item["createdAt"])
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z", item["updatedAt"])
