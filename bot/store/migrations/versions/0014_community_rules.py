"""rules: a community's keyword rules and muted sources (issue 14)"""

import sqlalchemy as sa
from alembic import op

from bot.store.ddl import cascade, created_at, id_column, primary_key

revision = "0014_rules"
down_revision = "0003"


def upgrade() -> None:
    op.create_table(
        "rules",
        id_column(),
        sa.Column("scope", sa.String(length=100), nullable=False),
        sa.Column("channel_id", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("value", sa.String(length=200), nullable=False),
        sa.Column("feed_id", sa.Integer(), nullable=True),
        sa.Column("created_by", sa.String(length=200), nullable=True),
        created_at(),
        cascade("rules", "feed_id", "feeds"),
        primary_key("rules", "id"),
        sa.UniqueConstraint(
            "scope", "channel_id", "kind", "value", name="uq_rules_scope_channel_kind"
        ),
    )
    with op.batch_alter_table("rules", schema=None) as batch_op:
        batch_op.create_index("ix_rules_scope", ["scope"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("rules", schema=None) as batch_op:
        batch_op.drop_index("ix_rules_scope")
    op.drop_table("rules")
