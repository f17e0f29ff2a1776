from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.common import Int32, UpdateModel


class PlacementBase(BaseModel):
    """Fields of Placement shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid")

    rank: int = Field(default=0, ge=-2147483648, le=2147483647)


class PlacementCreate(PlacementBase):
    """Body of a request creating a Placement."""

    post_id: Int32
    category_id: Int32


class PlacementUpdate(UpdateModel):
    """Partial update of a Placement: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")
    __non_nullable__: ClassVar[frozenset[str]] = frozenset(
        {"rank", "post_id", "category_id"}
    )

    rank: int | None = Field(default=None, ge=-2147483648, le=2147483647)
    post_id: Int32 | None = None
    category_id: Int32 | None = None


class PlacementReplace(BaseModel):
    """Whole replacement of a Placement (PUT): required fields are required,
    the others reset when left out.
    """

    model_config = ConfigDict(extra="forbid")

    rank: int = Field(default=0, ge=-2147483648, le=2147483647)
    post_id: Int32
    category_id: Int32


class PlacementRead(BaseModel):
    """A Placement as returned by the API."""

    model_config = ConfigDict(from_attributes=True)

    id: Int32
    rank: int
    post_id: Int32
    category_id: Int32
