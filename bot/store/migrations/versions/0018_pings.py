"""pings: the role or user group a destination's scheduled post pings (issue 14)"""

import sqlalchemy as sa
from alembic import op

from bot.store.ddl import cascade, created_at, primary_key

revision = "0018_pings"
down_revision = "0017_schedules"


def upgrade() -> None:
    op.create_table(
        "pings",
        sa.Column("destination_id", sa.Integer(), nullable=False),
        sa.Column("target", sa.String(length=40), nullable=False),
        created_at(),
        cascade("pings", "destination_id", "destinations"),
        primary_key("pings", "destination_id"),
    )


def downgrade() -> None:
    op.drop_table("pings")
