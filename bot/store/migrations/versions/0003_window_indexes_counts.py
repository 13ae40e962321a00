"""per-feed entry counts kept on the feed; an index for /why's URL lookup; fresh statistics;
poll leases on feeds (several processes on one database)
"""

import sqlalchemy as sa
from alembic import op

from bot.store.ddl import string, timestamp

revision = "0003"
down_revision = "0002_embeddings"


def upgrade() -> None:
    with op.batch_alter_table("feeds", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("entry_count", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.add_column(string("lease_owner", 100, null=True))
        batch_op.add_column(timestamp("lease_until", null=True))
    op.execute(
        "UPDATE feeds SET entry_count = "
        "(SELECT count(*) FROM entries WHERE entries.feed_id = feeds.id)"
    )
    with op.batch_alter_table("entries", schema=None) as batch_op:
        batch_op.create_index("ix_entries_url", ["url"], unique=False)
    # the planner's picture of the tables (SQLite gathers none unless asked)
    op.execute("ANALYZE")


def downgrade() -> None:
    with op.batch_alter_table("entries", schema=None) as batch_op:
        batch_op.drop_index("ix_entries_url")
    with op.batch_alter_table("feeds", schema=None) as batch_op:
        batch_op.drop_column("lease_until")
        batch_op.drop_column("lease_owner")
        batch_op.drop_column("entry_count")
