"""Access and data exposure of /members."""

from fastapi.testclient import TestClient

from tests.factories import member_payload
from tests.utils import run, sign_in


def test_create_member_unknown_field(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, member_payload)
    body["zz_not_a_field"] = 1
    response = client.post("/members", json=body, headers=headers)
    assert response.status_code == 422
