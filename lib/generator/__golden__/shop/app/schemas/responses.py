from pydantic import BaseModel

from app.schemas.order import OrderRead
from app.schemas.order_line import OrderLineRead
from app.schemas.product import ProductRead
from app.schemas.user import UserRead


class UserList(BaseModel):
    """One page of User rows."""

    items: list[UserRead]
    total: int
    limit: int
    offset: int


class ProductList(BaseModel):
    """One page of Product rows."""

    items: list[ProductRead]
    total: int
    limit: int
    offset: int


class OrderDetail(OrderRead):
    """An Order with its embedded relations."""

    lines: list[OrderLineRead]


class OrderList(BaseModel):
    """One page of Order rows."""

    items: list[OrderDetail]
    total: int
    limit: int
    offset: int


class OrderLineList(BaseModel):
    """One page of OrderLine rows."""

    items: list[OrderLineRead]
    total: int
    limit: int
    offset: int
