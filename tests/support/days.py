"""Real days for tests and benchmarks: the demo's bundled snapshots, stored without HTTP."""

from __future__ import annotations

import tomllib
from datetime import datetime
from pathlib import Path

from bot.clock import parse_iso
from bot.feeds.normalize import normalize_entries
from bot.feeds.parse import parse_feed
from bot.models import FeedSpec
from bot.store.store import Store

SNAPSHOTS = Path(__file__).resolve().parents[2] / "demo" / "snapshots"
PLAN = tomllib.loads((SNAPSHOTS / "demo.toml").read_text(encoding="utf-8"))
DEMO_NOW = parse_iso(PLAN["now"])


async def load_day(store: Store, now: datetime) -> dict[str, int]:
    """Every demo feed that parses, stored as a poll at ``now`` would store it."""
    ids: dict[str, int] = {}
    for spec in PLAN["feed"]:
        feed = await store.add_feed(
            FeedSpec(
                name=spec["name"],
                url=f"https://feeds.example/{spec['file']}",
                tags=tuple(spec.get("tags", ())),
                weight=float(spec.get("weight", 1.0)),
            ),
            now,
        )
        ids[spec["name"]] = feed.id
        try:
            parsed = parse_feed((SNAPSHOTS / spec["file"]).read_bytes(), url=feed.url)
        except Exception as exc:  # the demo's challenge page: a failing source
            await store.record_failure(
                feed.id,
                now,
                kind="not_a_feed",
                message=str(exc),
                next_poll_at=now,
                http_status=200,
                duration_ms=1.0,
            )
            continue
        await store.upsert_entries(feed.id, normalize_entries(parsed, now=now), now)
    return ids
