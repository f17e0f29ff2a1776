"""Viewer lists of Post: exactly the rows that reach the caller."""

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import event, select
from sqlalchemy.orm import selectinload

from app.core.db import SessionLocal, engine
from app.models.post import Post
from app.models.user import User
from tests.factories import create_post, create_user
from tests.utils import run, sign_in


async def _reach_list_posts_feed(chain: list[Any]) -> None:
    """Links each row of `chain` to the next along feed's path."""
    async with SessionLocal() as session:
        # Post.author
        source_0 = (
            await session.execute(select(Post).where(Post.id == chain[0].id))
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


async def _reach_list_posts_liked(chain: list[Any]) -> None:
    """Links each row of `chain` to the next along liked's path."""
    async with SessionLocal() as session:
        # Post.liked_by
        source_0 = (
            await session.execute(
                select(Post)
                .where(Post.id == chain[0].id)
                .options(selectinload(Post.liked_by))
            )
        ).scalar_one()
        target_0 = (
            await session.execute(select(User).where(User.id == chain[1].id))
        ).scalar_one()
        if target_0 not in source_0.liked_by:
            source_0.liked_by.append(target_0)
        await session.flush()
        await session.commit()


def test_list_posts_feed_holds_exactly_the_rows_reaching_the_caller(
    client: TestClient,
) -> None:
    viewer, headers = sign_in(client)
    other, other_headers = sign_in(client)
    mine_0 = run(client, create_user)
    theirs_0 = run(client, create_user)
    mine = [run(client, create_post) for _ in range(2)]
    theirs = run(client, create_post)
    for row in mine:
        run(client, _reach_list_posts_feed, chain=[row, mine_0, viewer])
    run(client, _reach_list_posts_feed, chain=[theirs, theirs_0, other])
    stray = run(client, create_post)
    response = client.get("/posts/feed", headers=headers)
    assert response.status_code == 200, response.text
    assert {item["id"] for item in response.json()["items"]} == {row.id for row in mine}
    response = client.get("/posts/feed", headers=other_headers)
    assert response.status_code == 200, response.text
    assert {item["id"] for item in response.json()["items"]} == {theirs.id}
    assert stray.id not in {item["id"] for item in response.json()["items"]}


def test_list_posts_feed_pages(client: TestClient) -> None:
    viewer, headers = sign_in(client)
    other, other_headers = sign_in(client)
    mine_0 = run(client, create_user)
    theirs_0 = run(client, create_user)
    mine = [run(client, create_post) for _ in range(2)]
    theirs = run(client, create_post)
    for row in mine:
        run(client, _reach_list_posts_feed, chain=[row, mine_0, viewer])
    run(client, _reach_list_posts_feed, chain=[theirs, theirs_0, other])
    page = client.get(
        "/posts/feed", params={"limit": 1, "offset": 0}, headers=headers
    ).json()
    rest = client.get(
        "/posts/feed", params={"limit": 1, "offset": 1}, headers=headers
    ).json()
    assert len(page["items"]) == 1
    assert len(rest["items"]) == 1
    assert page["total"] == 2
    assert page["items"][0]["id"] != rest["items"][0]["id"]


def test_list_posts_feed_statements_do_not_grow_with_the_page(
    client: TestClient,
) -> None:
    viewer, headers = sign_in(client)
    other, other_headers = sign_in(client)
    mine_0 = run(client, create_user)
    theirs_0 = run(client, create_user)
    mine = [run(client, create_post) for _ in range(2)]
    theirs = run(client, create_post)
    for row in mine:
        run(client, _reach_list_posts_feed, chain=[row, mine_0, viewer])
    run(client, _reach_list_posts_feed, chain=[theirs, theirs_0, other])
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(str(args[2]))

    event.listen(engine.sync_engine, "before_cursor_execute", count)
    try:
        client.get("/posts/feed", params={"limit": 1, "offset": 0}, headers=headers)
        one = len(statements)
        statements.clear()
        client.get("/posts/feed", params={"limit": 2, "offset": 0}, headers=headers)
        two = len(statements)
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", count)
    assert one == two, statements


def test_list_posts_feed_needs_sign_in(client: TestClient) -> None:
    response = client.get("/posts/feed")
    assert response.status_code == 401, response.text


def test_list_posts_liked_holds_exactly_the_rows_reaching_the_caller(
    client: TestClient,
) -> None:
    viewer, headers = sign_in(client)
    other, other_headers = sign_in(client)
    mine = [run(client, create_post) for _ in range(2)]
    theirs = run(client, create_post)
    for row in mine:
        run(client, _reach_list_posts_liked, chain=[row, viewer])
    run(client, _reach_list_posts_liked, chain=[theirs, other])
    stray = run(client, create_post)
    response = client.get("/auth/me/liked", headers=headers)
    assert response.status_code == 200, response.text
    assert {item["id"] for item in response.json()["items"]} == {row.id for row in mine}
    response = client.get("/auth/me/liked", headers=other_headers)
    assert response.status_code == 200, response.text
    assert {item["id"] for item in response.json()["items"]} == {theirs.id}
    assert stray.id not in {item["id"] for item in response.json()["items"]}


def test_list_posts_liked_pages(client: TestClient) -> None:
    viewer, headers = sign_in(client)
    other, other_headers = sign_in(client)
    mine = [run(client, create_post) for _ in range(2)]
    theirs = run(client, create_post)
    for row in mine:
        run(client, _reach_list_posts_liked, chain=[row, viewer])
    run(client, _reach_list_posts_liked, chain=[theirs, other])
    page = client.get(
        "/auth/me/liked", params={"limit": 1, "offset": 0}, headers=headers
    ).json()
    rest = client.get(
        "/auth/me/liked", params={"limit": 1, "offset": 1}, headers=headers
    ).json()
    assert len(page["items"]) == 1
    assert len(rest["items"]) == 1
    assert page["total"] == 2
    assert page["items"][0]["id"] != rest["items"][0]["id"]


def test_list_posts_liked_statements_do_not_grow_with_the_page(
    client: TestClient,
) -> None:
    viewer, headers = sign_in(client)
    other, other_headers = sign_in(client)
    mine = [run(client, create_post) for _ in range(2)]
    theirs = run(client, create_post)
    for row in mine:
        run(client, _reach_list_posts_liked, chain=[row, viewer])
    run(client, _reach_list_posts_liked, chain=[theirs, other])
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(str(args[2]))

    event.listen(engine.sync_engine, "before_cursor_execute", count)
    try:
        client.get("/auth/me/liked", params={"limit": 1, "offset": 0}, headers=headers)
        one = len(statements)
        statements.clear()
        client.get("/auth/me/liked", params={"limit": 2, "offset": 0}, headers=headers)
        two = len(statements)
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", count)
    assert one == two, statements


def test_list_posts_liked_needs_sign_in(client: TestClient) -> None:
    response = client.get("/auth/me/liked")
    assert response.status_code == 401, response.text
