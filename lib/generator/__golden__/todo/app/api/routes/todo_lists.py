from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from app.api.deps import CurrentUser, SessionDep, commit_or_409
from app.core.db import Bytewise
from app.models.todo_list import TodoList
from app.schemas.common import Int32, Int64
from app.schemas.errors import error_responses
from app.schemas.responses import TodoListList
from app.schemas.todo_list import TodoListCreate, TodoListRead, TodoListUpdate

router = APIRouter(prefix="/todo-lists", tags=["todo-lists"])


async def _fetch(session: AsyncSession, *where: ColumnElement[bool]) -> TodoList:
    """One TodoList (relations to embed loaded eagerly), or 404."""
    statement = select(TodoList).where(*where).execution_options(populate_existing=True)
    row = (await session.execute(statement)).scalar_one_or_none()
    if row is None:
        raise HTTPException(status_code=404, detail="TodoList not found")
    return row


@router.get("", responses=error_responses(401))
async def list_todo_lists(
    session: SessionDep,
    current_user: CurrentUser,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[Int64, Query(ge=0)] = 0,
    sort: Annotated[Literal["title", "-title"] | None, Query()] = None,
) -> TodoListList:
    """A page (limit, offset) of the TodoList rows the caller owns. Sort by
    title (`-` for descending).
    """
    statement = select(TodoList)
    statement = statement.where(TodoList.owner_id == current_user.id)
    count_statement = select(func.count()).select_from(statement.subquery())
    total = (await session.execute(count_statement)).scalar_one()
    order = sort or "id"
    key = order.removeprefix("-")
    column: InstrumentedAttribute[Any] | ColumnElement[Any]
    if key == "title":
        column = Bytewise(TodoList.title)
    else:
        column = TodoList.id
    direction = column.desc() if order.startswith("-") else column.asc()
    statement = statement.order_by(direction, TodoList.id)
    statement = statement.limit(limit).offset(offset)
    rows = (await session.execute(statement)).scalars().all()
    items = [TodoListRead.model_validate(row) for row in rows]
    return TodoListList(items=items, total=total, limit=limit, offset=offset)


@router.get("/{todo_list_id}", responses=error_responses(401, 404))
async def get_todo_list(
    session: SessionDep,
    current_user: CurrentUser,
    todo_list_id: Int32,
) -> TodoListRead:
    """One TodoList of the caller by id; 404 when there is none."""
    row = await _fetch(
        session, TodoList.id == todo_list_id, TodoList.owner_id == current_user.id
    )
    return TodoListRead.model_validate(row)


@router.post("", status_code=201, responses=error_responses(401, 409))
async def create_todo_list(
    session: SessionDep,
    current_user: CurrentUser,
    body: TodoListCreate,
) -> TodoListRead:
    """Creates a TodoList owned by the caller."""
    data = body.model_dump(exclude_unset=True)
    data["owner_id"] = current_user.id
    row = TodoList(**data)
    session.add(row)
    await commit_or_409(session)
    return TodoListRead.model_validate(await _fetch(session, TodoList.id == row.id))


@router.patch("/{todo_list_id}", responses=error_responses(401, 404, 409))
async def update_todo_list(
    session: SessionDep,
    current_user: CurrentUser,
    todo_list_id: Int32,
    body: TodoListUpdate,
) -> TodoListRead:
    """Changes the fields sent of a TodoList of the caller by id; 404 when
    there is none.
    """
    row = await _fetch(
        session, TodoList.id == todo_list_id, TodoList.owner_id == current_user.id
    )
    data = body.model_dump(exclude_unset=True)
    for key, value in data.items():
        setattr(row, key, value)
    await commit_or_409(session)
    return TodoListRead.model_validate(await _fetch(session, TodoList.id == row.id))


@router.delete(
    "/{todo_list_id}", status_code=204, responses=error_responses(401, 404, 409)
)
async def delete_todo_list(
    session: SessionDep,
    current_user: CurrentUser,
    todo_list_id: Int32,
) -> None:
    """Deletes a TodoList of the caller by id; 404 when there is none."""
    row = await _fetch(
        session, TodoList.id == todo_list_id, TodoList.owner_id == current_user.id
    )
    await session.delete(row)
    await commit_or_409(session)
