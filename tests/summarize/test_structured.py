"""Structured output: each call carries its reply's schema in the form the server takes."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from support.llm_server import LLMServer, Reply
from support.llm_stories import WINDOW, day, summarizer

REFUSED = json.dumps({"error": {"message": "response_format json_schema is not supported"}})


async def test_a_server_that_refuses_json_schema_is_asked_with_json_object_then_plain(
    srv: LLMServer, client: httpx.AsyncClient
) -> None:
    srv.script(Reply.status(400, REFUSED), Reply.status(400, REFUSED))
    llm = summarizer(srv, client)
    text = await llm.write(day(), WINDOW)

    formats = [seen.body.get("response_format", {}).get("type") for seen in srv.requests]
    assert formats == ["json_schema", "json_object", None]
    assert "fallback" not in text.backend and text.notes == ()
    await llm.write(day()[:2], WINDOW)  # remembered: no more refused requests
    assert "response_format" not in srv.requests[-1].body


async def test_anthropic_gets_a_forced_tool_and_ollama_a_format(
    srv: LLMServer, client: httpx.AsyncClient
) -> None:
    text = await summarizer(srv, client, backend="anthropic").write(day(), WINDOW)
    body = srv.requests[-1].body
    assert body["tool_choice"] == {"type": "tool", "name": "digest"}
    assert body["tools"][0]["input_schema"]["required"] == ["hook", "bottom_line", "stories"]
    assert text.stories[0].headline == "Acme raises $2 billion for its model lab"  # tool input

    await summarizer(srv, client, backend="ollama").write(day(), WINDOW)
    body = srv.requests[-1].body
    assert srv.requests[-1].path == "/api/chat"
    assert body["format"]["required"] == ["hook", "bottom_line", "stories"]
    assert body["options"]["num_ctx"] == 32768
