"""schedules: several post times per destination, weekly or weekdays only (issue 14)

Revision ID: 0017_schedules
Revises: 0016_full_text_queue
"""

import sqlalchemy as sa
from alembic import op

revision = "0017_schedules"
down_revision = "0016_full_text_queue"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "schedules",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("destination_id", sa.Integer(), nullable=False),
        sa.Column("days", sa.String(length=10), nullable=False),
        sa.Column("post_time", sa.String(length=5), nullable=False),
        sa.Column("what", sa.String(length=10), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["destination_id"],
            ["destinations.id"],
            name=op.f("fk_schedules_destination_id_destinations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_schedules")),
        sa.UniqueConstraint(
            "destination_id", "days", "post_time", "what", name="uq_schedules_slot"
        ),
    )


def downgrade() -> None:
    op.drop_table("schedules")
