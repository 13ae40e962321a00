"""Every case of feedparser's own test corpus is handled: stored, or refused with a FeedError."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

from conftest import shared_or_skip

from bot.clock import FixedClock
from bot.errors import FeedError
from bot.feeds.normalize import normalize_entries
from bot.feeds.parse import parse_feed
from bot.models import FeedSpec
from bot.store.store import Store

NOW = datetime(2026, 8, 22, 12, 0, tzinfo=UTC)


async def test_feedparser_corpus_never_crashes(store: Store, clock: FixedClock) -> None:
    root = shared_or_skip("feedparser-tests")
    files = sorted(p for p in root.rglob("*") if p.suffix in (".xml", ".rdf", ".json"))
    assert len(files) > 2000
    feed = await store.add_feed(FeedSpec(name="corpus", url="https://corpus.example/"), NOW)
    crashes: list[str] = []
    outcomes: Counter[str] = Counter()
    batch = []
    for path in files:
        try:
            articles = normalize_entries(parse_feed(path.read_bytes(), url=str(path)), now=NOW)
        except FeedError as exc:
            outcomes[exc.kind.value] += 1
            continue
        except Exception as exc:  # collected and reported below
            crashes.append(f"{path.relative_to(root)}: {type(exc).__name__}: {exc}")
            continue
        outcomes["ok"] += 1
        batch.extend(articles)
    # one write for the whole corpus keeps the test fast; guid collisions across cases are fine
    await store.upsert_entries(feed.id, batch, NOW)
    assert not crashes, f"{len(crashes)} cases crashed:\n" + "\n".join(crashes[:30])
    assert outcomes["ok"] > 1500, outcomes
