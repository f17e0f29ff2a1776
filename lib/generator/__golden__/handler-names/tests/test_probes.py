"""Tests of /probes."""

import datetime as dt

from fastapi.testclient import TestClient

from tests.factories import create_probe, create_tally, probe_payload
from tests.utils import quote_path, run


def test_list_probes(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_probe)
    response = client.get("/probes", params={"limit": 2}, headers=headers)
    assert response.status_code == 200
    page = response.json()
    assert len(page["items"]) == 2
    assert page["total"] >= 3
    assert page["limit"] == 2


def test_list_probes_offset(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_probe)
    first = client.get(
        "/probes", params={"limit": 1, "offset": 0}, headers=headers
    ).json()
    second = client.get(
        "/probes", params={"limit": 1, "offset": 1}, headers=headers
    ).json()
    assert second["offset"] == 1
    assert first["items"][0]["id"] != second["items"][0]["id"]


def test_list_probes_limit_too_large(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/probes", params={"limit": 101}, headers=headers)
    assert response.status_code == 422


def test_list_probes_filter_statement(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_probe)
    response = client.get(
        "/probes",
        params={"statement": str(row.statement), "limit": 100},
        headers=headers,
    )
    assert response.status_code == 200
    assert response.json()["total"] >= 1


def test_list_probes_filter_count_statement(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_probe)
    response = client.get(
        "/probes",
        params={"count_statement": str(row.count_statement), "limit": 100},
        headers=headers,
    )
    assert response.status_code == 200
    assert response.json()["total"] >= 1


def test_list_probes_filter_total(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_probe, total=True)
    assert row.total is not None
    response = client.get(
        "/probes",
        params={"total": str(row.total).lower(), "limit": 100},
        headers=headers,
    )
    assert response.status_code == 200
    assert response.json()["total"] >= 1


def test_list_probes_filter_key(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_probe)
    response = client.get(
        "/probes", params={"key": row.key.isoformat(), "limit": 100}, headers=headers
    )
    assert response.status_code == 200
    assert response.json()["total"] >= 1


def test_list_probes_filter_related(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_probe)
    response = client.get(
        "/probes", params={"related": str(row.related), "limit": 100}, headers=headers
    )
    assert response.status_code == 200
    assert response.json()["total"] >= 1


def test_list_probes_filter_direction(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_probe, direction=1)
    assert row.direction is not None
    response = client.get(
        "/probes",
        params={"direction": str(row.direction), "limit": 100},
        headers=headers,
    )
    assert response.status_code == 200
    assert response.json()["total"] >= 1


def test_list_probes_filter_rows(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_probe)
    response = client.get(
        "/probes", params={"rows": str(row.rows).lower(), "limit": 100}, headers=headers
    )
    assert response.status_code == 200
    assert response.json()["total"] >= 1


def test_list_probes_filter_row(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_probe)
    response = client.get(
        "/probes", params={"row": str(row.row), "limit": 100}, headers=headers
    )
    assert response.status_code == 200
    assert response.json()["total"] >= 1


def test_list_probes_filter_items(client: TestClient) -> None:
    headers: dict[str, str] = {}
    n = 7
    row = run(client, create_probe, items=f"items-{n}")
    assert row.items is not None
    response = client.get(
        "/probes", params={"items": str(row.items), "limit": 100}, headers=headers
    )
    assert response.status_code == 200
    assert response.json()["total"] >= 1


def test_list_probes_filter_visible(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_probe)
    response = client.get(
        "/probes", params={"visible": str(row.visible), "limit": 100}, headers=headers
    )
    assert response.status_code == 200
    assert response.json()["total"] >= 1


def test_list_probes_filter_data(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_probe)
    response = client.get(
        "/probes", params={"data": str(row.data).lower(), "limit": 100}, headers=headers
    )
    assert response.status_code == 200
    assert response.json()["total"] >= 1


def test_list_probes_filter_value(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_probe, value=dt.date(2024, 1, 15))
    assert row.value is not None
    response = client.get(
        "/probes",
        params={"value": row.value.isoformat(), "limit": 100},
        headers=headers,
    )
    assert response.status_code == 200
    assert response.json()["total"] >= 1


def test_list_probes_filter_setattr(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_probe)
    response = client.get(
        "/probes", params={"setattr": str(row.setattr), "limit": 100}, headers=headers
    )
    assert response.status_code == 200
    assert response.json()["total"] >= 1


def test_list_probes_filter_session(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_probe)
    response = client.get(
        "/probes", params={"session": str(row.session), "limit": 100}, headers=headers
    )
    assert response.status_code == 200
    assert response.json()["total"] >= 1


def test_list_probes_filter_body(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_probe, body=True)
    assert row.body is not None
    response = client.get(
        "/probes", params={"body": str(row.body).lower(), "limit": 100}, headers=headers
    )
    assert response.status_code == 200
    assert response.json()["total"] >= 1


def test_list_probes_filter_sort_2(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_probe)
    response = client.get(
        "/probes",
        params={"sort_2": row.sort.isoformat(), "limit": 100},
        headers=headers,
    )
    assert response.status_code == 200
    assert response.json()["total"] >= 1


def test_list_probes_filter_request(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_probe)
    response = client.get(
        "/probes", params={"request": str(row.request), "limit": 100}, headers=headers
    )
    assert response.status_code == 200
    assert response.json()["total"] >= 1


def test_list_probes_filter_response(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_probe, response=1)
    assert row.response is not None
    response = client.get(
        "/probes", params={"response": str(row.response), "limit": 100}, headers=headers
    )
    assert response.status_code == 200
    assert response.json()["total"] >= 1


def test_list_probes_filter_status(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_probe)
    response = client.get(
        "/probes",
        params={"status": str(row.status).lower(), "limit": 100},
        headers=headers,
    )
    assert response.status_code == 200
    assert response.json()["total"] >= 1


def test_list_probes_filter_func(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_probe)
    response = client.get(
        "/probes", params={"func": row.func.isoformat(), "limit": 100}, headers=headers
    )
    assert response.status_code == 200
    assert response.json()["total"] >= 1


def test_list_probes_filter_selectinload(client: TestClient) -> None:
    headers: dict[str, str] = {}
    n = 7
    row = run(client, create_probe, selectinload=f"selectinload-{n}")
    assert row.selectinload is not None
    response = client.get(
        "/probes",
        params={"selectinload": str(row.selectinload), "limit": 100},
        headers=headers,
    )
    assert response.status_code == 200
    assert response.json()["total"] >= 1


def test_list_probes_filter_aliased(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_probe)
    response = client.get(
        "/probes", params={"aliased": str(row.aliased), "limit": 100}, headers=headers
    )
    assert response.status_code == 200
    assert response.json()["total"] >= 1


def test_list_probes_filter_hash_password(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_probe)
    response = client.get(
        "/probes",
        params={"hash_password": str(row.hash_password).lower(), "limit": 100},
        headers=headers,
    )
    assert response.status_code == 200
    assert response.json()["total"] >= 1


def test_list_probes_filter_commit_or_409(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_probe, commit_or_409=dt.date(2024, 1, 15))
    assert row.commit_or_409 is not None
    response = client.get(
        "/probes",
        params={"commit_or_409": row.commit_or_409.isoformat(), "limit": 100},
        headers=headers,
    )
    assert response.status_code == 200
    assert response.json()["total"] >= 1


def test_list_probes_filter_require_roles(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_probe)
    response = client.get(
        "/probes",
        params={"require_roles": str(row.require_roles), "limit": 100},
        headers=headers,
    )
    assert response.status_code == 200
    assert response.json()["total"] >= 1


def test_list_probes_filter_count_statement_2(client: TestClient) -> None:
    headers: dict[str, str] = {}
    parent = run(client, create_tally)
    run(client, create_probe, count_id=parent.id)
    response = client.get(
        "/probes",
        params={"count_statement_2": str(parent.statement), "limit": 100},
        headers=headers,
    )
    assert response.status_code == 200
    assert response.json()["total"] >= 1


def test_list_probes_sort_statement(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_probe)
    for order in ("statement", "-statement"):
        response = client.get("/probes", params={"sort": order}, headers=headers)
        assert response.status_code == 200
        assert response.json()["total"] >= 3


def test_list_probes_sort_count_statement(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_probe)
    for order in ("count_statement", "-count_statement"):
        response = client.get("/probes", params={"sort": order}, headers=headers)
        assert response.status_code == 200
        assert response.json()["total"] >= 3


def test_list_probes_sort_total(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_probe)
    for order in ("total", "-total"):
        response = client.get("/probes", params={"sort": order}, headers=headers)
        assert response.status_code == 200
        assert response.json()["total"] >= 3


def test_list_probes_sort_key(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_probe)
    for order in ("key", "-key"):
        response = client.get("/probes", params={"sort": order}, headers=headers)
        assert response.status_code == 200
        assert response.json()["total"] >= 3


def test_list_probes_sort_related(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_probe)
    for order in ("related", "-related"):
        response = client.get("/probes", params={"sort": order}, headers=headers)
        assert response.status_code == 200
        assert response.json()["total"] >= 3


def test_list_probes_sort_direction(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_probe)
    for order in ("direction", "-direction"):
        response = client.get("/probes", params={"sort": order}, headers=headers)
        assert response.status_code == 200
        assert response.json()["total"] >= 3


def test_list_probes_sort_rows(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_probe)
    for order in ("rows", "-rows"):
        response = client.get("/probes", params={"sort": order}, headers=headers)
        assert response.status_code == 200
        assert response.json()["total"] >= 3


def test_list_probes_sort_row(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_probe)
    for order in ("row", "-row"):
        response = client.get("/probes", params={"sort": order}, headers=headers)
        assert response.status_code == 200
        assert response.json()["total"] >= 3


def test_list_probes_sort_items(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_probe)
    for order in ("items", "-items"):
        response = client.get("/probes", params={"sort": order}, headers=headers)
        assert response.status_code == 200
        assert response.json()["total"] >= 3


def test_list_probes_sort_visible(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_probe)
    for order in ("visible", "-visible"):
        response = client.get("/probes", params={"sort": order}, headers=headers)
        assert response.status_code == 200
        assert response.json()["total"] >= 3


def test_list_probes_sort_data(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_probe)
    for order in ("data", "-data"):
        response = client.get("/probes", params={"sort": order}, headers=headers)
        assert response.status_code == 200
        assert response.json()["total"] >= 3


def test_list_probes_sort_value(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_probe)
    for order in ("value", "-value"):
        response = client.get("/probes", params={"sort": order}, headers=headers)
        assert response.status_code == 200
        assert response.json()["total"] >= 3


def test_list_probes_sort_setattr(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_probe)
    for order in ("setattr", "-setattr"):
        response = client.get("/probes", params={"sort": order}, headers=headers)
        assert response.status_code == 200
        assert response.json()["total"] >= 3


def test_list_probes_sort_session(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_probe)
    for order in ("session", "-session"):
        response = client.get("/probes", params={"sort": order}, headers=headers)
        assert response.status_code == 200
        assert response.json()["total"] >= 3


def test_list_probes_sort_body(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_probe)
    for order in ("body", "-body"):
        response = client.get("/probes", params={"sort": order}, headers=headers)
        assert response.status_code == 200
        assert response.json()["total"] >= 3


def test_list_probes_sort_sort(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_probe)
    for order in ("sort", "-sort"):
        response = client.get("/probes", params={"sort": order}, headers=headers)
        assert response.status_code == 200
        assert response.json()["total"] >= 3


def test_list_probes_sort_request(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_probe)
    for order in ("request", "-request"):
        response = client.get("/probes", params={"sort": order}, headers=headers)
        assert response.status_code == 200
        assert response.json()["total"] >= 3


def test_list_probes_sort_response(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_probe)
    for order in ("response", "-response"):
        response = client.get("/probes", params={"sort": order}, headers=headers)
        assert response.status_code == 200
        assert response.json()["total"] >= 3


def test_list_probes_sort_status(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_probe)
    for order in ("status", "-status"):
        response = client.get("/probes", params={"sort": order}, headers=headers)
        assert response.status_code == 200
        assert response.json()["total"] >= 3


def test_list_probes_sort_func(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_probe)
    for order in ("func", "-func"):
        response = client.get("/probes", params={"sort": order}, headers=headers)
        assert response.status_code == 200
        assert response.json()["total"] >= 3


def test_list_probes_sort_selectinload(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_probe)
    for order in ("selectinload", "-selectinload"):
        response = client.get("/probes", params={"sort": order}, headers=headers)
        assert response.status_code == 200
        assert response.json()["total"] >= 3


def test_list_probes_sort_aliased(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_probe)
    for order in ("aliased", "-aliased"):
        response = client.get("/probes", params={"sort": order}, headers=headers)
        assert response.status_code == 200
        assert response.json()["total"] >= 3


def test_list_probes_sort_hash_password(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_probe)
    for order in ("hash_password", "-hash_password"):
        response = client.get("/probes", params={"sort": order}, headers=headers)
        assert response.status_code == 200
        assert response.json()["total"] >= 3


def test_list_probes_sort_commit_or_409(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_probe)
    for order in ("commit_or_409", "-commit_or_409"):
        response = client.get("/probes", params={"sort": order}, headers=headers)
        assert response.status_code == 200
        assert response.json()["total"] >= 3


def test_list_probes_sort_require_roles(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_probe)
    for order in ("require_roles", "-require_roles"):
        response = client.get("/probes", params={"sort": order}, headers=headers)
        assert response.status_code == 200
        assert response.json()["total"] >= 3


def test_list_probes_unknown_sort(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/probes", params={"sort": "no_such_field"}, headers=headers)
    assert response.status_code == 422


def test_get_probe(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_probe)
    response = client.get(f"/probes/{quote_path(row.row)}", headers=headers)
    assert response.status_code == 200
    assert response.json()["id"] == row.id


def test_get_probe_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/probes/no-such-value-zz", headers=headers)
    assert response.status_code == 404


def test_create_probe(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, probe_payload)
    response = client.post("/probes", json=body, headers=headers)
    assert response.status_code == 201, response.text
    created = response.json()
    assert "id" in created


def test_create_probe_invalid(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.post("/probes", json={}, headers=headers)
    assert response.status_code == 422


def test_create_probe_conflict(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, probe_payload)
    assert client.post("/probes", json=body, headers=headers).status_code == 201
    response = client.post("/probes", json=body, headers=headers)
    assert response.status_code == 409


def test_update_probe(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_probe)
    n = 2
    response = client.patch(
        f"/probes/{quote_path(row.row)}",
        json={"statement": f"statement-{n}"},
        headers=headers,
    )
    assert response.status_code == 200, response.text
    assert response.json()["id"] == row.id


def test_update_probe_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.patch("/probes/no-such-value-zz", json={}, headers=headers)
    assert response.status_code == 404


def test_update_probe_invalid(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_probe)
    response = client.patch(
        f"/probes/{quote_path(row.row)}", json={"statement": None}, headers=headers
    )
    assert response.status_code == 422


def test_delete_probe(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_probe)
    response = client.delete(f"/probes/{quote_path(row.row)}", headers=headers)
    assert response.status_code == 204
    assert client.get(f"/probes/{quote_path(row.row)}").status_code == 404


def test_delete_probe_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.delete("/probes/no-such-value-zz", headers=headers)
    assert response.status_code == 404
