"""What a reader noticed (issue 11): tracking parameters in links, the lead's headline said
twice, and a week digest talking about "the day"."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta

from bot.digest.period import period_words
from bot.feeds.urls import without_tracking
from bot.models import Digest, DigestWindow
from bot.render.common import quiet_line
from bot.render.discord import render_discord
from bot.render.markdown import render_markdown
from bot.render.slack import render_slack
from render.factories import END, art, quiet_digest, sample_digest

TRACKED = "https://techcrunch.com/2026/08/22/acme/?utm_source=rss&utm_medium=feed&id=7&fbclid=X"


def _tracked_digest() -> Digest:
    base = sample_digest()
    assert base.lead is not None
    lead = replace(base.lead, articles=(art("Acme raises", TRACKED, "TechCrunch"),))
    return replace(base, lead=lead)


def test_links_are_shown_without_tracking_parameters_on_every_platform() -> None:
    digest = _tracked_digest()
    slack = json.dumps([render_slack(digest).headline, *render_slack(digest).thread])
    discord = render_discord(digest)
    discord_text = json.dumps([discord.headline, *discord.thread_messages])
    for text in (render_markdown(digest), slack, discord_text):
        assert "utm_" not in text and "fbclid" not in text
        assert "https://techcrunch.com/2026/08/22/acme/?id=7" in text
    assert digest.lead is not None and digest.lead.articles[0].url == TRACKED  # kept as stored


def test_only_click_trackers_are_dropped() -> None:
    assert without_tracking("https://github.com/a/b/blob/x?ref=main") == (
        "https://github.com/a/b/blob/x?ref=main"
    )
    assert without_tracking("https://a.example/p?q=a%20b&utm_term=x#top") == (
        "https://a.example/p?q=a%20b#top"
    )
    assert without_tracking("https://a.example/p?utm_source=x") == "https://a.example/p"


def _headline_in_title() -> Digest:
    base = sample_digest()
    assert base.lead is not None
    return replace(base, title=f"Sat Aug 22, 2026 — {base.lead.headline}")


def test_slack_says_the_lead_headline_once() -> None:
    digest = _headline_in_title()
    assert digest.lead is not None
    post = render_slack(digest)
    assert post.headline["text"].count(digest.lead.headline) == 1
    first = post.headline["blocks"][1]["text"]["text"]
    assert digest.lead.headline not in first
    assert "<https://techcrunch.com/2026/08/22/acme-raises/|TechCrunch>" in first
    assert "3 outlets" in first


def test_discord_embed_does_not_repeat_the_title() -> None:
    digest = _headline_in_title()
    assert digest.lead is not None
    post = render_discord(digest)
    description = post.headline["embeds"][0]["description"]
    assert digest.lead.headline not in description  # the title above says it
    assert "**The lead** (3 outlets)" in description
    assert "The Verge AI" in post.thread_messages[0]["content"]  # the thread has every link


def test_markdown_does_not_repeat_the_title_as_the_lead_heading() -> None:
    text = render_markdown(_headline_in_title())
    assert "## The lead" in text
    assert text.count("Acme raises $2B for its model lab") == 1


def test_a_week_digest_speaks_of_a_week() -> None:
    week = DigestWindow(start=END - timedelta(days=7), end=END, tz="UTC", label="week")
    quiet = replace(quiet_digest(), window=week)
    assert quiet_line(quiet).startswith("Quiet week on the wire")
    assert "Quiet week" in render_markdown(quiet) and "Quiet day" not in render_markdown(quiet)
    said = period_words("The day came down to two things: a, and b. More tomorrow.", week)
    assert said == "The week came down to two things: a, and b. More next week."
    assert period_words("A quiet day", week) == "A quiet week"
    day = replace(week, start=END - timedelta(days=1), label="today")
    assert period_words("A quiet day", day) == "A quiet day"


def test_discord_thread_does_not_repeat_what_the_embed_says() -> None:
    digest = sample_digest()
    assert digest.lead is not None and digest.lead.summary
    post = render_discord(digest)
    description = post.headline["embeds"][0]["description"]
    first = post.thread_messages[0]["content"]
    sentence = digest.lead.summary.split(".")[0]
    assert sentence in description
    assert sentence not in first  # said once, in the embed
    assert digest.lead.headline in first and "The Verge AI" in first  # the thread keeps links


def test_discord_thread_carries_a_lead_the_embed_had_to_cut() -> None:
    digest = sample_digest()
    assert digest.lead is not None
    long_summary = " ".join(f"Point {i} of the lead is told in full here." for i in range(120))
    lead = replace(digest.lead, summary=long_summary)
    post = render_discord(replace(digest, lead=lead))
    thread = "".join(m["content"] for m in post.thread_messages)
    assert "Point 119 of the lead" in thread
    assert "Point 119 of the lead" not in post.headline["embeds"][0]["description"]
