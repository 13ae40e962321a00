"""The offline summarizer: central sentences, plain words, every story written."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.models import Article, DigestWindow, Story
from bot.summarize.extractive import summarize_documents
from bot.summarize.voice import ExtractiveSummarizer, plain

T = datetime(2026, 8, 21, 12, tzinfo=UTC)
WINDOW = DigestWindow(start=T, end=T, tz="UTC", label="today")
HYPE = ("revolutionary", "game-changing", "groundbreaking", "unprecedented", "leverage")


def _article(i: int, feed: str, title: str, text: str) -> Article:
    return Article(
        id=i,
        feed_id=i,
        feed_name=feed,
        guid=str(i),
        url=f"https://x/{i}",
        canonical_url=f"https://x/{i}",
        title=title,
        author=None,
        published_at=T,
        text=text,
        content_hash=str(i),
        first_seen_at=T,
        updated_at=T,
    )


def test_extractive_prefers_the_sentence_every_outlet_shares() -> None:
    docs = [
        "Acme raised $6 billion from investors. The office has a new coffee machine.",
        "Acme raised $6 billion in new funding from investors on Tuesday.",
        "Investors gave Acme $6 billion. Its chief likes long walks in the hills near town.",
    ]
    picked = summarize_documents(docs, budget_words=8)
    assert "6 billion" in picked[0]
    assert not any("coffee" in s for s in picked)


def test_plain_words_replace_corporate_ones_and_drop_attribution() -> None:
    out = plain("Acme will leverage its capital (about $2 billion) to grow, the company said.")
    assert "leverage" not in out and "capital" not in out
    assert "use" in out and "money" in out
    assert "company said" not in out and "(" not in out


async def test_offline_voice_writes_every_story_without_hype() -> None:
    lead = Story(
        key="a",
        articles=(
            _article(
                1,
                "Wire",
                "Acme raises $6 billion",
                "Acme raised $6 billion. It is groundbreaking, the CEO said.",
            ),
            _article(2, "Daily", "Acme funding", "Acme raised $6 billion from investors."),
        ),
    )
    other = Story(
        key="b",
        articles=(_article(3, "Blog", "Beta ships model", "Beta shipped a new model today."),),
    )
    text = await ExtractiveSummarizer().write([lead, other], WINDOW)
    assert len(text.stories) == 2
    assert text.stories[0].take and text.stories[0].take.startswith("My read:")
    body = " ".join(f"{s.summary} {s.take or ''}" for s in text.stories) + text.bottom_line
    assert "6 billion" in body
    assert not any(h in body.lower() for h in HYPE)
    assert text.backend == "extractive"
