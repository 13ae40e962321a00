"""pollers: the processes polling one database, for a fair split of the feeds (issue 12)

Two `newsbot run` processes on one PostgreSQL database claimed due feeds first come, first
served: whichever ticked first after a batch fell due took all of it, and a CI run saw a
172/728 split. Each process now records when it last looked for due feeds here, and claims
only its share (the enabled feeds over the live processes) in each interval.
"""

import sqlalchemy as sa
from alembic import op

from bot.store.ddl import primary_key

revision = "0020_pollers"
down_revision = "0019_search_cover"


def upgrade() -> None:
    op.create_table(
        "pollers",
        sa.Column("owner", sa.String(length=100), nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        primary_key("pollers", "owner"),
    )


def downgrade() -> None:
    op.drop_table("pollers")
