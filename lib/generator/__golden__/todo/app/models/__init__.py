"""All models, imported so the mapper registry and Alembic see every table."""

from app.models.todo_item import TodoItem
from app.models.todo_list import TodoList
from app.models.user import User

__all__ = ["TodoItem", "TodoList", "User"]
