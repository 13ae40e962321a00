"""No part of an API key reaches a digest's footer, even when httpx refuses the header.

A CRLF ``.env`` passed with ``docker run --env-file`` leaves "\\r" at the end of the key;
httpx then refuses the Authorization header and its error quotes it. Settings strip it, and
error texts that still carry a key are scrubbed with the log redactor before any note.
"""

from __future__ import annotations

import sys
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from support.llm_server import LLMServer
from support.llm_stories import WINDOW, day, summarizer

from bot.config import Settings
from bot.render.markdown import render_markdown

KEY = "sk-proj-Zq9wXb2Lm4Nc7Vd1Kf8Hj3Tg6Ry0Pe5Ua2So4Ii"


def test_settings_strip_a_stray_carriage_return_from_keys(tmp_path: Path) -> None:
    env = tmp_path / ".env"
    env.write_bytes(f"OPENAI_API_KEY={KEY}\r\nDISCORD_TOKEN= tok-abc123 \r\n".encode())
    settings = Settings(_env_file=env)  # type: ignore[call-arg]
    assert settings.secret("openai_api_key") == KEY
    assert settings.secret("discord_token") == "tok-abc123"


def _pieces(secret: str, size: int = 8) -> list[str]:
    return [secret[i : i + size] for i in range(len(secret) - size + 1)]


async def test_a_key_httpx_refuses_never_reaches_the_footer(
    srv: LLMServer, client: httpx.AsyncClient
) -> None:
    """The summarizer built by hand (no Settings to strip it): the redactor is the guard."""
    llm = summarizer(srv, client, api_key=KEY + "\r", retries=0)
    text = await llm.write(day(), WINDOW)
    assert text.backend.endswith("(fallback: extractive)")
    assert srv.requests == []  # httpx refused to send it
    footer = "\n".join(text.notes)
    assert "LLM failed (LocalProtocolError: Illegal header value" in footer
    assert "[redacted]" in footer
    for piece in _pieces(KEY):
        assert piece not in footer, piece


async def test_the_rendered_post_has_no_part_of_the_key(
    srv: LLMServer, client: httpx.AsyncClient, store: object
) -> None:
    from support.days import DEMO_NOW, load_day

    from bot.clock import FixedClock
    from bot.digest.build import DigestBuilder
    from bot.digest.select import window_for
    from bot.render.discord import render_discord
    from bot.render.slack import render_slack

    await load_day(store, DEMO_NOW)  # type: ignore[arg-type]
    llm = summarizer(srv, client, api_key=KEY + "\r", retries=0)
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    digest = await DigestBuilder(store, llm, settings, FixedClock(DEMO_NOW)).build(  # type: ignore[arg-type]
        window_for("today", DEMO_NOW, "UTC")
    )
    posts = [render_markdown(digest), str(render_discord(digest)), str(render_slack(digest))]
    for post in posts:
        assert "offline voice" in post
        for piece in _pieces(KEY):
            assert piece not in post
