"""full-text queue: entries are stored as their feed is parsed; article pages fill them later"""

from alembic import op

from bot.store.ddl import create_table, created_at, drop_table, integer, string, text, timestamp

revision = "0016_full_text_queue"
down_revision = "0015_search"

INDEXES = {"ix_full_text_queue_not_before": ["not_before"], "ix_full_text_queue_host": ["host"]}


def upgrade() -> None:
    # a plain ADD COLUMN: a batch (copy-and-move) of entries would drop its search triggers
    op.add_column("entries", timestamp("full_text_at", null=True))
    create_table(
        "full_text_queue",
        integer("entry_id"),
        text("url"),
        string("host", 255),
        integer("attempts"),
        timestamp("not_before"),
        string("lease_owner", 100, null=True),
        timestamp("lease_until", null=True),
        created_at(),
        key=["entry_id"],
        parents={"entry_id": "entries"},
        indexes=INDEXES,
    )


def downgrade() -> None:
    drop_table("full_text_queue", INDEXES)
    op.execute("ALTER TABLE entries DROP COLUMN full_text_at")  # no batch: see upgrade
