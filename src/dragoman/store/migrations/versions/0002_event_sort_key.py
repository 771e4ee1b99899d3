"""Events get a sort key (start date, undated last) with an index, so listing pages in date order is an
index scan instead of a sort of every matching payload.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

UNDATED = "9999-12-31"


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("sort_key", sa.Date, nullable=False, server_default=UNDATED))
    op.execute(f"UPDATE events SET sort_key = COALESCE(date_start, '{UNDATED}')")
    op.create_index("ix_events_sort", "events", ["sort_key", "id"])


def downgrade() -> None:
    op.drop_index("ix_events_sort", "events")
    with op.batch_alter_table("events") as batch:
        batch.drop_column("sort_key")
