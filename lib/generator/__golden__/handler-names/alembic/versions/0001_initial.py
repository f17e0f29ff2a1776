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
    op.create_index(op.f("ix_probes_statement"), "probes", ["statement"], unique=False)
    op.create_index(
        op.f("ix_probes_count_statement"), "probes", ["count_statement"], unique=False
    )
    op.create_index(op.f("ix_probes_total"), "probes", ["total"], unique=False)
    op.create_index(op.f("ix_probes_key"), "probes", ["key"], unique=False)
    op.create_index(op.f("ix_probes_related"), "probes", ["related"], unique=False)
    op.create_index(op.f("ix_probes_direction"), "probes", ["direction"], unique=False)
    op.create_index(op.f("ix_probes_rows"), "probes", ["rows"], unique=False)
    op.create_index(op.f("ix_probes_items"), "probes", ["items"], unique=False)
    op.create_index(op.f("ix_probes_visible"), "probes", ["visible"], unique=False)
    op.create_index(op.f("ix_probes_data"), "probes", ["data"], unique=False)
    op.create_index(op.f("ix_probes_value"), "probes", ["value"], unique=False)
    op.create_index(op.f("ix_probes_setattr"), "probes", ["setattr"], unique=False)
    op.create_index(op.f("ix_probes_session"), "probes", ["session"], unique=False)
    op.create_index(op.f("ix_probes_body"), "probes", ["body"], unique=False)
    op.create_index(op.f("ix_probes_sort"), "probes", ["sort"], unique=False)
    op.create_index(op.f("ix_probes_request"), "probes", ["request"], unique=False)
    op.create_index(op.f("ix_probes_response"), "probes", ["response"], unique=False)
    op.create_index(op.f("ix_probes_status"), "probes", ["status"], unique=False)
    op.create_index(op.f("ix_probes_func"), "probes", ["func"], unique=False)
    op.create_index(
        op.f("ix_probes_selectinload"), "probes", ["selectinload"], unique=False
    )
    op.create_index(op.f("ix_probes_aliased"), "probes", ["aliased"], unique=False)
    op.create_index(
        op.f("ix_probes_hash_password"), "probes", ["hash_password"], unique=False
    )
    op.create_index(
        op.f("ix_probes_commit_or_409"), "probes", ["commit_or_409"], unique=False
    )
    op.create_index(
        op.f("ix_probes_require_roles"), "probes", ["require_roles"], unique=False
    )
    op.create_index(op.f("ix_probes_count_id"), "probes", ["count_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_probes_statement"), table_name="probes")
    op.drop_index(op.f("ix_probes_count_statement"), table_name="probes")
    op.drop_index(op.f("ix_probes_total"), table_name="probes")
    op.drop_index(op.f("ix_probes_key"), table_name="probes")
    op.drop_index(op.f("ix_probes_related"), table_name="probes")
    op.drop_index(op.f("ix_probes_direction"), table_name="probes")
    op.drop_index(op.f("ix_probes_rows"), table_name="probes")
    op.drop_index(op.f("ix_probes_items"), table_name="probes")
    op.drop_index(op.f("ix_probes_visible"), table_name="probes")
    op.drop_index(op.f("ix_probes_data"), table_name="probes")
    op.drop_index(op.f("ix_probes_value"), table_name="probes")
    op.drop_index(op.f("ix_probes_setattr"), table_name="probes")
    op.drop_index(op.f("ix_probes_session"), table_name="probes")
    op.drop_index(op.f("ix_probes_body"), table_name="probes")
    op.drop_index(op.f("ix_probes_sort"), table_name="probes")
    op.drop_index(op.f("ix_probes_request"), table_name="probes")
    op.drop_index(op.f("ix_probes_response"), table_name="probes")
    op.drop_index(op.f("ix_probes_status"), table_name="probes")
    op.drop_index(op.f("ix_probes_func"), table_name="probes")
    op.drop_index(op.f("ix_probes_selectinload"), table_name="probes")
    op.drop_index(op.f("ix_probes_aliased"), table_name="probes")
    op.drop_index(op.f("ix_probes_hash_password"), table_name="probes")
    op.drop_index(op.f("ix_probes_commit_or_409"), table_name="probes")
    op.drop_index(op.f("ix_probes_require_roles"), table_name="probes")
    op.drop_index(op.f("ix_probes_count_id"), table_name="probes")
    op.drop_table("probes")
    op.drop_table("tallies")
