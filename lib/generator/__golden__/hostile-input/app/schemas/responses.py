from pydantic import BaseModel

from app.schemas.member import MemberRead
from app.schemas.reading import ReadingRead


class ReadingDetail(ReadingRead):
    """A Reading with its embedded relations."""

    author: MemberRead


class ReadingList(BaseModel):
    """One page of Reading rows."""

    items: list[ReadingDetail]
    total: int
    limit: int
    offset: int
