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
        "authors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=40), nullable=False),
        sa.Column("display_name", sa.String(length=80), nullable=False),
        sa.Column("short_bio", sa.Text(), nullable=True),
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
        sa.PrimaryKeyConstraint("id", name=op.f("pk_authors")),
        sa.UniqueConstraint("username", name=op.f("uq_authors_username")),
    )
    op.create_table(
        "blog_articles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=120), nullable=False),
        sa.Column("body_text", sa.Text(), nullable=False),
        sa.Column("view_count", sa.Integer(), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("written_by_id", sa.Integer(), nullable=False),
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
            ["written_by_id"],
            ["authors.id"],
            name=op.f("fk_blog_articles_written_by_id_authors"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_blog_articles")),
    )
    op.create_index(
        op.f("ix_blog_articles_title"), "blog_articles", ["title"], unique=False
    )
    op.create_index(
        op.f("ix_blog_articles_view_count"),
        "blog_articles",
        ["view_count"],
        unique=False,
    )
    op.create_index(
        op.f("ix_blog_articles_written_by_id"),
        "blog_articles",
        ["written_by_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_blog_articles_title"), table_name="blog_articles")
    op.drop_index(op.f("ix_blog_articles_view_count"), table_name="blog_articles")
    op.drop_index(op.f("ix_blog_articles_written_by_id"), table_name="blog_articles")
    op.drop_table("blog_articles")
    op.drop_table("authors")
