"""initial schema"""

import sqlalchemy as sa
from alembic import op

from bot.store.ddl import cascade, created_at, id_column, primary_key

revision = "0001"
down_revision = None


def upgrade() -> None:
    op.create_table(
        "destinations",
        id_column(),
        sa.Column("platform", sa.String(length=20), nullable=False),
        sa.Column("channel_id", sa.String(length=100), nullable=False),
        sa.Column("scope", sa.String(length=100), nullable=False),
        sa.Column("post_time", sa.String(length=5), nullable=False),
        sa.Column("tz", sa.String(length=64), nullable=False),
        sa.Column("topic", sa.Text(), nullable=True),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("last_window_end", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_by", sa.String(length=200), nullable=True),
        created_at(),
        primary_key("destinations", "id"),
        sa.UniqueConstraint("platform", "channel_id", name="uq_destinations_platform_channel"),
    )
    op.create_table(
        "feeds",
        id_column(),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("tags", sa.Text(), nullable=False),
        sa.Column("weight", sa.Float(), nullable=False),
        sa.Column("full_text", sa.Boolean(), nullable=True),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("scope", sa.String(length=100), nullable=False),
        sa.Column("added_by", sa.String(length=200), nullable=True),
        sa.Column("etag", sa.Text(), nullable=True),
        sa.Column("last_modified", sa.Text(), nullable=True),
        sa.Column("last_success_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("last_error_kind", sa.String(length=50), nullable=True),
        sa.Column("last_error_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("failing_since", sa.DateTime(timezone=True), nullable=True),
        sa.Column("consecutive_failures", sa.Integer(), nullable=False),
        sa.Column("next_poll_at", sa.DateTime(timezone=True), nullable=True),
        created_at(),
        primary_key("feeds", "id"),
        sa.UniqueConstraint("scope", "name", name="uq_feeds_scope_name"),
        sa.UniqueConstraint("scope", "url", name="uq_feeds_scope_url"),
    )
    op.create_table(
        "notices",
        id_column(),
        sa.Column("destination_key", sa.String(length=200), nullable=False),
        sa.Column("notice_key", sa.String(length=300), nullable=False),
        created_at(),
        primary_key("notices", "id"),
        sa.UniqueConstraint("destination_key", "notice_key", name="uq_notices_destination_notice"),
    )
    op.create_table(
        "summaries",
        sa.Column("key", sa.String(length=128), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("tokens_in", sa.Integer(), nullable=False),
        sa.Column("tokens_out", sa.Integer(), nullable=False),
        created_at(),
        primary_key("summaries", "key"),
    )
    op.create_table(
        "entries",
        id_column(),
        sa.Column("feed_id", sa.Integer(), nullable=False),
        sa.Column("guid", sa.Text(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("canonical_url", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("author", sa.Text(), nullable=True),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("fetched_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("first_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        cascade("entries", "feed_id", "feeds"),
        primary_key("entries", "id"),
        sa.UniqueConstraint("feed_id", "canonical_url", name="uq_entries_feed_canonical_url"),
        sa.UniqueConstraint("feed_id", "guid", name="uq_entries_feed_guid"),
    )
    with op.batch_alter_table("entries", schema=None) as batch_op:
        batch_op.create_index("ix_entries_canonical_url", ["canonical_url"], unique=False)
        batch_op.create_index("ix_entries_content_hash", ["content_hash"], unique=False)
        batch_op.create_index("ix_entries_published_at", ["published_at"], unique=False)

    op.create_table(
        "fetch_log",
        id_column(),
        sa.Column("feed_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=30), nullable=False),
        sa.Column("http_status", sa.Integer(), nullable=True),
        sa.Column("duration_ms", sa.Float(), nullable=False),
        sa.Column("new", sa.Integer(), nullable=False),
        sa.Column("updated", sa.Integer(), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        cascade("fetch_log", "feed_id", "feeds"),
        primary_key("fetch_log", "id"),
    )
    with op.batch_alter_table("fetch_log", schema=None) as batch_op:
        batch_op.create_index("ix_fetch_log_feed_at", ["feed_id", "at"], unique=False)

    op.create_table(
        "posts",
        id_column(),
        sa.Column("destination_id", sa.Integer(), nullable=False),
        sa.Column("window_key", sa.String(length=100), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("window_start", sa.DateTime(timezone=True), nullable=False),
        sa.Column("window_end", sa.DateTime(timezone=True), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("message_ref", sa.Text(), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("owner", sa.String(length=100), nullable=True),
        created_at(),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        cascade("posts", "destination_id", "destinations"),
        primary_key("posts", "id"),
        sa.UniqueConstraint("destination_id", "window_key", name="uq_posts_destination_window"),
    )


def downgrade() -> None:
    op.drop_table("posts")
    with op.batch_alter_table("fetch_log", schema=None) as batch_op:
        batch_op.drop_index("ix_fetch_log_feed_at")

    op.drop_table("fetch_log")
    with op.batch_alter_table("entries", schema=None) as batch_op:
        batch_op.drop_index("ix_entries_published_at")
        batch_op.drop_index("ix_entries_content_hash")
        batch_op.drop_index("ix_entries_canonical_url")

    op.drop_table("entries")
    op.drop_table("summaries")
    op.drop_table("notices")
    op.drop_table("feeds")
    op.drop_table("destinations")
