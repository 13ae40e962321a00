"""Property tests: for any digest, however nasty its feed text, every payload stays inside
the platform's limits, pings nobody, and carries every article link whole."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.feeds.urls import without_tracking
from bot.models import Digest
from bot.render.discord import render_discord
from bot.render.escape import safe_url
from bot.render.markdown import render_markdown
from bot.render.slack import render_slack
from render.factories import digests

PROPS = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# A live ping or mention token on each platform (case-insensitive like the platforms).
DISCORD_LIVE = re.compile(r"@(everyone|here)\b|<[@#:/]|<a:|<t:", re.IGNORECASE)
SLACK_LIVE = re.compile(r"<[!@#]|@(everyone|here|channel)\b", re.IGNORECASE)


def strings(payload: Any) -> Iterator[str]:
    if isinstance(payload, str):
        yield payload
    elif isinstance(payload, dict):
        for value in payload.values():
            yield from strings(value)
    elif isinstance(payload, list):
        for value in payload:
            yield from strings(value)


def links(digest: Digest) -> set[str]:
    return {
        u
        for s in digest.all_stories
        for a in s.articles
        if (u := safe_url(without_tracking(a.url)))
    }


@PROPS
@given(digests())
def test_discord_payloads_stay_inside_limits(digest: Digest) -> None:
    post = render_discord(digest)
    embeds = post.headline["embeds"]
    assert 1 <= len(embeds) <= 10
    total = 0
    for e in embeds:
        assert len(e["title"]) <= 256
        assert len(e["description"]) <= 4096
        assert len(e["footer"]["text"]) <= 2048
        total += len(e["title"]) + len(e["description"]) + len(e["footer"]["text"])
    assert total <= 6000
    assert 1 <= len(post.thread_name) <= 100
    assert "\n" not in post.thread_name
    assert post.thread_messages
    for msg in post.thread_messages:
        assert 0 < len(msg["content"]) <= 2000


@PROPS
@given(digests())
def test_discord_never_pings(digest: Digest) -> None:
    post = render_discord(digest)
    payloads = [post.headline, *post.thread_messages]
    for p in payloads:
        assert p["allowed_mentions"] == {"parse": []}
    for text in strings([*payloads, post.thread_name]):
        assert not DISCORD_LIVE.search(text), text


@PROPS
@given(digests())
def test_discord_thread_carries_every_link_whole(digest: Digest) -> None:
    post = render_discord(digest)
    messages = [m["content"] for m in post.thread_messages]
    for url in links(digest):
        assert any(f"(<{url}>)" in m for m in messages), url


@PROPS
@given(digests())
def test_slack_payloads_stay_inside_limits(digest: Digest) -> None:
    post = render_slack(digest)
    for p in [post.headline, *post.thread]:
        assert p["unfurl_links"] is False and p["unfurl_media"] is False
        assert 0 < len(p["text"]) <= 40000
        assert 1 <= len(p["blocks"]) <= 50
        for block in p["blocks"]:
            if block["type"] == "section":
                assert 0 < len(block["text"]["text"]) <= 3000
            elif block["type"] == "header":
                assert 0 < len(block["text"]["text"]) <= 150
            elif block["type"] == "context":
                assert 1 <= len(block["elements"]) <= 10
                assert all(0 < len(el["text"]) <= 3000 for el in block["elements"])


@PROPS
@given(digests())
def test_slack_never_pings_and_carries_every_link(digest: Digest) -> None:
    post = render_slack(digest)
    texts = list(strings([post.headline, *post.thread]))
    for text in texts:
        # our own links are <https://...|label>; nothing else may open with "<"
        assert not SLACK_LIVE.search(text), text
    sections = [
        b["text"]["text"] for p in post.thread for b in p["blocks"] if b["type"] == "section"
    ]
    for url in links(digest):
        assert any(f"<{url}|" in s for s in sections), url


@PROPS
@given(digests())
def test_markdown_carries_every_link(digest: Digest) -> None:
    text = render_markdown(digest)
    for url in links(digest):
        assert f"(<{url}>)" in text


def test_escaped_bracket_in_text_never_lets_a_split_cut_a_later_link() -> None:
    # Found by the property above: "\[" in escaped feed text used to start a link span that
    # ran to the next real link, hiding every line break, so the split cut the link itself.
    from dataclasses import replace

    from bot.models import DigestArticle
    from render.factories import END, sample_digest

    words = ["word", "plain", "plain", "<@!123>", "<@!123>", "<!channel>"]
    words += ["[click](https://evil.example)", "> quote", "&", "|", "|", "|"]
    base = sample_digest()
    assert base.lead is not None
    lead = replace(
        base.lead,
        headline="",
        summary=" ".join(words * 20),
        take=None,
        articles=(
            DigestArticle(title="", url="javascript:alert(1)", source="", published=END),
            DigestArticle(title="", url="https://a.example/", source="", published=END),
        ),
    )
    digest = replace(base, title="", lead=lead, stories=(), bottom_line="", signoff="")
    messages = [m["content"] for m in render_discord(digest).thread_messages]
    for url in links(digest):
        assert any(f"(<{url}>)" in m for m in messages), url


@PROPS
@given(digests(), st.integers(10**16, 10**19))
def test_a_chosen_role_is_the_only_discord_ping(digest: Digest, role: int) -> None:
    post = render_discord(replace(digest, ping=str(role)))
    assert post.headline["content"] == f"<@&{role}>"
    assert post.headline["allowed_mentions"] == {"parse": [], "roles": [str(role)]}
    for p in post.thread_messages:
        assert p["allowed_mentions"] == {"parse": []}
    rest = {k: v for k, v in post.headline.items() if k != "content"}
    for text in strings([rest, *post.thread_messages, post.thread_name]):
        assert not DISCORD_LIVE.search(text), text  # the feed's text still pings no one


@PROPS
@given(digests(), st.from_regex(r"S[A-Z0-9]{8,11}", fullmatch=True))
def test_a_chosen_user_group_is_the_only_slack_ping(digest: Digest, group: str) -> None:
    post = render_slack(replace(digest, ping=group))
    mention = f"<!subteam^{group}>"
    assert post.headline["blocks"][0]["text"]["text"] == mention
    assert post.headline["text"].startswith(mention + " ")
    for text in strings([post.headline, *post.thread]):
        assert not SLACK_LIVE.search(text.replace(mention, "")), text
