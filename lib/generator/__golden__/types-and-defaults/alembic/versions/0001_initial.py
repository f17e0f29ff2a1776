"""Initial schema.

Revision ID: 0001
Revises:
Create Date: 2024-01-01 00:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # PostgreSQL enum types (SQLite stores enums as VARCHAR)
    postgresql.ENUM("raw", "in progress", "done", "2nd grade", name="item_kind").create(
        op.get_bind(), checkfirst=True
    )
    op.create_table(
        "inventory_items",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("sku", sa.String(length=20), nullable=False),
        sa.Column(
            "kind",
            postgresql.ENUM(
                "raw",
                "in progress",
                "done",
                "2nd grade",
                name="item_kind",
                create_type=False,
            ),
            nullable=False,
        ),
        sa.Column("price", sa.Numeric(precision=8, scale=3), nullable=False),
        sa.Column("weight", sa.Float(), nullable=True),
        sa.Column("count", sa.BigInteger(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column(
            "since", sa.Date(), nullable=False, server_default=sa.func.current_date()
        ),
        sa.Column("last_seen", sa.DateTime(timezone=True), nullable=True),
        sa.Column("token", sa.Uuid(), nullable=False),
        sa.Column("meta", sa.JSON(), nullable=True),
        sa.Column("contact", sa.String(length=320), nullable=True),
        sa.Column(
            "site",
            sa.String(length=2048),
            nullable=True,
            comment='Public "product" page \\ with quotes',
        ),
        sa.Column("notes", sa.Text(), nullable=True),
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
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inventory_items")),
        sa.UniqueConstraint("sku", name=op.f("uq_inventory_items_sku")),
    )
    op.create_index(
        op.f("ix_inventory_items_kind"), "inventory_items", ["kind"], unique=False
    )
    op.create_index(
        op.f("ix_inventory_items_price"), "inventory_items", ["price"], unique=False
    )
    op.create_index(
        op.f("ix_inventory_items_last_seen"),
        "inventory_items",
        ["last_seen"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_inventory_items_kind"), table_name="inventory_items")
    op.drop_index(op.f("ix_inventory_items_price"), table_name="inventory_items")
    op.drop_index(op.f("ix_inventory_items_last_seen"), table_name="inventory_items")
    op.drop_table("inventory_items")
    postgresql.ENUM(name="item_kind").drop(op.get_bind(), checkfirst=True)
