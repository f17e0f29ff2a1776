from typing import Annotated, ClassVar

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.common import Int32, UpdateModel


class PersonBase(BaseModel):
    """Fields of Person shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid")

    handle: str = Field(min_length=2, max_length=30)


class PersonCreate(PersonBase):
    """Body of a request creating a Person."""

    follows: list[Annotated[str, Field(min_length=2, max_length=30)]] = Field(
        default_factory=list, max_length=100
    )


class PersonUpdate(UpdateModel):
    """Partial update of a Person: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")
    __non_nullable__: ClassVar[frozenset[str]] = frozenset({"handle", "follows"})

    handle: str | None = Field(default=None, min_length=2, max_length=30)
    follows: list[Annotated[str, Field(min_length=2, max_length=30)]] | None = Field(
        default=None, max_length=100
    )


class PersonReplace(BaseModel):
    """Whole replacement of a Person (PUT): required fields are required, the
    others reset when left out.
    """

    model_config = ConfigDict(extra="forbid")

    handle: str = Field(min_length=2, max_length=30)
    follows: list[Annotated[str, Field(min_length=2, max_length=30)]] = Field(
        default_factory=list, max_length=100
    )


class PersonRead(BaseModel):
    """A Person as returned by the API."""

    model_config = ConfigDict(from_attributes=True)

    id: Int32
    handle: str
