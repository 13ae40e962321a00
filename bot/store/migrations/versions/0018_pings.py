"""pings: the role or user group a destination's scheduled post pings (issue 14)"""

from bot.store.ddl import create_table, created_at, drop_table, integer, string

revision = "0018_pings"
down_revision = "0017_schedules"


def upgrade() -> None:
    create_table(
        "pings",
        integer("destination_id"),
        string("target", 40),
        created_at(),
        key=["destination_id"],
        parents={"destination_id": "destinations"},
    )


def downgrade() -> None:
    drop_table("pings")
