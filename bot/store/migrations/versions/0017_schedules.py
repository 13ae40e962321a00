"""schedules: several post times per destination, weekly or weekdays only (issue 14)"""

import sqlalchemy as sa
from alembic import op

from bot.store.ddl import cascade, created_at, id_column, primary_key

revision = "0017_schedules"
down_revision = "0016_full_text_queue"


def upgrade() -> None:
    op.create_table(
        "schedules",
        id_column(),
        sa.Column("destination_id", sa.Integer(), nullable=False),
        sa.Column("days", sa.String(length=10), nullable=False),
        sa.Column("post_time", sa.String(length=5), nullable=False),
        sa.Column("what", sa.String(length=10), nullable=False),
        created_at(),
        cascade("schedules", "destination_id", "destinations"),
        primary_key("schedules", "id"),
        sa.UniqueConstraint(
            "destination_id", "days", "post_time", "what", name="uq_schedules_slot"
        ),
    )


def downgrade() -> None:
    op.drop_table("schedules")
