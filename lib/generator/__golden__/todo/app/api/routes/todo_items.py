from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute, selectinload

from app.api.deps import CurrentUser, SessionDep, commit_or_409
from app.api.scoping import require_reference
from app.models.todo_item import TodoItem
from app.models.todo_list import TodoList
from app.schemas.common import Int32, Int64
from app.schemas.errors import error_responses
from app.schemas.responses import TodoItemDetail, TodoItemList
from app.schemas.todo_item import TodoItemCreate, TodoItemUpdate

router = APIRouter(prefix="/todo-items", tags=["todo-items"])


async def _fetch(session: AsyncSession, *where: ColumnElement[bool]) -> TodoItem:
    """One TodoItem (relations to embed loaded eagerly), or 404."""
    statement = (
        select(TodoItem)
        .where(*where)
        .options(selectinload(TodoItem.todo_list))
        .execution_options(populate_existing=True)
    )
    row = (await session.execute(statement)).scalar_one_or_none()
    if row is None:
        raise HTTPException(status_code=404, detail="TodoItem not found")
    return row


@router.get("", responses=error_responses(401))
async def list_todo_items(
    session: SessionDep,
    current_user: CurrentUser,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[Int64, Query(ge=0)] = 0,
    sort: Annotated[
        Literal["position", "-position", "due_date", "-due_date"] | None, Query()
    ] = None,
    done: Annotated[bool | None, Query()] = None,
    todo_list_id: Annotated[Int32 | None, Query()] = None,
) -> TodoItemList:
    """A page (limit, offset) of the TodoItem rows. Filters: done and
    todo_list_id. Sort by position and due_date (`-` for descending).
    """
    statement = select(TodoItem)
    statement = statement.where(
        TodoItem.todo_list.has(TodoList.owner_id == current_user.id)
    )
    if done is not None:
        statement = statement.where(TodoItem.done == done)
    if todo_list_id is not None:
        statement = statement.where(TodoItem.todo_list_id == todo_list_id)
    count_statement = select(func.count()).select_from(statement.subquery())
    total = (await session.execute(count_statement)).scalar_one()
    order = sort or "position"
    key = order.removeprefix("-")
    column: InstrumentedAttribute[Any]
    if key == "position":
        column = TodoItem.position
    elif key == "due_date":
        column = TodoItem.due_date
    else:
        column = TodoItem.id
    direction = column.desc() if order.startswith("-") else column.asc()
    # Empty values last in both directions, on SQLite and PostgreSQL alike.
    if key == "due_date":
        direction = direction.nulls_last()
    statement = statement.order_by(direction, TodoItem.id)
    statement = (
        statement.limit(limit).offset(offset).options(selectinload(TodoItem.todo_list))
    )
    rows = (await session.execute(statement)).scalars().all()
    items = [TodoItemDetail.model_validate(row) for row in rows]
    return TodoItemList(items=items, total=total, limit=limit, offset=offset)


@router.get("/{todo_item_id}", responses=error_responses(401, 404))
async def get_todo_item(
    session: SessionDep,
    current_user: CurrentUser,
    todo_item_id: Int32,
) -> TodoItemDetail:
    """One TodoItem by id; 404 when there is none."""
    row = await _fetch(
        session,
        TodoItem.id == todo_item_id,
        TodoItem.todo_list.has(TodoList.owner_id == current_user.id),
    )
    return TodoItemDetail.model_validate(row)


@router.post("", status_code=201, responses=error_responses(401, 409))
async def create_todo_item(
    session: SessionDep,
    current_user: CurrentUser,
    body: TodoItemCreate,
) -> TodoItemDetail:
    """Creates a TodoItem."""
    data = body.model_dump(exclude_unset=True)
    await require_reference(
        session,
        "todo_list_id",
        body.todo_list_id,
        select(TodoList.id).where(
            TodoList.id == body.todo_list_id, TodoList.owner_id == current_user.id
        ),
    )
    row = TodoItem(**data)
    session.add(row)
    await commit_or_409(session)
    return TodoItemDetail.model_validate(await _fetch(session, TodoItem.id == row.id))


@router.patch("/{todo_item_id}", responses=error_responses(401, 404, 409))
async def update_todo_item(
    session: SessionDep,
    current_user: CurrentUser,
    todo_item_id: Int32,
    body: TodoItemUpdate,
) -> TodoItemDetail:
    """Changes the fields sent of a TodoItem by id; 404 when there is none."""
    row = await _fetch(
        session,
        TodoItem.id == todo_item_id,
        TodoItem.todo_list.has(TodoList.owner_id == current_user.id),
    )
    data = body.model_dump(exclude_unset=True)
    if body.todo_list_id is not None:
        await require_reference(
            session,
            "todo_list_id",
            body.todo_list_id,
            select(TodoList.id).where(
                TodoList.id == body.todo_list_id, TodoList.owner_id == current_user.id
            ),
        )
    for key, value in data.items():
        setattr(row, key, value)
    await commit_or_409(session)
    return TodoItemDetail.model_validate(await _fetch(session, TodoItem.id == row.id))


@router.delete(
    "/{todo_item_id}", status_code=204, responses=error_responses(401, 404, 409)
)
async def delete_todo_item(
    session: SessionDep,
    current_user: CurrentUser,
    todo_item_id: Int32,
) -> None:
    """Deletes a TodoItem by id; 404 when there is none."""
    row = await _fetch(
        session,
        TodoItem.id == todo_item_id,
        TodoItem.todo_list.has(TodoList.owner_id == current_user.id),
    )
    await session.delete(row)
    await commit_or_409(session)
