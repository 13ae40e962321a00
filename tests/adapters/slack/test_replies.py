"""/sources pages stay inside Slack's limits whatever the feeds are called or how they fail
(Slack refuses a whole message with one oversized block), lose no source across pages, and
never carry a live mention."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.adapters.slack.replies import PAGE_SIZE, sources_page
from bot.models import Feed

NOW = datetime(2026, 8, 22, 18, 0, tzinfo=UTC)
NASTY = st.sampled_from(["<!channel>", "<!here>", "@everyone", "<@U123>", "&", "*", "_", "|", ">"])
TEXT = st.lists(st.one_of(NASTY, st.text(min_size=1, max_size=40)), max_size=60).map("".join)


@st.composite
def feeds(draw: st.DrawFn) -> list[Feed]:
    out = []
    for i in range(draw(st.integers(0, 3 * PAGE_SIZE + 3))):
        failing = draw(st.booleans())
        out.append(
            Feed(
                id=i,
                name=f"{i}:" + draw(TEXT),
                url=draw(st.sampled_from(["https://a.example/feed", "ftp://x", "https://"]))
                + draw(TEXT)[:3000],
                enabled=draw(st.booleans()),
                scope=draw(st.sampled_from([None, "slack:T1"])),
                consecutive_failures=3 if failing else 0,
                failing_since=NOW - timedelta(hours=5) if failing else None,
                last_error=draw(TEXT) * 5 if failing else None,
                last_error_kind="http" if failing else None,
                last_success_at=None if failing else NOW - timedelta(minutes=7),
            )
        )
    return out


def section_texts(payload: dict[str, object]) -> list[str]:
    blocks = payload["blocks"]
    assert isinstance(blocks, list)
    return [b["text"]["text"] for b in blocks if "text" in b]


@settings(max_examples=40, deadline=None)
@given(feeds())
def test_pages_fit_slack_and_list_every_source_once(all_feeds: list[Feed]) -> None:
    pages = max(1, -(-len(all_feeds) // PAGE_SIZE))
    listed = 0
    for page in range(1, pages + 1):
        payload = sources_page(all_feeds, page, NOW)
        blocks = payload["blocks"]
        assert isinstance(blocks, list) and len(blocks) <= 50
        texts = section_texts(payload)
        assert all(0 < len(t) <= 3000 for t in texts)
        body = "\n".join(texts[1:])
        listed += len(re.findall(r"^• \*", body, re.M))
        assert not re.search(r"<[!@]", body)  # no live mention, broadcast or user
        assert not re.search(r"@(everyone|here|channel)\b", body)
        assert payload["unfurl_links"] is False
    assert listed == len(all_feeds)
