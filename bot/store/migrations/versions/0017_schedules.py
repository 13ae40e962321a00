"""schedules: several post times per destination, weekly or weekdays only (issue 14)"""

from bot.store.ddl import create_table, created_at, drop_table, id_column, integer, string

revision = "0017_schedules"
down_revision = "0016_full_text_queue"


def upgrade() -> None:
    create_table(
        "schedules",
        id_column(),
        integer("destination_id"),
        string("days", 10),
        string("post_time", 5),
        string("what", 10),
        created_at(),
        parents={"destination_id": "destinations"},
        unique={"uq_schedules_slot": ["destination_id", "days", "post_time", "what"]},
    )


def downgrade() -> None:
    drop_table("schedules")
