"""entries.content_hash loses its index: no query looks an entry up by its hash (issue 12)

The hash is read with the rows a poll matches (by feed and guid or URL), compared in Python,
and carried into digests and the embeddings table; nothing asks the database for the rows of
a given hash, on SQLite or PostgreSQL. Its index cost every new entry a write at a random
place in a B-tree of 64-character keys: recording bench/poll.py's cold poll (27,743 new
entries, batches of 20 feeds) took 1.59/1.53/1.56 s of CPU and 6.1/5.7/5.7 s with it,
1.27/1.34/1.25 s and 3.5/2.8/4.0 s without (alternating, load about 6).
"""

from alembic import op

revision = "0025_no_content_hash_index"
down_revision = "0024_search_queue_batched"


def upgrade() -> None:
    op.drop_index("ix_entries_content_hash", table_name="entries")


def downgrade() -> None:
    op.create_index("ix_entries_content_hash", "entries", ["content_hash"], unique=False)
