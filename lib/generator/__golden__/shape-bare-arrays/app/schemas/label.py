from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.common import Int32, UpdateModel


class LabelBase(BaseModel):
    """Fields of Label shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(max_length=30)


class LabelCreate(LabelBase):
    """Body of a request creating a Label."""


class LabelUpdate(UpdateModel):
    """Partial update of a Label: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")
    __non_nullable__: ClassVar[frozenset[str]] = frozenset({"name"})

    name: str | None = Field(default=None, max_length=30)


class LabelRead(BaseModel):
    """A Label as returned by the API."""

    model_config = ConfigDict(from_attributes=True)

    id: Int32
    name: str
