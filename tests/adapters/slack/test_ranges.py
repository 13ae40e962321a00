"""``/digest since DATE`` and ``/digest days N`` through Bolt against the fake of Slack."""

from __future__ import annotations

from datetime import timedelta

import aiohttp
from support.fake_slack import FakeSlack

from adapters.slack.test_http_commands import texts
from adapters.slack.test_manage_commands import send
from bot.adapters.slack.parse import DigestWindowCmd, parse_digest
from bot.adapters.slack.runner import SlackAdapter
from bot.clock import FixedClock


async def test_digest_days_posts_the_span_and_a_bad_range_is_one_line(
    adapter: SlackAdapter, slack_api: FakeSlack, http: aiohttp.ClientSession, clock: FixedClock
) -> None:
    sent = await send(http, adapter, slack_api, "/digest", "days 2")
    assert "days:2" in sent.json()["text"]  # acked at once: the digest is coming
    await slack_api.wait_for(lambda s: len(s.posts) >= 2)
    headline = "\n".join(texts(slack_api.posts[0].params))
    assert "Aug 20 to Aug 22, 2026" in headline

    clock.advance(timedelta(minutes=2))  # past the public digest's cooldown
    bad = await send(
        http,
        adapter,
        slack_api,
        "/digest",
        "since 2026-07-01",
        response_url=slack_api.response_url("bad"),
    )
    await slack_api.wait_for(lambda s: len(s.responses("bad")) == 1)
    answer = slack_api.responses("bad")[0].params["text"]
    assert "more than 31 days" in answer and "since:YYYY-MM-DD" in answer
    assert bad.status == 200
    assert len([p for p in slack_api.posts if "thread_ts" not in p.params]) == 1


def test_range_words_parse_in_both_spellings() -> None:
    assert parse_digest("since 2026-08-01 chips") == DigestWindowCmd("since:2026-08-01", "chips")
    assert parse_digest("days:3") == DigestWindowCmd("days:3")
