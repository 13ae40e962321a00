"""Build the configured summarizer: ``extractive`` (default), ``openai`` or ``anthropic``.

``openai`` pointed at Ollama (port 11434, or ``llm_api = "ollama"``) talks to Ollama's
native API instead, so the context length can be set per request.

The LLM transports reuse the app's shared httpx client. That is safe: the feed SSRF
guard lives in ``Fetcher`` (it checks each URL before each hop), not in the client, so a
local model at ``http://localhost:11434/v1`` is reachable; and every LLM request sets its
own ``Accept`` header and timeout, so the client's feed defaults do not apply. When no
client is given the summarizer opens its own; close it with ``await summarizer.aclose()``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from bot.clock import Clock, SystemClock
from bot.config import Settings
from bot.errors import ConfigError
from bot.summarize.base import Summarizer
from bot.summarize.offline.summarizer import ExtractiveSummarizer

if TYPE_CHECKING:  # the LLM writer (tiktoken, tenacity) and httpx load only when configured
    import httpx

    from bot.summarize.llm.transport import Transport


def make_summarizer(
    settings: Settings, store: Any, client: httpx.AsyncClient | None, clock: Clock | None
) -> Summarizer:
    if settings.backend == "extractive":
        return ExtractiveSummarizer()
    spec = llm_spec(settings)  # a ConfigError here, before any client is opened
    http = client if client is not None else _own_client()
    from bot.summarize.llm.summarizer import LLMSummarizer

    summarizer = LLMSummarizer.from_settings(
        spec.transport(http, settings), settings, store, clock or SystemClock()
    )
    if client is None:
        summarizer.owned_client = http
    return summarizer


def _own_client() -> httpx.AsyncClient:
    import httpx  # here, not at the top: the offline writer never loads it

    return httpx.AsyncClient()


@dataclass(frozen=True)
class LLMSpec:
    backend: str
    base_url: str
    model: str
    api_key: str | None

    def transport(self, client: httpx.AsyncClient, settings: Settings) -> Transport:
        from bot.summarize.llm.ollama import OllamaChat
        from bot.summarize.llm.transport import AnthropicMessages, OpenAIChat, RetryPolicy

        policy = RetryPolicy(
            retries=max(0, settings.llm_retries),
            timeout=settings.llm_timeout,
            temperature=settings.llm_temperature,
        )
        if self.backend == "ollama":
            return OllamaChat(
                client,
                base_url=self.base_url,
                model=self.model,
                context_tokens=settings.llm_context_tokens,
                policy=policy,
            )
        if self.backend == "anthropic":
            return AnthropicMessages(
                client,
                base_url=self.base_url,
                model=self.model,
                api_key=self.api_key or "",
                policy=policy,
            )
        return OpenAIChat(
            client, base_url=self.base_url, model=self.model, api_key=self.api_key, policy=policy
        )


def openai_needs_key(base_url: str) -> bool:
    """api.openai.com needs a key; a local or self-hosted OpenAI-compatible server may not."""
    return (urlsplit(base_url.strip()).hostname or "").endswith("api.openai.com")


def llm_spec(settings: Settings) -> LLMSpec:
    """The endpoint, model and key of the configured LLM backend, checked."""
    if settings.backend == "openai":
        base_url = settings.openai_base_url.strip()
        model = settings.openai_model.strip()
        _check_url("OPENAI_BASE_URL", base_url)
        if not model:
            raise ConfigError(
                "the openai backend needs a model", hint="set OPENAI_MODEL (e.g. llama3.1:8b)"
            )
        key = settings.secret("openai_api_key")
        if not key and openai_needs_key(base_url):
            raise ConfigError(
                "OPENAI_API_KEY is not set (api.openai.com needs one)",
                hint="set OPENAI_API_KEY in .env, or point OPENAI_BASE_URL at a local "
                "server such as Ollama (http://localhost:11434/v1)",
            )
        from bot.summarize.llm.ollama import is_ollama

        # Ollama's native API is the one that takes the context length (num_ctx)
        ollama = settings.llm_api == "ollama" or (
            settings.llm_api == "auto" and is_ollama(base_url)
        )
        return LLMSpec("ollama" if ollama else "openai", base_url, model, key)
    if settings.backend == "anthropic":
        key = settings.secret("anthropic_api_key")
        if not key:
            raise ConfigError(
                "ANTHROPIC_API_KEY is not set (the anthropic backend needs it)",
                hint="set ANTHROPIC_API_KEY in .env or the environment, "
                "or use --backend extractive",
            )
        base_url = settings.anthropic_base_url.strip()
        _check_url("ANTHROPIC_BASE_URL", base_url)
        model = settings.anthropic_model.strip()
        if not model:
            raise ConfigError("the anthropic backend needs a model", hint="set ANTHROPIC_MODEL")
        return LLMSpec("anthropic", base_url, model, key)
    raise ConfigError(
        f"unknown summarizer backend {settings.backend!r}",
        hint="use extractive, openai or anthropic",
    )


def _check_url(name: str, url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError(
            f"{name} is not an http(s) URL: {url!r}",
            hint=f"set {name} like https://api.example.com/v1",
        )
