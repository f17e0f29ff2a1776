from pydantic import BaseModel

from app.schemas.todo_item import TodoItemRead
from app.schemas.todo_list import TodoListRead


class TodoListList(BaseModel):
    """One page of TodoList rows."""

    items: list[TodoListRead]
    total: int
    limit: int
    offset: int


class TodoItemDetail(TodoItemRead):
    """A TodoItem with its embedded relations."""

    todo_list: TodoListRead


class TodoItemList(BaseModel):
    """One page of TodoItem rows."""

    items: list[TodoItemDetail]
    total: int
    limit: int
    offset: int
