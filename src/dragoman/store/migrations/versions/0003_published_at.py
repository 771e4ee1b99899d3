"""Documents keep their publication time when the source gives one: reports hours apart are closer
candidates for one story than reports a day apart.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("published_at", sa.DateTime))


def downgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("published_at")
