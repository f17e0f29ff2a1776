"""Tests of /probes."""

import datetime as dt
from typing import Any

from fastapi.testclient import TestClient

from tests.factories import create_probe, create_tally, probe_payload
from tests.utils import quote_path, run


def _listed_ids(
    client: TestClient, params: dict[str, Any], headers: dict[str, str]
) -> list[Any]:
    """Every id the list answers for `params`, page after page, in order."""
    ids: list[Any] = []
    while True:
        query = {**params, "limit": 100, "offset": len(ids)}
        response = client.get("/probes", params=query, headers=headers)
        assert response.status_code == 200, response.text
        page = response.json()
        ids += [item["id"] for item in page["items"]]
        if not page["items"] or len(ids) >= page["total"]:
            return ids


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


def test_list_probes_offset_out_of_range(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/probes", params={"offset": 2**63}, headers=headers)
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"] == ["query", "offset"]
    response = client.get("/probes", params={"offset": 2**63 - 1}, headers=headers)
    assert response.status_code == 200, response.text


def test_list_probes_filter_statement(client: TestClient) -> None:
    headers: dict[str, str] = {}
    n = 637062
    row = run(client, create_probe, statement=f"statement-{n}")
    n = 637063
    other = run(client, create_probe, statement=f"statement-{n}")
    ids = _listed_ids(client, {"statement": str(row.statement)}, headers)
    assert row.id in ids
    assert other.id not in ids


def test_list_probes_filter_count_statement(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_probe, count_statement=1)
    other = run(client, create_probe, count_statement=2)
    ids = _listed_ids(client, {"count_statement": str(row.count_statement)}, headers)
    assert row.id in ids
    assert other.id not in ids


def test_list_probes_filter_total(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_probe, total=False)
    other = run(client, create_probe, total=True)
    assert row.total is not None
    ids = _listed_ids(client, {"total": str(row.total).lower()}, headers)
    assert row.id in ids
    assert other.id not in ids


def test_list_probes_filter_key(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_probe, key=dt.date(2024, 1, 15))
    other = run(client, create_probe, key=dt.date(2024, 1, 16))
    ids = _listed_ids(client, {"key": row.key.isoformat()}, headers)
    assert row.id in ids
    assert other.id not in ids


def test_list_probes_filter_related(client: TestClient) -> None:
    headers: dict[str, str] = {}
    n = 810684
    row = run(client, create_probe, related=f"related-{n}")
    n = 810685
    other = run(client, create_probe, related=f"related-{n}")
    ids = _listed_ids(client, {"related": str(row.related)}, headers)
    assert row.id in ids
    assert other.id not in ids


def test_list_probes_filter_direction(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_probe, direction=1)
    other = run(client, create_probe, direction=2)
    assert row.direction is not None
    ids = _listed_ids(client, {"direction": str(row.direction)}, headers)
    assert row.id in ids
    assert other.id not in ids


def test_list_probes_filter_rows(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_probe, rows=False)
    other = run(client, create_probe, rows=True)
    ids = _listed_ids(client, {"rows": str(row.rows).lower()}, headers)
    assert row.id in ids
    assert other.id not in ids


def test_list_probes_filter_row(client: TestClient) -> None:
    headers: dict[str, str] = {}
    n = 311477
    row = run(client, create_probe, row=f"row-{n}")
    n = 311478
    other = run(client, create_probe, row=f"row-{n}")
    ids = _listed_ids(client, {"row": str(row.row)}, headers)
    assert row.id in ids
    assert other.id not in ids


def test_list_probes_filter_items(client: TestClient) -> None:
    headers: dict[str, str] = {}
    n = 260279
    row = run(client, create_probe, items=f"items-{n}")
    n = 260280
    other = run(client, create_probe, items=f"items-{n}")
    assert row.items is not None
    ids = _listed_ids(client, {"items": str(row.items)}, headers)
    assert row.id in ids
    assert other.id not in ids


def test_list_probes_filter_visible(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_probe, visible=1)
    other = run(client, create_probe, visible=2)
    ids = _listed_ids(client, {"visible": str(row.visible)}, headers)
    assert row.id in ids
    assert other.id not in ids


def test_list_probes_filter_data(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_probe, data=False)
    other = run(client, create_probe, data=True)
    ids = _listed_ids(client, {"data": str(row.data).lower()}, headers)
    assert row.id in ids
    assert other.id not in ids


def test_list_probes_filter_value(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_probe, value=dt.date(2024, 1, 15))
    other = run(client, create_probe, value=dt.date(2024, 1, 16))
    assert row.value is not None
    ids = _listed_ids(client, {"value": row.value.isoformat()}, headers)
    assert row.id in ids
    assert other.id not in ids


def test_list_probes_filter_setattr(client: TestClient) -> None:
    headers: dict[str, str] = {}
    n = 618672
    row = run(client, create_probe, setattr=f"setattr-{n}")
    n = 618673
    other = run(client, create_probe, setattr=f"setattr-{n}")
    ids = _listed_ids(client, {"setattr": str(row.setattr)}, headers)
    assert row.id in ids
    assert other.id not in ids


def test_list_probes_filter_session(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_probe, session=1)
    other = run(client, create_probe, session=2)
    ids = _listed_ids(client, {"session": str(row.session)}, headers)
    assert row.id in ids
    assert other.id not in ids


def test_list_probes_filter_body(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_probe, body=False)
    other = run(client, create_probe, body=True)
    assert row.body is not None
    ids = _listed_ids(client, {"body": str(row.body).lower()}, headers)
    assert row.id in ids
    assert other.id not in ids


def test_list_probes_filter_sort_2(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_probe, sort=dt.date(2024, 1, 15))
    other = run(client, create_probe, sort=dt.date(2024, 1, 16))
    ids = _listed_ids(client, {"sort_2": row.sort.isoformat()}, headers)
    assert row.id in ids
    assert other.id not in ids


def test_list_probes_filter_request(client: TestClient) -> None:
    headers: dict[str, str] = {}
    n = 334926
    row = run(client, create_probe, request=f"request-{n}")
    n = 334927
    other = run(client, create_probe, request=f"request-{n}")
    ids = _listed_ids(client, {"request": str(row.request)}, headers)
    assert row.id in ids
    assert other.id not in ids


def test_list_probes_filter_response(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_probe, response=1)
    other = run(client, create_probe, response=2)
    assert row.response is not None
    ids = _listed_ids(client, {"response": str(row.response)}, headers)
    assert row.id in ids
    assert other.id not in ids


def test_list_probes_filter_status(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_probe, status=False)
    other = run(client, create_probe, status=True)
    ids = _listed_ids(client, {"status": str(row.status).lower()}, headers)
    assert row.id in ids
    assert other.id not in ids


def test_list_probes_filter_func(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_probe, func=dt.date(2024, 1, 15))
    other = run(client, create_probe, func=dt.date(2024, 1, 16))
    ids = _listed_ids(client, {"func": row.func.isoformat()}, headers)
    assert row.id in ids
    assert other.id not in ids


def test_list_probes_filter_selectinload(client: TestClient) -> None:
    headers: dict[str, str] = {}
    n = 191300
    row = run(client, create_probe, selectinload=f"selectinload-{n}")
    n = 191301
    other = run(client, create_probe, selectinload=f"selectinload-{n}")
    assert row.selectinload is not None
    ids = _listed_ids(client, {"selectinload": str(row.selectinload)}, headers)
    assert row.id in ids
    assert other.id not in ids


def test_list_probes_filter_aliased(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_probe, aliased=1)
    other = run(client, create_probe, aliased=2)
    ids = _listed_ids(client, {"aliased": str(row.aliased)}, headers)
    assert row.id in ids
    assert other.id not in ids


def test_list_probes_filter_hash_password(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_probe, hash_password=False)
    other = run(client, create_probe, hash_password=True)
    ids = _listed_ids(
        client, {"hash_password": str(row.hash_password).lower()}, headers
    )
    assert row.id in ids
    assert other.id not in ids


def test_list_probes_filter_commit_or_409(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_probe, commit_or_409=dt.date(2024, 1, 15))
    other = run(client, create_probe, commit_or_409=dt.date(2024, 1, 16))
    assert row.commit_or_409 is not None
    ids = _listed_ids(client, {"commit_or_409": row.commit_or_409.isoformat()}, headers)
    assert row.id in ids
    assert other.id not in ids


def test_list_probes_filter_require_roles(client: TestClient) -> None:
    headers: dict[str, str] = {}
    n = 715634
    row = run(client, create_probe, require_roles=f"require-roles-{n}")
    n = 715635
    other = run(client, create_probe, require_roles=f"require-roles-{n}")
    ids = _listed_ids(client, {"require_roles": str(row.require_roles)}, headers)
    assert row.id in ids
    assert other.id not in ids


def test_list_probes_filter_count_statement_2(client: TestClient) -> None:
    headers: dict[str, str] = {}
    n = 184033
    parent = run(client, create_tally, statement=f"statement-{n}")
    n = 184034
    other_parent = run(client, create_tally, statement=f"statement-{n}")
    row = run(client, create_probe, count_id=parent.id)
    other = run(client, create_probe, count_id=other_parent.id)
    ids = _listed_ids(client, {"count_statement_2": str(parent.statement)}, headers)
    assert row.id in ids
    assert other.id not in ids


def test_list_probes_sort_statement(client: TestClient) -> None:
    headers: dict[str, str] = {}
    n = 516924
    low = run(client, create_probe, statement=f"statement-{n}")
    n = 516925
    high = run(client, create_probe, statement=f"statement-{n}")
    ours = {low.id, high.id}
    ascending = [
        i for i in _listed_ids(client, {"sort": "statement"}, headers) if i in ours
    ]
    assert ascending == [low.id, high.id]
    descending = [
        i for i in _listed_ids(client, {"sort": "-statement"}, headers) if i in ours
    ]
    assert descending == [high.id, low.id]


def test_list_probes_sort_count_statement(client: TestClient) -> None:
    headers: dict[str, str] = {}
    low = run(client, create_probe, count_statement=1)
    high = run(client, create_probe, count_statement=2)
    ours = {low.id, high.id}
    ascending = [
        i
        for i in _listed_ids(client, {"sort": "count_statement"}, headers)
        if i in ours
    ]
    assert ascending == [low.id, high.id]
    descending = [
        i
        for i in _listed_ids(client, {"sort": "-count_statement"}, headers)
        if i in ours
    ]
    assert descending == [high.id, low.id]


def test_list_probes_sort_total(client: TestClient) -> None:
    headers: dict[str, str] = {}
    low = run(client, create_probe, total=False)
    high = run(client, create_probe, total=True)
    empty = run(client, create_probe, total=None)
    ours = {low.id, high.id, empty.id}
    ascending = [
        i for i in _listed_ids(client, {"sort": "total"}, headers) if i in ours
    ]
    assert ascending == [low.id, high.id, empty.id]
    descending = [
        i for i in _listed_ids(client, {"sort": "-total"}, headers) if i in ours
    ]
    assert descending == [high.id, low.id, empty.id]


def test_list_probes_sort_key(client: TestClient) -> None:
    headers: dict[str, str] = {}
    low = run(client, create_probe, key=dt.date(2024, 1, 15))
    high = run(client, create_probe, key=dt.date(2024, 1, 16))
    ours = {low.id, high.id}
    ascending = [i for i in _listed_ids(client, {"sort": "key"}, headers) if i in ours]
    assert ascending == [low.id, high.id]
    descending = [
        i for i in _listed_ids(client, {"sort": "-key"}, headers) if i in ours
    ]
    assert descending == [high.id, low.id]


def test_list_probes_sort_related(client: TestClient) -> None:
    headers: dict[str, str] = {}
    n = 475830
    low = run(client, create_probe, related=f"related-{n}")
    n = 475831
    high = run(client, create_probe, related=f"related-{n}")
    ours = {low.id, high.id}
    ascending = [
        i for i in _listed_ids(client, {"sort": "related"}, headers) if i in ours
    ]
    assert ascending == [low.id, high.id]
    descending = [
        i for i in _listed_ids(client, {"sort": "-related"}, headers) if i in ours
    ]
    assert descending == [high.id, low.id]


def test_list_probes_sort_direction(client: TestClient) -> None:
    headers: dict[str, str] = {}
    low = run(client, create_probe, direction=1)
    high = run(client, create_probe, direction=2)
    empty = run(client, create_probe, direction=None)
    ours = {low.id, high.id, empty.id}
    ascending = [
        i for i in _listed_ids(client, {"sort": "direction"}, headers) if i in ours
    ]
    assert ascending == [low.id, high.id, empty.id]
    descending = [
        i for i in _listed_ids(client, {"sort": "-direction"}, headers) if i in ours
    ]
    assert descending == [high.id, low.id, empty.id]


def test_list_probes_sort_rows(client: TestClient) -> None:
    headers: dict[str, str] = {}
    low = run(client, create_probe, rows=False)
    high = run(client, create_probe, rows=True)
    ours = {low.id, high.id}
    ascending = [i for i in _listed_ids(client, {"sort": "rows"}, headers) if i in ours]
    assert ascending == [low.id, high.id]
    descending = [
        i for i in _listed_ids(client, {"sort": "-rows"}, headers) if i in ours
    ]
    assert descending == [high.id, low.id]


def test_list_probes_sort_row(client: TestClient) -> None:
    headers: dict[str, str] = {}
    n = 386073
    low = run(client, create_probe, row=f"row-{n}")
    n = 386074
    high = run(client, create_probe, row=f"row-{n}")
    ours = {low.id, high.id}
    ascending = [i for i in _listed_ids(client, {"sort": "row"}, headers) if i in ours]
    assert ascending == [low.id, high.id]
    descending = [
        i for i in _listed_ids(client, {"sort": "-row"}, headers) if i in ours
    ]
    assert descending == [high.id, low.id]


def test_list_probes_sort_items(client: TestClient) -> None:
    headers: dict[str, str] = {}
    n = 175691
    low = run(client, create_probe, items=f"items-{n}")
    n = 175692
    high = run(client, create_probe, items=f"items-{n}")
    empty = run(client, create_probe, items=None)
    ours = {low.id, high.id, empty.id}
    ascending = [
        i for i in _listed_ids(client, {"sort": "items"}, headers) if i in ours
    ]
    assert ascending == [low.id, high.id, empty.id]
    descending = [
        i for i in _listed_ids(client, {"sort": "-items"}, headers) if i in ours
    ]
    assert descending == [high.id, low.id, empty.id]


def test_list_probes_sort_visible(client: TestClient) -> None:
    headers: dict[str, str] = {}
    low = run(client, create_probe, visible=1)
    high = run(client, create_probe, visible=2)
    ours = {low.id, high.id}
    ascending = [
        i for i in _listed_ids(client, {"sort": "visible"}, headers) if i in ours
    ]
    assert ascending == [low.id, high.id]
    descending = [
        i for i in _listed_ids(client, {"sort": "-visible"}, headers) if i in ours
    ]
    assert descending == [high.id, low.id]


def test_list_probes_sort_data(client: TestClient) -> None:
    headers: dict[str, str] = {}
    low = run(client, create_probe, data=False)
    high = run(client, create_probe, data=True)
    ours = {low.id, high.id}
    ascending = [i for i in _listed_ids(client, {"sort": "data"}, headers) if i in ours]
    assert ascending == [low.id, high.id]
    descending = [
        i for i in _listed_ids(client, {"sort": "-data"}, headers) if i in ours
    ]
    assert descending == [high.id, low.id]


def test_list_probes_sort_value(client: TestClient) -> None:
    headers: dict[str, str] = {}
    low = run(client, create_probe, value=dt.date(2024, 1, 15))
    high = run(client, create_probe, value=dt.date(2024, 1, 16))
    empty = run(client, create_probe, value=None)
    ours = {low.id, high.id, empty.id}
    ascending = [
        i for i in _listed_ids(client, {"sort": "value"}, headers) if i in ours
    ]
    assert ascending == [low.id, high.id, empty.id]
    descending = [
        i for i in _listed_ids(client, {"sort": "-value"}, headers) if i in ours
    ]
    assert descending == [high.id, low.id, empty.id]


def test_list_probes_sort_setattr(client: TestClient) -> None:
    headers: dict[str, str] = {}
    n = 537306
    low = run(client, create_probe, setattr=f"setattr-{n}")
    n = 537307
    high = run(client, create_probe, setattr=f"setattr-{n}")
    ours = {low.id, high.id}
    ascending = [
        i for i in _listed_ids(client, {"sort": "setattr"}, headers) if i in ours
    ]
    assert ascending == [low.id, high.id]
    descending = [
        i for i in _listed_ids(client, {"sort": "-setattr"}, headers) if i in ours
    ]
    assert descending == [high.id, low.id]


def test_list_probes_sort_session(client: TestClient) -> None:
    headers: dict[str, str] = {}
    low = run(client, create_probe, session=1)
    high = run(client, create_probe, session=2)
    ours = {low.id, high.id}
    ascending = [
        i for i in _listed_ids(client, {"sort": "session"}, headers) if i in ours
    ]
    assert ascending == [low.id, high.id]
    descending = [
        i for i in _listed_ids(client, {"sort": "-session"}, headers) if i in ours
    ]
    assert descending == [high.id, low.id]


def test_list_probes_sort_body(client: TestClient) -> None:
    headers: dict[str, str] = {}
    low = run(client, create_probe, body=False)
    high = run(client, create_probe, body=True)
    empty = run(client, create_probe, body=None)
    ours = {low.id, high.id, empty.id}
    ascending = [i for i in _listed_ids(client, {"sort": "body"}, headers) if i in ours]
    assert ascending == [low.id, high.id, empty.id]
    descending = [
        i for i in _listed_ids(client, {"sort": "-body"}, headers) if i in ours
    ]
    assert descending == [high.id, low.id, empty.id]


def test_list_probes_sort_sort(client: TestClient) -> None:
    headers: dict[str, str] = {}
    low = run(client, create_probe, sort=dt.date(2024, 1, 15))
    high = run(client, create_probe, sort=dt.date(2024, 1, 16))
    ours = {low.id, high.id}
    ascending = [i for i in _listed_ids(client, {"sort": "sort"}, headers) if i in ours]
    assert ascending == [low.id, high.id]
    descending = [
        i for i in _listed_ids(client, {"sort": "-sort"}, headers) if i in ours
    ]
    assert descending == [high.id, low.id]


def test_list_probes_sort_request(client: TestClient) -> None:
    headers: dict[str, str] = {}
    n = 355770
    low = run(client, create_probe, request=f"request-{n}")
    n = 355771
    high = run(client, create_probe, request=f"request-{n}")
    ours = {low.id, high.id}
    ascending = [
        i for i in _listed_ids(client, {"sort": "request"}, headers) if i in ours
    ]
    assert ascending == [low.id, high.id]
    descending = [
        i for i in _listed_ids(client, {"sort": "-request"}, headers) if i in ours
    ]
    assert descending == [high.id, low.id]


def test_list_probes_sort_response(client: TestClient) -> None:
    headers: dict[str, str] = {}
    low = run(client, create_probe, response=1)
    high = run(client, create_probe, response=2)
    empty = run(client, create_probe, response=None)
    ours = {low.id, high.id, empty.id}
    ascending = [
        i for i in _listed_ids(client, {"sort": "response"}, headers) if i in ours
    ]
    assert ascending == [low.id, high.id, empty.id]
    descending = [
        i for i in _listed_ids(client, {"sort": "-response"}, headers) if i in ours
    ]
    assert descending == [high.id, low.id, empty.id]


def test_list_probes_sort_status(client: TestClient) -> None:
    headers: dict[str, str] = {}
    low = run(client, create_probe, status=False)
    high = run(client, create_probe, status=True)
    ours = {low.id, high.id}
    ascending = [
        i for i in _listed_ids(client, {"sort": "status"}, headers) if i in ours
    ]
    assert ascending == [low.id, high.id]
    descending = [
        i for i in _listed_ids(client, {"sort": "-status"}, headers) if i in ours
    ]
    assert descending == [high.id, low.id]


def test_list_probes_sort_func(client: TestClient) -> None:
    headers: dict[str, str] = {}
    low = run(client, create_probe, func=dt.date(2024, 1, 15))
    high = run(client, create_probe, func=dt.date(2024, 1, 16))
    ours = {low.id, high.id}
    ascending = [i for i in _listed_ids(client, {"sort": "func"}, headers) if i in ours]
    assert ascending == [low.id, high.id]
    descending = [
        i for i in _listed_ids(client, {"sort": "-func"}, headers) if i in ours
    ]
    assert descending == [high.id, low.id]


def test_list_probes_sort_selectinload(client: TestClient) -> None:
    headers: dict[str, str] = {}
    n = 339516
    low = run(client, create_probe, selectinload=f"selectinload-{n}")
    n = 339517
    high = run(client, create_probe, selectinload=f"selectinload-{n}")
    empty = run(client, create_probe, selectinload=None)
    ours = {low.id, high.id, empty.id}
    ascending = [
        i for i in _listed_ids(client, {"sort": "selectinload"}, headers) if i in ours
    ]
    assert ascending == [low.id, high.id, empty.id]
    descending = [
        i for i in _listed_ids(client, {"sort": "-selectinload"}, headers) if i in ours
    ]
    assert descending == [high.id, low.id, empty.id]


def test_list_probes_sort_aliased(client: TestClient) -> None:
    headers: dict[str, str] = {}
    low = run(client, create_probe, aliased=1)
    high = run(client, create_probe, aliased=2)
    ours = {low.id, high.id}
    ascending = [
        i for i in _listed_ids(client, {"sort": "aliased"}, headers) if i in ours
    ]
    assert ascending == [low.id, high.id]
    descending = [
        i for i in _listed_ids(client, {"sort": "-aliased"}, headers) if i in ours
    ]
    assert descending == [high.id, low.id]


def test_list_probes_sort_hash_password(client: TestClient) -> None:
    headers: dict[str, str] = {}
    low = run(client, create_probe, hash_password=False)
    high = run(client, create_probe, hash_password=True)
    ours = {low.id, high.id}
    ascending = [
        i for i in _listed_ids(client, {"sort": "hash_password"}, headers) if i in ours
    ]
    assert ascending == [low.id, high.id]
    descending = [
        i for i in _listed_ids(client, {"sort": "-hash_password"}, headers) if i in ours
    ]
    assert descending == [high.id, low.id]


def test_list_probes_sort_commit_or_409(client: TestClient) -> None:
    headers: dict[str, str] = {}
    low = run(client, create_probe, commit_or_409=dt.date(2024, 1, 15))
    high = run(client, create_probe, commit_or_409=dt.date(2024, 1, 16))
    empty = run(client, create_probe, commit_or_409=None)
    ours = {low.id, high.id, empty.id}
    ascending = [
        i for i in _listed_ids(client, {"sort": "commit_or_409"}, headers) if i in ours
    ]
    assert ascending == [low.id, high.id, empty.id]
    descending = [
        i for i in _listed_ids(client, {"sort": "-commit_or_409"}, headers) if i in ours
    ]
    assert descending == [high.id, low.id, empty.id]


def test_list_probes_sort_require_roles(client: TestClient) -> None:
    headers: dict[str, str] = {}
    n = 142766
    low = run(client, create_probe, require_roles=f"require-roles-{n}")
    n = 142767
    high = run(client, create_probe, require_roles=f"require-roles-{n}")
    ours = {low.id, high.id}
    ascending = [
        i for i in _listed_ids(client, {"sort": "require_roles"}, headers) if i in ours
    ]
    assert ascending == [low.id, high.id]
    descending = [
        i for i in _listed_ids(client, {"sort": "-require_roles"}, headers) if i in ours
    ]
    assert descending == [high.id, low.id]


def test_list_probes_sort_statement_bytewise(client: TestClient) -> None:
    headers: dict[str, str] = {}
    rows = []
    for value in ("Zeta", "alpha", "zeta", "Émile"):
        rows.append(run(client, create_probe, statement=value))
    ours = [row.id for row in rows]
    ascending = [
        i for i in _listed_ids(client, {"sort": "statement"}, headers) if i in ours
    ]
    assert ascending == ours
    descending = [
        i for i in _listed_ids(client, {"sort": "-statement"}, headers) if i in ours
    ]
    assert descending == ours[::-1]


def test_list_probes_sort_related_bytewise(client: TestClient) -> None:
    headers: dict[str, str] = {}
    rows = []
    for value in ("Zeta", "alpha", "zeta", "Émile"):
        rows.append(run(client, create_probe, related=value))
    ours = [row.id for row in rows]
    ascending = [
        i for i in _listed_ids(client, {"sort": "related"}, headers) if i in ours
    ]
    assert ascending == ours
    descending = [
        i for i in _listed_ids(client, {"sort": "-related"}, headers) if i in ours
    ]
    assert descending == ours[::-1]


def test_list_probes_sort_row_bytewise(client: TestClient) -> None:
    headers: dict[str, str] = {}
    rows = []
    for value in ("Zeta", "alpha", "zeta", "Émile"):
        rows.append(run(client, create_probe, row=value))
    ours = [row.id for row in rows]
    ascending = [i for i in _listed_ids(client, {"sort": "row"}, headers) if i in ours]
    assert ascending == ours
    descending = [
        i for i in _listed_ids(client, {"sort": "-row"}, headers) if i in ours
    ]
    assert descending == ours[::-1]


def test_list_probes_sort_items_bytewise(client: TestClient) -> None:
    headers: dict[str, str] = {}
    rows = []
    for value in ("Zeta", "alpha", "zeta", "Émile"):
        rows.append(run(client, create_probe, items=value))
    ours = [row.id for row in rows]
    ascending = [
        i for i in _listed_ids(client, {"sort": "items"}, headers) if i in ours
    ]
    assert ascending == ours
    descending = [
        i for i in _listed_ids(client, {"sort": "-items"}, headers) if i in ours
    ]
    assert descending == ours[::-1]


def test_list_probes_sort_setattr_bytewise(client: TestClient) -> None:
    headers: dict[str, str] = {}
    rows = []
    for value in ("Zeta", "alpha", "zeta", "Émile"):
        rows.append(run(client, create_probe, setattr=value))
    ours = [row.id for row in rows]
    ascending = [
        i for i in _listed_ids(client, {"sort": "setattr"}, headers) if i in ours
    ]
    assert ascending == ours
    descending = [
        i for i in _listed_ids(client, {"sort": "-setattr"}, headers) if i in ours
    ]
    assert descending == ours[::-1]


def test_list_probes_sort_request_bytewise(client: TestClient) -> None:
    headers: dict[str, str] = {}
    rows = []
    for value in ("Zeta", "alpha", "zeta", "Émile"):
        rows.append(run(client, create_probe, request=value))
    ours = [row.id for row in rows]
    ascending = [
        i for i in _listed_ids(client, {"sort": "request"}, headers) if i in ours
    ]
    assert ascending == ours
    descending = [
        i for i in _listed_ids(client, {"sort": "-request"}, headers) if i in ours
    ]
    assert descending == ours[::-1]


def test_list_probes_sort_selectinload_bytewise(client: TestClient) -> None:
    headers: dict[str, str] = {}
    rows = []
    for value in ("Zeta", "alpha", "zeta", "Émile"):
        rows.append(run(client, create_probe, selectinload=value))
    ours = [row.id for row in rows]
    ascending = [
        i for i in _listed_ids(client, {"sort": "selectinload"}, headers) if i in ours
    ]
    assert ascending == ours
    descending = [
        i for i in _listed_ids(client, {"sort": "-selectinload"}, headers) if i in ours
    ]
    assert descending == ours[::-1]


def test_list_probes_sort_require_roles_bytewise(client: TestClient) -> None:
    headers: dict[str, str] = {}
    rows = []
    for value in ("Zeta", "alpha", "zeta", "Émile"):
        rows.append(run(client, create_probe, require_roles=value))
    ours = [row.id for row in rows]
    ascending = [
        i for i in _listed_ids(client, {"sort": "require_roles"}, headers) if i in ours
    ]
    assert ascending == ours
    descending = [
        i for i in _listed_ids(client, {"sort": "-require_roles"}, headers) if i in ours
    ]
    assert descending == ours[::-1]


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
    sent = {
        key: body[key]
        for key in [
            "statement",
            "count_statement",
            "total",
            "key",
            "related",
            "direction",
            "rows",
            "row",
            "items",
            "visible",
            "data",
            "value",
            "setattr",
            "session",
            "body",
            "sort",
            "request",
            "response",
            "status",
            "func",
            "selectinload",
            "aliased",
            "hash_password",
            "commit_or_409",
            "require_roles",
            "count_id",
        ]
        if key in body
    }
    assert {key: created[key] for key in sent} == sent
    stored = client.get(f"/probes/{quote_path(created['row'])}", headers=headers)
    assert stored.status_code == 200
    assert {key: stored.json()[key] for key in sent} == sent


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
