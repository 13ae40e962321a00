"""embeddings: cached embedding vectors per article and model (issue 7)"""

import sqlalchemy as sa
from alembic import op

from bot.store.ddl import cascade, created_at, primary_key

revision = "0002_embeddings"
down_revision = "0001"


def upgrade() -> None:
    op.create_table(
        "embeddings",
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("model", sa.String(length=200), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("vector", sa.LargeBinary(), nullable=False),
        created_at(),
        cascade("embeddings", "entry_id", "entries"),
        primary_key("embeddings", "entry_id", "model"),
    )


def downgrade() -> None:
    op.drop_table("embeddings")
