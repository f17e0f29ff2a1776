from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.common import Int32, UpdateModel, UTCDatetime


class TodoListBase(BaseModel):
    """Fields of TodoList shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid")

    title: str = Field(min_length=1, max_length=100)


class TodoListCreate(TodoListBase):
    """Body of a request creating a TodoList."""


class TodoListUpdate(UpdateModel):
    """Partial update of a TodoList: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")
    __non_nullable__: ClassVar[frozenset[str]] = frozenset({"title"})

    title: str | None = Field(default=None, min_length=1, max_length=100)


class TodoListRead(BaseModel):
    """A TodoList as returned by the API."""

    model_config = ConfigDict(from_attributes=True)

    id: Int32
    title: str
    owner_id: Int32
    created_at: UTCDatetime
    updated_at: UTCDatetime
