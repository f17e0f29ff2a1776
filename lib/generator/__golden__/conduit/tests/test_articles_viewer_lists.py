"""Viewer lists of Article: exactly the rows that reach the caller."""

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import event, select
from sqlalchemy.orm import selectinload

from app.core.db import SessionLocal, engine
from app.models.article import Article
from app.models.user import User
from tests.factories import create_article, create_user
from tests.utils import run, sign_in


async def _reach_list_articles_feed(chain: list[Any]) -> None:
    """Links each row of `chain` to the next along feed's path."""
    async with SessionLocal() as session:
        # Article.author
        source_0 = (
            await session.execute(select(Article).where(Article.id == chain[0].id))
        ).scalar_one()
        source_0.author_id = chain[1].id
        await session.flush()
        # User.followers
        source_1 = (
            await session.execute(
                select(User)
                .where(User.id == chain[1].id)
                .options(selectinload(User.followers))
            )
        ).scalar_one()
        target_1 = (
            await session.execute(select(User).where(User.id == chain[2].id))
        ).scalar_one()
        if target_1 not in source_1.followers:
            source_1.followers.append(target_1)
        await session.flush()
        await session.commit()


def test_list_articles_feed_holds_exactly_the_rows_reaching_the_caller(
    client: TestClient,
) -> None:
    viewer, headers = sign_in(client)
    other, other_headers = sign_in(client)
    mine_0 = run(client, create_user)
    theirs_0 = run(client, create_user)
    mine = [run(client, create_article) for _ in range(2)]
    theirs = run(client, create_article)
    for row in mine:
        run(client, _reach_list_articles_feed, chain=[row, mine_0, viewer])
    run(client, _reach_list_articles_feed, chain=[theirs, theirs_0, other])
    stray = run(client, create_article)
    response = client.get("/articles/feed", headers=headers)
    assert response.status_code == 200, response.text
    assert {item["id"] for item in response.json()["articles"]} == {
        row.id for row in mine
    }
    response = client.get("/articles/feed", headers=other_headers)
    assert response.status_code == 200, response.text
    assert {item["id"] for item in response.json()["articles"]} == {theirs.id}
    assert stray.id not in {item["id"] for item in response.json()["articles"]}


def test_list_articles_feed_pages(client: TestClient) -> None:
    viewer, headers = sign_in(client)
    other, other_headers = sign_in(client)
    mine_0 = run(client, create_user)
    theirs_0 = run(client, create_user)
    mine = [run(client, create_article) for _ in range(2)]
    theirs = run(client, create_article)
    for row in mine:
        run(client, _reach_list_articles_feed, chain=[row, mine_0, viewer])
    run(client, _reach_list_articles_feed, chain=[theirs, theirs_0, other])
    page = client.get(
        "/articles/feed", params={"limit": 1, "offset": 0}, headers=headers
    ).json()
    rest = client.get(
        "/articles/feed", params={"limit": 1, "offset": 1}, headers=headers
    ).json()
    assert len(page["articles"]) == 1
    assert len(rest["articles"]) == 1
    assert page["articlesCount"] == 2
    assert page["articles"][0]["id"] != rest["articles"][0]["id"]


def test_list_articles_feed_statements_do_not_grow_with_the_page(
    client: TestClient,
) -> None:
    viewer, headers = sign_in(client)
    other, other_headers = sign_in(client)
    mine_0 = run(client, create_user)
    theirs_0 = run(client, create_user)
    mine = [run(client, create_article) for _ in range(2)]
    theirs = run(client, create_article)
    for row in mine:
        run(client, _reach_list_articles_feed, chain=[row, mine_0, viewer])
    run(client, _reach_list_articles_feed, chain=[theirs, theirs_0, other])
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(str(args[2]))

    event.listen(engine.sync_engine, "before_cursor_execute", count)
    try:
        client.get("/articles/feed", params={"limit": 1, "offset": 0}, headers=headers)
        one = len(statements)
        statements.clear()
        client.get("/articles/feed", params={"limit": 2, "offset": 0}, headers=headers)
        two = len(statements)
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", count)
    assert one == two, statements


def test_list_articles_feed_needs_sign_in(client: TestClient) -> None:
    response = client.get("/articles/feed")
    assert response.status_code == 401, response.text
