"""rules: a community's keyword rules and muted sources (issue 14)"""

from bot.store.ddl import create_table, created_at, drop_table, id_column, integer, string

revision = "0014_rules"
down_revision = "0003"

INDEXES = {"ix_rules_scope": ["scope"]}


def upgrade() -> None:
    create_table(
        "rules",
        id_column(),
        string("scope", 100),
        string("channel_id", 100),
        string("kind", 20),
        string("value", 200),
        integer("feed_id", null=True),
        string("created_by", 200, null=True),
        created_at(),
        parents={"feed_id": "feeds"},
        unique={"uq_rules_scope_channel_kind": ["scope", "channel_id", "kind", "value"]},
        indexes=INDEXES,
    )


def downgrade() -> None:
    drop_table("rules", INDEXES)
