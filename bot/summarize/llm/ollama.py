"""Ollama's native chat API (``POST {root}/api/chat``), where the context length is set.

Ollama's OpenAI-compatible endpoint uses the server's own context length (4,096 on most
machines, 2,048 on older versions) and silently drops the start of a longer prompt: the
persona goes first. Its native API takes ``options.num_ctx`` per request, so the bot sends
``llm_context_tokens`` there, with ``num_predict`` as the reply's cap and the reply's JSON
schema as ``format``.
"""

from __future__ import annotations

import asyncio
from typing import Any
from urllib.parse import urlsplit

import httpx

from bot.summarize.llm.transport import (
    Call,
    Completion,
    RetryPolicy,
    Sleep,
    _HTTPTransport,
    chat_messages,
)

OLLAMA_PORT = 11434


def is_ollama(base_url: str) -> bool:
    """Ollama's default port: the README's ``http://localhost:11434/v1``."""
    try:
        return urlsplit(base_url).port == OLLAMA_PORT
    except ValueError:
        return False


def ollama_root(base_url: str) -> str:
    """``http://host:11434/v1`` -> ``http://host:11434`` (the native API is beside /v1)."""
    base = base_url.rstrip("/")
    return base[: -len("/v1")] if base.endswith("/v1") else base


class OllamaChat(_HTTPTransport):
    backend = "ollama"

    def __init__(
        self,
        client: httpx.AsyncClient,
        *,
        base_url: str,
        model: str,
        context_tokens: int,
        policy: RetryPolicy,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        super().__init__(
            client,
            model=model,
            url=ollama_root(base_url) + "/api/chat",
            headers={},
            policy=policy,
            sleep=sleep,
        )
        self.context_tokens = context_tokens

    def _body(self, call: Call) -> dict[str, Any]:
        body: dict[str, Any] = {
            "model": self.model,
            "messages": chat_messages(call),
            "stream": False,
            "options": {
                "num_ctx": self.context_tokens,
                "num_predict": call.max_tokens,
                "temperature": self._policy.temperature,
            },
        }
        if call.schema is not None:
            body["format"] = call.schema
        return body

    def _read(self, data: Any) -> Completion:
        content = data["message"]["content"]
        if not isinstance(content, str):
            raise TypeError("message content is not text")
        tokens_in, tokens_out = data.get("prompt_eval_count"), data.get("eval_count")
        return Completion(
            text=content,
            tokens_in=tokens_in if isinstance(tokens_in, int) else None,
            tokens_out=tokens_out if isinstance(tokens_out, int) else None,
        )


async def model_context(client: httpx.AsyncClient, base_url: str, model: str) -> int | None:
    """The most context the model was trained for, as ``/api/show`` tells it (None if not)."""
    try:
        response = await client.post(ollama_root(base_url) + "/api/show", json={"model": model})
        info = response.json().get("model_info") or {}
    except (httpx.HTTPError, ValueError, AttributeError):
        return None
    lengths = [v for k, v in info.items() if k.endswith(".context_length") and isinstance(v, int)]
    return lengths[0] if lengths else None
