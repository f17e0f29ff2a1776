"""Viewer lists of Order: exactly the rows that reach the caller."""

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import event, select

from app.core.db import SessionLocal, engine
from app.models.order import Order
from tests.factories import create_order
from tests.utils import run, sign_in


async def _reach_list_orders_deliveries(chain: list[Any]) -> None:
    """Links each row of `chain` to the next along deliveries's path."""
    async with SessionLocal() as session:
        # Order.courier
        source_0 = (
            await session.execute(select(Order).where(Order.id == chain[0].id))
        ).scalar_one()
        source_0.courier_id = chain[1].id
        await session.flush()
        await session.commit()


async def _reach_list_my_orders(chain: list[Any]) -> None:
    """Links each row of `chain` to the next along orders's path."""
    async with SessionLocal() as session:
        # Order.owner
        source_0 = (
            await session.execute(select(Order).where(Order.id == chain[0].id))
        ).scalar_one()
        source_0.owner_id = chain[1].id
        await session.flush()
        await session.commit()


def test_list_orders_deliveries_holds_exactly_the_rows_reaching_the_caller(
    client: TestClient,
) -> None:
    viewer, headers = sign_in(client)
    other, other_headers = sign_in(client)
    mine = [run(client, create_order, owned_by=viewer) for _ in range(2)]
    theirs = run(client, create_order, owned_by=other)
    for row in mine:
        run(client, _reach_list_orders_deliveries, chain=[row, viewer])
    run(client, _reach_list_orders_deliveries, chain=[theirs, other])
    stray = run(client, create_order, owned_by=viewer)
    response = client.get("/orders/deliveries", headers=headers)
    assert response.status_code == 200, response.text
    assert {item["id"] for item in response.json()["items"]} == {row.id for row in mine}
    response = client.get("/orders/deliveries", headers=other_headers)
    assert response.status_code == 200, response.text
    assert {item["id"] for item in response.json()["items"]} == {theirs.id}
    assert stray.id not in {item["id"] for item in response.json()["items"]}


def test_list_orders_deliveries_pages(client: TestClient) -> None:
    viewer, headers = sign_in(client)
    other, other_headers = sign_in(client)
    mine = [run(client, create_order, owned_by=viewer) for _ in range(2)]
    theirs = run(client, create_order, owned_by=other)
    for row in mine:
        run(client, _reach_list_orders_deliveries, chain=[row, viewer])
    run(client, _reach_list_orders_deliveries, chain=[theirs, other])
    page = client.get(
        "/orders/deliveries", params={"limit": 1, "offset": 0}, headers=headers
    ).json()
    rest = client.get(
        "/orders/deliveries", params={"limit": 1, "offset": 1}, headers=headers
    ).json()
    assert len(page["items"]) == 1
    assert len(rest["items"]) == 1
    assert page["total"] == 2
    assert page["items"][0]["id"] != rest["items"][0]["id"]


def test_list_orders_deliveries_statements_do_not_grow_with_the_page(
    client: TestClient,
) -> None:
    viewer, headers = sign_in(client)
    other, other_headers = sign_in(client)
    mine = [run(client, create_order, owned_by=viewer) for _ in range(2)]
    theirs = run(client, create_order, owned_by=other)
    for row in mine:
        run(client, _reach_list_orders_deliveries, chain=[row, viewer])
    run(client, _reach_list_orders_deliveries, chain=[theirs, other])
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(str(args[2]))

    event.listen(engine.sync_engine, "before_cursor_execute", count)
    try:
        client.get(
            "/orders/deliveries", params={"limit": 1, "offset": 0}, headers=headers
        )
        one = len(statements)
        statements.clear()
        client.get(
            "/orders/deliveries", params={"limit": 2, "offset": 0}, headers=headers
        )
        two = len(statements)
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", count)
    assert one == two, statements


def test_list_orders_deliveries_leaves_out_rows_of_other_owners(
    client: TestClient,
) -> None:
    viewer, headers = sign_in(client)
    other, _ = sign_in(client)
    foreign = run(client, create_order, owned_by=other)
    run(client, _reach_list_orders_deliveries, chain=[foreign, viewer])
    response = client.get("/orders/deliveries", headers=headers)
    assert response.status_code == 200, response.text
    assert {item["id"] for item in response.json()["items"]} == set()


def test_list_orders_deliveries_needs_sign_in(client: TestClient) -> None:
    response = client.get("/orders/deliveries")
    assert response.status_code == 401, response.text


def test_list_my_orders_holds_exactly_the_rows_reaching_the_caller(
    client: TestClient,
) -> None:
    viewer, headers = sign_in(client)
    other, other_headers = sign_in(client)
    mine = [run(client, create_order, owned_by=viewer) for _ in range(2)]
    theirs = run(client, create_order, owned_by=other)
    for row in mine:
        run(client, _reach_list_my_orders, chain=[row, viewer])
    run(client, _reach_list_my_orders, chain=[theirs, other])
    stray = run(client, create_order)
    response = client.get("/auth/me/orders", headers=headers)
    assert response.status_code == 200, response.text
    assert {item["id"] for item in response.json()["items"]} == {row.id for row in mine}
    response = client.get("/auth/me/orders", headers=other_headers)
    assert response.status_code == 200, response.text
    assert {item["id"] for item in response.json()["items"]} == {theirs.id}
    assert stray.id not in {item["id"] for item in response.json()["items"]}


def test_list_my_orders_pages(client: TestClient) -> None:
    viewer, headers = sign_in(client)
    other, other_headers = sign_in(client)
    mine = [run(client, create_order, owned_by=viewer) for _ in range(2)]
    theirs = run(client, create_order, owned_by=other)
    for row in mine:
        run(client, _reach_list_my_orders, chain=[row, viewer])
    run(client, _reach_list_my_orders, chain=[theirs, other])
    page = client.get(
        "/auth/me/orders", params={"limit": 1, "offset": 0}, headers=headers
    ).json()
    rest = client.get(
        "/auth/me/orders", params={"limit": 1, "offset": 1}, headers=headers
    ).json()
    assert len(page["items"]) == 1
    assert len(rest["items"]) == 1
    assert page["total"] == 2
    assert page["items"][0]["id"] != rest["items"][0]["id"]


def test_list_my_orders_statements_do_not_grow_with_the_page(
    client: TestClient,
) -> None:
    viewer, headers = sign_in(client)
    other, other_headers = sign_in(client)
    mine = [run(client, create_order, owned_by=viewer) for _ in range(2)]
    theirs = run(client, create_order, owned_by=other)
    for row in mine:
        run(client, _reach_list_my_orders, chain=[row, viewer])
    run(client, _reach_list_my_orders, chain=[theirs, other])
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(str(args[2]))

    event.listen(engine.sync_engine, "before_cursor_execute", count)
    try:
        client.get("/auth/me/orders", params={"limit": 1, "offset": 0}, headers=headers)
        one = len(statements)
        statements.clear()
        client.get("/auth/me/orders", params={"limit": 2, "offset": 0}, headers=headers)
        two = len(statements)
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", count)
    assert one == two, statements


def test_list_my_orders_needs_sign_in(client: TestClient) -> None:
    response = client.get("/auth/me/orders")
    assert response.status_code == 401, response.text
