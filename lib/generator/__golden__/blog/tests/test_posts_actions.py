"""Actions of Post: /posts."""

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select

from app.core.db import SessionLocal, utc_now
from app.models.post import Post
from tests.factories import create_post
from tests.utils import quote_path, run, sign_in


async def _stored_post(row_id: Any) -> Post:
    async with SessionLocal() as session:
        statement = select(Post).where(Post.id == row_id)
        return (await session.execute(statement)).scalar_one()


def test_publish_post_sets_the_fields(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_post, published=False, owned_by=user)
    started = utc_now()
    response = client.post(f"/posts/{quote_path(row.slug)}/publish", headers=headers)
    assert response.status_code == 200, response.text
    assert response.json()["id"] == row.id
    stored = run(client, _stored_post, row_id=row.id)
    assert stored.published is True
    assert stored.published_at is not None and stored.published_at >= started


def test_publish_post_needs_a_token(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_post, published=False, owned_by=user)
    assert (
        client.post(f"/posts/{quote_path(row.slug)}/publish", headers={}).status_code
        == 401
    )
    assert run(client, _stored_post, row_id=row.id).published is False


def test_publish_post_missing_row_is_404(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.post("/posts/no-such-value-zz/publish", headers=headers)
    assert response.status_code == 404


def test_publish_post_row_not_the_callers_is_404(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_post, published=False)
    response = client.post(f"/posts/{quote_path(row.slug)}/publish", headers=headers)
    assert response.status_code == 404
    assert run(client, _stored_post, row_id=row.id).published is False
