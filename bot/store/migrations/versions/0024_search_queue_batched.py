"""search_queue filled once per batch of new entries, not by a trigger per row (issue 12)

0023's insert trigger made every INSERT INTO entries a write to two tables, so SQLite kept a
statement journal for each row of a poll's many-row insert. The poll's upsert
(``bot/store/upserts.py``) now queues its batch's new ids with one ``INSERT ... SELECT``
after the batch's INSERT, and the trigger goes. Replaying bench/poll.py's cold poll (27,815
real texts in 100 transactions) on a quiet machine: 1.64/1.97/2.00 -> 1.43/1.44/1.47 s of
CPU. The edit and delete triggers stay. SQLite only, as in 0023.
"""

from alembic import op

revision = "0024_search_queue_batched"
down_revision = "0023_search_queue"


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS search_queue_insert")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE TRIGGER search_queue_insert AFTER INSERT ON entries BEGIN "
            "INSERT OR IGNORE INTO search_queue(entry_id) VALUES (new.id); END"
        )
