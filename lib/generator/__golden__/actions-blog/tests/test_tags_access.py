"""Access and data exposure of /tags."""

from fastapi.testclient import TestClient

from tests.factories import tag_payload
from tests.utils import run, sign_in


def test_create_tag_unknown_field(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, tag_payload, owned_by=user)
    body["zz_not_a_field"] = 1
    response = client.post("/tags", json=body, headers=headers)
    assert response.status_code == 422
