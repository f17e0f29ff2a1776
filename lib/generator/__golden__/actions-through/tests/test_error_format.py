"""Every 4xx the app answers has the project's error format."""

from fastapi.testclient import TestClient

from app.core.config import settings
from tests.utils import assert_error


def test_unknown_path_is_404(client: TestClient) -> None:
    assert_error(client.get("/no-such-path"), 404, "body")


def test_wrong_method_is_405(client: TestClient) -> None:
    assert_error(client.delete("/health"), 405, "body")


def test_malformed_json_is_422(client: TestClient) -> None:
    headers = {"content-type": "application/json"}
    response = client.post("/users", content=b"{not json", headers=headers)
    assert_error(response, 422, "body")


def test_json_the_database_cannot_store_is_422(client: TestClient) -> None:
    headers = {"content-type": "application/json"}
    response = client.post("/users", content=b'{"a": NaN}', headers=headers)
    assert_error(response, 422, "body")


def test_body_over_the_limit_is_413(client: TestClient) -> None:
    big = b'{"a": "' + b"x" * (settings.MAX_BODY_BYTES + 1) + b'"}'
    headers = {"content-type": "application/json"}
    assert_error(client.post("/users", content=big, headers=headers), 413, "body")


def test_missing_token_is_401(client: TestClient) -> None:
    assert_error(client.get("/user"), 401, "body")


def test_invalid_token_is_401(client: TestClient) -> None:
    headers = {"Authorization": "Token not-a-token"}
    assert_error(client.get("/user", headers=headers), 401, "body")


def test_wrong_credentials_are_401(client: TestClient) -> None:
    credentials = {"email": "nobody@example.com", "password": "x"}
    response = client.post("/users/login", json={"user": credentials})
    assert_error(response, 401, "body")


def test_validation_names_the_field(client: TestClient) -> None:
    response = client.post("/users", json={"user": {}})
    assert_error(response, 422, "email")
