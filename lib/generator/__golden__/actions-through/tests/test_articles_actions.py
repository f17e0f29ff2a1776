"""Actions of Article: /articles."""

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from app.core.db import SessionLocal
from app.enums import ArticleStatus
from app.models.article import Article
from app.models.bookmark import Bookmark
from tests.factories import create_article
from tests.utils import quote_path, run, sign_in


async def _bookmark_article_links(row_id: Any, other_id: Any) -> int:
    async with SessionLocal() as session:
        statement = (
            select(func.count())
            .select_from(Bookmark)
            .where(Bookmark.article_id == row_id, Bookmark.user_id == other_id)
        )
        return int((await session.execute(statement)).scalar_one())


async def _stored_article(row_id: Any) -> Article:
    async with SessionLocal() as session:
        statement = select(Article).where(Article.id == row_id)
        return (await session.execute(statement)).scalar_one()


def test_bookmark_article_twice_keeps_one_link(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_article)
    response = client.post(
        f"/articles/{quote_path(row.slug)}/bookmark", headers=headers
    )
    assert response.status_code == 200, response.text
    assert response.json()["article"]["id"] == str(row.id)
    response = client.post(
        f"/articles/{quote_path(row.slug)}/bookmark", headers=headers
    )
    assert response.status_code == 200, response.text
    assert run(client, _bookmark_article_links, row_id=row.id, other_id=user.id) == 1


def test_unbookmark_article_twice_is_fine(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_article)
    assert (
        client.post(
            f"/articles/{quote_path(row.slug)}/bookmark", headers=headers
        ).status_code
        == 200
    )
    assert run(client, _bookmark_article_links, row_id=row.id, other_id=user.id) == 1
    response = client.delete(
        f"/articles/{quote_path(row.slug)}/bookmark", headers=headers
    )
    assert response.status_code == 200, response.text
    assert response.json()["article"]["id"] == str(row.id)
    assert run(client, _bookmark_article_links, row_id=row.id, other_id=user.id) == 0
    response = client.delete(
        f"/articles/{quote_path(row.slug)}/bookmark", headers=headers
    )
    assert response.status_code == 200, response.text
    assert run(client, _bookmark_article_links, row_id=row.id, other_id=user.id) == 0


def test_bookmark_article_links_each_caller_alone(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_article)
    second, second_headers = sign_in(client)
    assert (
        client.post(
            f"/articles/{quote_path(row.slug)}/bookmark", headers=headers
        ).status_code
        == 200
    )
    assert run(client, _bookmark_article_links, row_id=row.id, other_id=user.id) == 1
    assert run(client, _bookmark_article_links, row_id=row.id, other_id=second.id) == 0
    assert (
        client.delete(
            f"/articles/{quote_path(row.slug)}/bookmark", headers=second_headers
        ).status_code
        == 200
    )
    assert run(client, _bookmark_article_links, row_id=row.id, other_id=user.id) == 1
    assert (
        client.post(
            f"/articles/{quote_path(row.slug)}/bookmark", headers=second_headers
        ).status_code
        == 200
    )
    assert run(client, _bookmark_article_links, row_id=row.id, other_id=second.id) == 1


def test_bookmark_article_needs_a_token(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_article)
    assert (
        client.post(
            f"/articles/{quote_path(row.slug)}/bookmark", headers={}
        ).status_code
        == 401
    )
    assert run(client, _bookmark_article_links, row_id=row.id, other_id=user.id) == 0


def test_bookmark_article_missing_row_is_404(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.post("/articles/no-such-value-zz/bookmark", headers=headers)
    assert response.status_code == 404


def test_archive_article_sets_the_fields(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_article, status=ArticleStatus.DRAFT, owned_by=user)
    response = client.patch(
        f"/articles/{quote_path(row.slug)}/archive", headers=headers
    )
    assert response.status_code == 200, response.text
    assert response.json()["article"]["id"] == str(row.id)
    stored = run(client, _stored_article, row_id=row.id)
    assert stored.status == ArticleStatus.ARCHIVED


def test_archive_article_needs_a_token(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_article, status=ArticleStatus.DRAFT, owned_by=user)
    assert (
        client.patch(
            f"/articles/{quote_path(row.slug)}/archive", headers={}
        ).status_code
        == 401
    )
    assert run(client, _stored_article, row_id=row.id).status == ArticleStatus.DRAFT


def test_archive_article_missing_row_is_404(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.patch("/articles/no-such-value-zz/archive", headers=headers)
    assert response.status_code == 404


def test_archive_article_row_not_the_callers_is_404(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_article, status=ArticleStatus.DRAFT)
    response = client.patch(
        f"/articles/{quote_path(row.slug)}/archive", headers=headers
    )
    assert response.status_code == 404
    assert run(client, _stored_article, row_id=row.id).status == ArticleStatus.DRAFT
