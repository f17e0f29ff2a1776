from pydantic import BaseModel

from app.schemas.account import AccountPublic
from app.schemas.ticket import TicketRead


class AccountList(BaseModel):
    """One page of Account rows."""

    items: list[AccountPublic]
    total: int
    limit: int
    offset: int


class TicketList(BaseModel):
    """One page of Ticket rows."""

    items: list[TicketRead]
    total: int
    limit: int
    offset: int
