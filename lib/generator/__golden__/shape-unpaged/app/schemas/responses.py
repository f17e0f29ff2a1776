from pydantic import BaseModel, ConfigDict, Field

from app.schemas.city import CityRead


class CityList(BaseModel):
    """Every City rows."""

    model_config = ConfigDict(populate_by_name=True)

    items: list[CityRead] = Field(alias="results")


class CityReadEnvelope(BaseModel):
    """A City answered under \"data\"."""

    data: CityRead
