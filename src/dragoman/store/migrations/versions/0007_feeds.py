"""Watched feeds (``dragoman watch``): each feed's polling state, the items seen in it, and the versions of
each page URL, so a killed watcher resumes without losing or repeating anything.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "feeds",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("url", sa.Text, nullable=False, unique=True),
        sa.Column("given_url", sa.Text, nullable=False),
        sa.Column("status", sa.String, nullable=False),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("last_poll", sa.DateTime(timezone=True)),
        sa.Column("next_poll", sa.DateTime(timezone=True)),
        sa.Column("failures", sa.Integer, nullable=False, server_default="0"),
        sa.Column("error", sa.Text),
        sa.Column("items", sa.Integer, nullable=False, server_default="0"),
        sa.Column("added", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_index("ix_feeds_given_url", "feeds", ["given_url"])
    op.create_table(
        "feed_items",
        sa.Column("feed_seq", sa.Integer, sa.ForeignKey("feeds.seq", ondelete="CASCADE"), primary_key=True),
        sa.Column("key", sa.String, primary_key=True),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("document_id", sa.String),
        sa.Column("error", sa.Text),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "page_versions",
        sa.Column("url", sa.Text, primary_key=True),
        sa.Column("text_hash", sa.String, primary_key=True),
        sa.Column("document_id", sa.String, nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_page_versions_text_hash", "page_versions", ["text_hash"])


def downgrade() -> None:
    op.drop_index("ix_page_versions_text_hash", "page_versions")
    op.drop_table("page_versions")
    op.drop_table("feed_items")
    op.drop_index("ix_feeds_given_url", "feeds")
    op.drop_table("feeds")
