"""pollers: the processes polling one database, for a fair split of the feeds (issue 12)

Two `newsbot run` processes on one PostgreSQL database claimed due feeds first come, first
served: whichever ticked first after a batch fell due took all of it, and a CI run saw a
172/728 split. Each process now records when it last looked for due feeds here, and claims
only its share (the enabled feeds over the live processes) in each interval.
"""

from bot.store.ddl import create_table, drop_table, string, timestamp

revision = "0020_pollers"
down_revision = "0019_search_cover"


def upgrade() -> None:
    create_table(
        "pollers",
        string("owner", 100),
        timestamp("seen_at"),
        key=["owner"],
    )


def downgrade() -> None:
    drop_table("pollers")
