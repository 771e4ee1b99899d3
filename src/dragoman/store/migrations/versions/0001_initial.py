"""Initial schema: documents with their analyses, stories, events and their filter tables.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

ID = sa.String().with_variant(sa.String(collation="C"), "postgresql")


def upgrade() -> None:
    _documents()
    _analyses()
    _derived()


def _documents() -> None:
    op.create_table(
        "documents",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("id", ID, nullable=False, unique=True),
        sa.Column("key", sa.String, nullable=False, unique=True),
        sa.Column("content_hash", sa.String, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("language", sa.String),
        sa.Column("published", sa.Date),
        sa.Column("flags", sa.JSON, nullable=False),
        sa.Column("error", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("raw_text", sa.Text, nullable=False),
        sa.Column("offsets", sa.JSON, nullable=False),
        sa.Column("story_id", ID),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_documents_language", "documents", ["language"])
    op.create_index("ix_documents_story_id", "documents", ["story_id"])


def _analyses() -> None:
    op.create_table(
        "analyses",
        sa.Column("document_id", ID, sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("mentions", sa.JSON, nullable=False),
    )
    op.create_table(
        "candidates",
        sa.Column("document_id", ID, sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("type", sa.String, nullable=False),
        sa.Column("status", sa.String, nullable=False),
        sa.Column("payload", sa.JSON, nullable=False),
    )
    op.create_index("ix_candidates_type", "candidates", ["type"])


def _derived() -> None:
    op.create_table(
        "stories",
        sa.Column("id", ID, primary_key=True),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("payload", sa.JSON, nullable=False),
    )
    op.create_index("ix_stories_position", "stories", ["position"])
    op.create_table(
        "events",
        sa.Column("id", ID, primary_key=True),
        sa.Column("type", sa.String, nullable=False),
        sa.Column("status", sa.String, nullable=False),
        sa.Column("date_start", sa.Date),
        sa.Column("date_end", sa.Date),
        sa.Column("location_name", sa.Text),
        sa.Column("story_id", ID),
        sa.Column("search_text", sa.Text, nullable=False),
        sa.Column("payload", sa.JSON, nullable=False),
    )
    for name, columns in (("ix_events_type", ["type"]), ("ix_events_status", ["status"]),
                          ("ix_events_order", ["date_start", "id"]), ("ix_events_date_end", ["date_end"])):
        op.create_index(name, "events", columns)
    for table, column in (("event_actors", "code"), ("event_topics", "topic")):
        op.create_table(
            table,
            sa.Column("event_id", ID, sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
            sa.Column(column, sa.String, primary_key=True),
        )
        op.create_index(f"ix_{table}_{column}", table, [column])


def downgrade() -> None:
    for table in ("event_topics", "event_actors", "events", "stories", "candidates", "analyses", "documents"):
        op.drop_table(table)
