"""Initial schema.

Revision ID: 0001
Revises:
Create Date: 2024-01-01 00:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("password", sa.String(length=255), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.now(),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.now(),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
    )
    op.create_index(op.f("ix_users_email"), "users", ["email"], unique=True)
    op.create_table(
        "todo_lists",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.now(),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.now(),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["users.id"],
            name=op.f("fk_todo_lists_owner_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_todo_lists")),
    )
    op.create_index(op.f("ix_todo_lists_title"), "todo_lists", ["title"], unique=False)
    op.create_index(
        op.f("ix_todo_lists_owner_id"), "todo_lists", ["owner_id"], unique=False
    )
    op.create_table(
        "todo_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("todo_list_id", sa.Integer(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.now(),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.now(),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["todo_list_id"],
            ["todo_lists.id"],
            name=op.f("fk_todo_items_todo_list_id_todo_lists"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_todo_items")),
    )
    op.create_index(
        op.f("ix_todo_items_due_date"), "todo_items", ["due_date"], unique=False
    )
    op.create_index(
        op.f("ix_todo_items_position"), "todo_items", ["position"], unique=False
    )
    op.create_index(
        op.f("ix_todo_items_todo_list_id"), "todo_items", ["todo_list_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_todo_items_due_date"), table_name="todo_items")
    op.drop_index(op.f("ix_todo_items_position"), table_name="todo_items")
    op.drop_index(op.f("ix_todo_items_todo_list_id"), table_name="todo_items")
    op.drop_table("todo_items")
    op.drop_index(op.f("ix_todo_lists_title"), table_name="todo_lists")
    op.drop_index(op.f("ix_todo_lists_owner_id"), table_name="todo_lists")
    op.drop_table("todo_lists")
    op.drop_index(op.f("ix_users_email"), table_name="users")
    op.drop_table("users")
