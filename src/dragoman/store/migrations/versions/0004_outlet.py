"""Documents keep the name of the publication that carried them, when the source gives it (a sidecar's
``outlet``, a page's site name, a feed's title): conflicts and provenance cite outlets, not ids.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("outlet", sa.String))


def downgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("outlet")
