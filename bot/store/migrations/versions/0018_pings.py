"""pings: the role or user group a destination's scheduled post pings (issue 14)

Revision ID: 0018_pings
Revises: 0017_schedules
"""

import sqlalchemy as sa
from alembic import op

revision = "0018_pings"
down_revision = "0017_schedules"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pings",
        sa.Column("destination_id", sa.Integer(), nullable=False),
        sa.Column("target", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["destination_id"],
            ["destinations.id"],
            name=op.f("fk_pings_destination_id_destinations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("destination_id", name=op.f("pk_pings")),
    )


def downgrade() -> None:
    op.drop_table("pings")
