"""full-text queue: entries are stored as their feed is parsed; article pages fill them later"""

import sqlalchemy as sa
from alembic import op

from bot.store.ddl import cascade, created_at, primary_key

revision = "0016_full_text_queue"
down_revision = "0015_search"


def upgrade() -> None:
    # a plain ADD COLUMN: a batch (copy-and-move) of entries would drop its search triggers
    op.add_column("entries", sa.Column("full_text_at", sa.DateTime(timezone=True), nullable=True))
    op.create_table(
        "full_text_queue",
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("host", sa.String(length=255), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("not_before", sa.DateTime(timezone=True), nullable=False),
        sa.Column("lease_owner", sa.String(length=100), nullable=True),
        sa.Column("lease_until", sa.DateTime(timezone=True), nullable=True),
        created_at(),
        cascade("full_text_queue", "entry_id", "entries"),
        primary_key("full_text_queue", "entry_id"),
    )
    op.create_index("ix_full_text_queue_not_before", "full_text_queue", ["not_before"])
    op.create_index("ix_full_text_queue_host", "full_text_queue", ["host"])


def downgrade() -> None:
    op.drop_index("ix_full_text_queue_host", table_name="full_text_queue")
    op.drop_index("ix_full_text_queue_not_before", table_name="full_text_queue")
    op.drop_table("full_text_queue")
    op.execute("ALTER TABLE entries DROP COLUMN full_text_at")  # no batch: see upgrade
