import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query
from sqlalchemy import ColumnElement, select
from sqlalchemy import func as func_
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from app.api.deps import SessionDep
from app.api.deps import commit_or_409 as commit_or_409_
from app.api.scoping import require_reference
from app.core.db import Bytewise
from app.models.probe import Probe
from app.models.tally import Tally
from app.schemas.common import Int32, Int64, SafeStr
from app.schemas.errors import error_responses
from app.schemas.probe import ProbeCreate, ProbeRead, ProbeUpdate
from app.schemas.responses import ProbeList

router = APIRouter(prefix="/probes", tags=["probes"])


async def _fetch(session: AsyncSession, *where: ColumnElement[bool]) -> Probe:
    """One Probe (relations to embed loaded eagerly), or 404."""
    statement = select(Probe).where(*where).execution_options(populate_existing=True)
    row = (await session.execute(statement)).scalar_one_or_none()
    if row is None:
        raise HTTPException(status_code=404, detail="Probe not found")
    return row


@router.get("")
async def list_probes(
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[Int64, Query(ge=0)] = 0,
    sort: Annotated[
        Literal[
            "statement",
            "-statement",
            "count_statement",
            "-count_statement",
            "total",
            "-total",
            "key",
            "-key",
            "related",
            "-related",
            "direction",
            "-direction",
            "rows",
            "-rows",
            "row",
            "-row",
            "items",
            "-items",
            "visible",
            "-visible",
            "data",
            "-data",
            "value",
            "-value",
            "setattr",
            "-setattr",
            "session",
            "-session",
            "body",
            "-body",
            "sort",
            "-sort",
            "request",
            "-request",
            "response",
            "-response",
            "status",
            "-status",
            "func",
            "-func",
            "selectinload",
            "-selectinload",
            "aliased",
            "-aliased",
            "hash_password",
            "-hash_password",
            "commit_or_409",
            "-commit_or_409",
            "require_roles",
            "-require_roles",
        ]
        | None,
        Query(),
    ] = None,
    statement_filter: Annotated[SafeStr | None, Query(alias="statement")] = None,
    count_statement_filter: Annotated[
        Int32 | None, Query(alias="count_statement")
    ] = None,
    total_filter: Annotated[bool | None, Query(alias="total")] = None,
    key_filter: Annotated[dt.date | None, Query(alias="key")] = None,
    related_filter: Annotated[SafeStr | None, Query(alias="related")] = None,
    direction_filter: Annotated[Int32 | None, Query(alias="direction")] = None,
    rows_filter: Annotated[bool | None, Query(alias="rows")] = None,
    row_filter: Annotated[SafeStr | None, Query(alias="row")] = None,
    items_filter: Annotated[SafeStr | None, Query(alias="items")] = None,
    visible_filter: Annotated[Int32 | None, Query(alias="visible")] = None,
    data: Annotated[bool | None, Query()] = None,
    value: Annotated[dt.date | None, Query()] = None,
    setattr: Annotated[SafeStr | None, Query()] = None,
    session_filter: Annotated[Int32 | None, Query(alias="session")] = None,
    body: Annotated[bool | None, Query()] = None,
    sort_2: Annotated[dt.date | None, Query()] = None,
    request_filter: Annotated[SafeStr | None, Query(alias="request")] = None,
    response_filter: Annotated[Int32 | None, Query(alias="response")] = None,
    status_filter: Annotated[bool | None, Query(alias="status")] = None,
    func: Annotated[dt.date | None, Query()] = None,
    selectinload: Annotated[SafeStr | None, Query()] = None,
    aliased: Annotated[Int32 | None, Query()] = None,
    hash_password: Annotated[bool | None, Query()] = None,
    commit_or_409: Annotated[dt.date | None, Query()] = None,
    require_roles: Annotated[SafeStr | None, Query()] = None,
    count_statement_2: Annotated[SafeStr | None, Query()] = None,
) -> ProbeList:
    """A page (limit, offset) of the Probe rows. Filters: statement,
    count_statement, total, key, related, direction, rows, row, items,
    visible, data, value, setattr, session, body, sort_2, request, response,
    status, func, selectinload, aliased, hash_password, commit_or_409,
    require_roles and count_statement_2. Sort by statement, count_statement,
    total, key, related, direction, rows, row, items, visible, data, value,
    setattr, session, body, sort, request, response, status, func,
    selectinload, aliased, hash_password, commit_or_409 and require_roles
    (`-` for descending).
    """
    statement = select(Probe)
    if statement_filter is not None:
        statement = statement.where(Probe.statement == statement_filter)
    if count_statement_filter is not None:
        statement = statement.where(Probe.count_statement == count_statement_filter)
    if total_filter is not None:
        statement = statement.where(Probe.total == total_filter)
    if key_filter is not None:
        statement = statement.where(Probe.key == key_filter)
    if related_filter is not None:
        statement = statement.where(Probe.related == related_filter)
    if direction_filter is not None:
        statement = statement.where(Probe.direction == direction_filter)
    if rows_filter is not None:
        statement = statement.where(Probe.rows == rows_filter)
    if row_filter is not None:
        statement = statement.where(Probe.row == row_filter)
    if items_filter is not None:
        statement = statement.where(Probe.items == items_filter)
    if visible_filter is not None:
        statement = statement.where(Probe.visible == visible_filter)
    if data is not None:
        statement = statement.where(Probe.data == data)
    if value is not None:
        statement = statement.where(Probe.value == value)
    if setattr is not None:
        statement = statement.where(Probe.setattr == setattr)
    if session_filter is not None:
        statement = statement.where(Probe.session == session_filter)
    if body is not None:
        statement = statement.where(Probe.body == body)
    if sort_2 is not None:
        statement = statement.where(Probe.sort == sort_2)
    if request_filter is not None:
        statement = statement.where(Probe.request == request_filter)
    if response_filter is not None:
        statement = statement.where(Probe.response == response_filter)
    if status_filter is not None:
        statement = statement.where(Probe.status == status_filter)
    if func is not None:
        statement = statement.where(Probe.func == func)
    if selectinload is not None:
        statement = statement.where(Probe.selectinload == selectinload)
    if aliased is not None:
        statement = statement.where(Probe.aliased == aliased)
    if hash_password is not None:
        statement = statement.where(Probe.hash_password == hash_password)
    if commit_or_409 is not None:
        statement = statement.where(Probe.commit_or_409 == commit_or_409)
    if require_roles is not None:
        statement = statement.where(Probe.require_roles == require_roles)
    if count_statement_2 is not None:
        statement = statement.where(
            Probe.count.has(Tally.statement == count_statement_2)
        )
    count_statement = select(func_.count()).select_from(statement.subquery())
    total = (await session.execute(count_statement)).scalar_one()
    order = sort or "id"
    key = order.removeprefix("-")
    column: InstrumentedAttribute[Any] | ColumnElement[Any]
    if key == "statement":
        column = Bytewise(Probe.statement)
    elif key == "count_statement":
        column = Probe.count_statement
    elif key == "total":
        column = Probe.total
    elif key == "key":
        column = Probe.key
    elif key == "related":
        column = Bytewise(Probe.related)
    elif key == "direction":
        column = Probe.direction
    elif key == "rows":
        column = Probe.rows
    elif key == "row":
        column = Bytewise(Probe.row)
    elif key == "items":
        column = Bytewise(Probe.items)
    elif key == "visible":
        column = Probe.visible
    elif key == "data":
        column = Probe.data
    elif key == "value":
        column = Probe.value
    elif key == "setattr":
        column = Bytewise(Probe.setattr)
    elif key == "session":
        column = Probe.session
    elif key == "body":
        column = Probe.body
    elif key == "sort":
        column = Probe.sort
    elif key == "request":
        column = Bytewise(Probe.request)
    elif key == "response":
        column = Probe.response
    elif key == "status":
        column = Probe.status
    elif key == "func":
        column = Probe.func
    elif key == "selectinload":
        column = Bytewise(Probe.selectinload)
    elif key == "aliased":
        column = Probe.aliased
    elif key == "hash_password":
        column = Probe.hash_password
    elif key == "commit_or_409":
        column = Probe.commit_or_409
    elif key == "require_roles":
        column = Bytewise(Probe.require_roles)
    else:
        column = Probe.id
    direction = column.desc() if order.startswith("-") else column.asc()
    # Empty values last in both directions, on SQLite and PostgreSQL alike.
    if key in (
        "total",
        "direction",
        "items",
        "value",
        "body",
        "response",
        "selectinload",
        "commit_or_409",
    ):
        direction = direction.nulls_last()
    statement = statement.order_by(direction, Probe.id)
    statement = statement.limit(limit).offset(offset)
    rows = (await session.execute(statement)).scalars().all()
    items = [ProbeRead.model_validate(row) for row in rows]
    return ProbeList(items=items, total=total, limit=limit, offset=offset)


@router.get("/{probe_row}", responses=error_responses(404))
async def get_probe(
    session: SessionDep,
    probe_row: SafeStr,
) -> ProbeRead:
    """One Probe by row; 404 when there is none."""
    row = await _fetch(session, Probe.row == probe_row)
    return ProbeRead.model_validate(row)


@router.post("", status_code=201, responses=error_responses(409))
async def create_probe(
    session: SessionDep,
    body: ProbeCreate,
) -> ProbeRead:
    """Creates a Probe."""
    data = body.model_dump(exclude_unset=True)
    if body.count_id is not None:
        await require_reference(
            session,
            "count_id",
            body.count_id,
            select(Tally.id).where(Tally.id == body.count_id),
        )
    row = Probe(**data)
    session.add(row)
    await commit_or_409_(session)
    return ProbeRead.model_validate(await _fetch(session, Probe.id == row.id))


@router.patch("/{probe_row}", responses=error_responses(404, 409))
async def update_probe(
    session: SessionDep,
    probe_row: SafeStr,
    body: ProbeUpdate,
) -> ProbeRead:
    """Changes the fields sent of a Probe by row; 404 when there is none."""
    row = await _fetch(session, Probe.row == probe_row)
    data = body.model_dump(exclude_unset=True)
    if body.count_id is not None:
        await require_reference(
            session,
            "count_id",
            body.count_id,
            select(Tally.id).where(Tally.id == body.count_id),
        )
    for key, value in data.items():
        setattr(row, key, value)
    await commit_or_409_(session)
    return ProbeRead.model_validate(await _fetch(session, Probe.id == row.id))


@router.delete("/{probe_row}", status_code=204, responses=error_responses(404, 409))
async def delete_probe(
    session: SessionDep,
    probe_row: SafeStr,
) -> None:
    """Deletes a Probe by row; 404 when there is none."""
    row = await _fetch(session, Probe.row == probe_row)
    await session.delete(row)
    await commit_or_409_(session)
