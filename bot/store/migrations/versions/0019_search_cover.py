"""search_cover: a covering index for search's newest matches (issue 14)

A search reads the id, feed and date of its newest 2,000 matches; from the entries table
itself that means reading rows that carry the whole text (most of a search's time on a
300k-entry archive). This index holds just those three columns.
"""

from alembic import op

revision = "0019_search_cover"
down_revision = "0018_pings"


def upgrade() -> None:
    op.create_index("ix_entries_id_feed_published", "entries", ["id", "feed_id", "published_at"])


def downgrade() -> None:
    op.drop_index("ix_entries_id_feed_published", table_name="entries")
