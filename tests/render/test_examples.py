"""What a reader sees: the shape of each rendering on a normal day and on a quiet day."""

from __future__ import annotations

import json

from bot.render.discord import render_discord
from bot.render.escape import discord_text, safe_url, slack_link, slack_text
from bot.render.jsonout import digest_to_dict
from bot.render.markdown import render_markdown
from bot.render.slack import render_slack
from render.factories import quiet_digest, sample_digest


def test_markdown_follows_the_style_guide_shape() -> None:
    text = render_markdown(sample_digest())
    order = [
        "# Aug 22 — Acme's $2B and an open model",
        "## Acme raises $2B for its model lab",
        "Acme raised $2 billion at a $20 billion valuation.",
        "**The take:** that money buys chips",
        "*3 outlets:*",
        "## Also on the wire",
        "### Beta ships an open model (1 outlet)",
        "**Bottom line:** Money is loud today",
        "— The Desk",
        "4 articles from 4 sources",
    ]
    positions = [text.index(piece) for piece in order]
    assert positions == sorted(positions)
    assert "[Acme's $2B round](<https://www.theverge.com/ai/acme-round>) — The Verge AI" in text
    # a parenthesis would end the Markdown link early, so it is percent-encoded
    assert "(<https://example.org/beta?x=1&y=%282%29>)" in text
    assert "1 source skipped: DeepMind (timeout since Aug 22 09:00)" in text  # Berlin time
    assert "1,200 tokens in, 300 out" in text
    assert "1 LLM sentence dropped: not in any source" in text
    assert "2026-08-21 14:00 to 2026-08-22 14:00 (Europe/Berlin)" in text


def test_quiet_day_says_so_without_padding() -> None:
    text = render_markdown(quiet_digest())
    assert "Quiet day on the wire" in text
    assert "Also on the wire" not in text
    assert "0 articles from 0 sources" in text
    slack = render_slack(quiet_digest())
    assert slack.headline["blocks"][0]["type"] == "header"
    discord = render_discord(quiet_digest())
    assert "Quiet day" in discord.headline["embeds"][0]["description"]
    assert "in the thread" not in discord.headline["embeds"][0]["description"]


def test_json_matches_the_cli_contract() -> None:
    data = digest_to_dict(sample_digest())
    json.dumps(data)  # JSON-able as it is
    assert list(data) == [
        "title", "window", "lead", "stories", "bottom_line", "signoff", "stats",
    ]  # fmt: skip
    assert data["window"] == {
        "start": "2026-08-21T12:00:00+00:00",
        "end": "2026-08-22T12:00:00+00:00",
        "tz": "Europe/Berlin",
    }
    assert set(data["lead"]) == {
        "headline", "summary", "take", "citations", "articles", "followup",
    }  # fmt: skip
    assert data["lead"]["followup"] is None
    assert data["stories"][0]["take"] is None
    assert data["lead"]["articles"][0] == {
        "title": "Acme raises $2B",
        "url": "https://techcrunch.com/2026/08/22/acme-raises/",
        "source": "TechCrunch",
        "published": "2026-08-22T11:00:00+00:00",
    }
    stats = data["stats"]
    assert {k: stats[k] for k in ("articles", "sources", "stories", "backend")} == {
        "articles": 4, "sources": 4, "stories": 2, "backend": "extractive",
    }  # fmt: skip
    assert stats["failed_sources"][0]["name"] == "DeepMind"
    assert stats["failed_sources"][0]["reason"] == "timeout"
    assert digest_to_dict(quiet_digest())["lead"] is None


def test_discord_headline_is_one_embed_and_thread_has_every_link() -> None:
    post = render_discord(sample_digest())
    embed = post.headline["embeds"][0]
    assert embed["title"] == discord_text("Aug 22 — Acme's $2B and an open model")
    assert "**Also on the wire**" in embed["description"]
    assert "(1 outlet)" in embed["description"]
    assert post.headline["allowed_mentions"] == {"parse": []}
    assert post.thread_name == "Aug 22 — Acme's $2B and an open model"
    thread = "\n".join(m["content"] for m in post.thread_messages)
    for story in sample_digest().all_stories:
        for a in story.articles:
            assert f"(<{safe_url(a.url)}>)" in thread
    assert "DeepMind (timeout" in thread


def test_discord_splits_a_long_day_at_story_boundaries() -> None:
    base = sample_digest()
    lead = base.lead
    assert lead is not None
    stories = tuple(
        type(lead)(
            headline=f"Story {i}",
            summary=("A plain sentence about chips. " * 40).strip(),
            take=None,
            articles=lead.articles,
        )
        for i in range(8)
    )
    digest = type(base)(**{**base.__dict__, "stories": stories})
    post = render_discord(digest)
    assert len(post.thread_messages) > 1
    for msg in post.thread_messages:
        assert len(msg["content"]) <= 2000
        # each message starts at a story (or the footer), never mid-story
        assert msg["content"].startswith(("**", "-# "))


def test_slack_payloads_turn_off_unfurls_and_escape_feed_text() -> None:
    post = render_slack(sample_digest())
    assert post.headline["unfurl_links"] is False
    assert post.headline["blocks"][0]["text"]["text"].startswith("Aug 22")
    sections = " ".join(
        b["text"]["text"] for p in post.thread for b in p["blocks"] if b["type"] == "section"
    )
    assert "<https://example.org/beta?x=1&y=%282%29|Beta opens up>" in sections
    assert post.thread[-1]["blocks"][-1]["type"] == "context"


def test_escapes_neutralise_pings_and_markup() -> None:
    assert discord_text("@everyone look") == "@\u200beveryone look"
    assert discord_text("hi <@&123>") == "hi <\u200b@&123>"
    assert discord_text("[x](https://evil)") == "\\[x\\](https://evil)"
    assert slack_text("<!channel> & <@U1>") == "&lt;!channel&gt; &amp; &lt;@U1&gt;"
    assert slack_text("hey @here") == "hey @\u200bhere"
    assert slack_link("a > b", "https://x.example/p|q") == "<https://x.example/p%7Cq|a &gt; b>"
    assert safe_url("javascript:alert(1)") is None


def test_a_labelled_take_or_bottom_line_is_not_labelled_twice() -> None:
    digest = sample_digest()  # its take starts "My read:"
    md = render_markdown(digest)
    assert "My read: that money" not in md and "**The take:** that money" in md
    discord = json.dumps(render_discord(digest).headline)
    assert "The take:** that money" in discord and "My read: that money" not in discord
    slack = json.dumps(render_slack(digest).headline)
    assert "The take:* that money" in slack and "My read: that money" not in slack
