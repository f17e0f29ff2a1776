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
        "tallies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("statement", sa.String(length=40), nullable=False),
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
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tallies")),
    )
    op.create_table(
        "probes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("statement", sa.String(length=255), nullable=False),
        sa.Column("count_statement", sa.Integer(), nullable=False),
        sa.Column("total", sa.Boolean(), nullable=True),
        sa.Column("key", sa.Date(), nullable=False),
        sa.Column("related", sa.String(length=255), nullable=False),
        sa.Column("direction", sa.Integer(), nullable=True),
        sa.Column("rows", sa.Boolean(), nullable=False),
        sa.Column("row", sa.String(length=255), nullable=False),
        sa.Column("items", sa.String(length=255), nullable=True),
        sa.Column("visible", sa.Integer(), nullable=False),
        sa.Column("data", sa.Boolean(), nullable=False),
        sa.Column("value", sa.Date(), nullable=True),
        sa.Column("setattr", sa.String(length=255), nullable=False),
        sa.Column("session", sa.Integer(), nullable=False),
        sa.Column("body", sa.Boolean(), nullable=True),
        sa.Column("sort", sa.Date(), nullable=False),
        sa.Column("request", sa.String(length=255), nullable=False),
        sa.Column("response", sa.Integer(), nullable=True),
        sa.Column("status", sa.Boolean(), nullable=False),
        sa.Column("func", sa.Date(), nullable=False),
        sa.Column("selectinload", sa.String(length=255), nullable=True),
        sa.Column("aliased", sa.Integer(), nullable=False),
        sa.Column("hash_password", sa.Boolean(), nullable=False),
        sa.Column("commit_or_409", sa.Date(), nullable=True),
        sa.Column("require_roles", sa.String(length=255), nullable=False),
        sa.Column("count_id", sa.Integer(), nullable=True),
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
            ["count_id"],
            ["tallies.id"],
            name=op.f("fk_probes_count_id_tallies"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_probes")),
        sa.UniqueConstraint("row", name=op.f("uq_probes_row")),
    )
    op.create_index(op.f("ix_probes_count_id"), "probes", ["count_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_probes_count_id"), table_name="probes")
    op.drop_table("probes")
    op.drop_table("tallies")
