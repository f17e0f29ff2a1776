from pydantic import BaseModel

from app.schemas.probe import ProbeRead
from app.schemas.tally import TallyRead


class TallyList(BaseModel):
    """One page of Tally rows."""

    items: list[TallyRead]
    total: int
    limit: int
    offset: int


class ProbeList(BaseModel):
    """One page of Probe rows."""

    items: list[ProbeRead]
    total: int
    limit: int
    offset: int
