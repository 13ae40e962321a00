"""embeddings: cached embedding vectors per article and model (issue 7)"""

from bot.store.ddl import binary, create_table, created_at, drop_table, integer, string

revision = "0002_embeddings"
down_revision = "0001"


def upgrade() -> None:
    create_table(
        "embeddings",
        integer("entry_id"),
        string("model", 200),
        string("content_hash", 64),
        binary("vector"),
        created_at(),
        key=["entry_id", "model"],
        parents={"entry_id": "entries"},
    )


def downgrade() -> None:
    drop_table("embeddings")
