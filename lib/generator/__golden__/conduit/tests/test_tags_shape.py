"""The API shape of /tags: JSON names, envelopes, list keys, verbs."""

from fastapi.testclient import TestClient

from tests.factories import create_tag
from tests.utils import run


def test_list_tags_answers_the_shape(client: TestClient) -> None:
    run(client, create_tag)
    response = client.get("/tags")
    assert response.status_code == 200, response.text
    page = response.json()
    assert sorted(page) == ["tags"]
    assert sorted(page["tags"][0]) == ["id", "name"]
