import datetime as dt
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.common import Int32, UpdateModel, UTCDatetime


class TodoItemBase(BaseModel):
    """Fields of TodoItem shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid")

    title: str = Field(min_length=1, max_length=200)
    done: bool = False
    due_date: dt.date | None = None
    position: int = Field(default=0, ge=0, le=2147483647)


class TodoItemCreate(TodoItemBase):
    """Body of a request creating a TodoItem."""

    todo_list_id: Int32


class TodoItemUpdate(UpdateModel):
    """Partial update of a TodoItem: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")
    __non_nullable__: ClassVar[frozenset[str]] = frozenset(
        {"title", "done", "position", "todo_list_id"}
    )

    title: str | None = Field(default=None, min_length=1, max_length=200)
    done: bool | None = None
    due_date: dt.date | None = None
    position: int | None = Field(default=None, ge=0, le=2147483647)
    todo_list_id: Int32 | None = None


class TodoItemRead(BaseModel):
    """A TodoItem as returned by the API."""

    model_config = ConfigDict(from_attributes=True)

    id: Int32
    title: str
    done: bool
    due_date: dt.date | None
    position: int
    todo_list_id: Int32
    created_at: UTCDatetime
    updated_at: UTCDatetime
