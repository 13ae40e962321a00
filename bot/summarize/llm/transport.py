"""Thin HTTP transports to chat models, over httpx, with retries.

``OpenAIChat`` speaks ``POST {base}/chat/completions`` (OpenAI, vLLM, llama.cpp server,
LM Studio, OpenRouter); ``AnthropicMessages`` speaks ``POST {base}/v1/messages``;
``OllamaChat`` (ollama.py) speaks Ollama's own ``/api/chat``, the one place its context
length (``num_ctx``) can be set per request. All return a ``Completion`` or raise
``SummarizerError``.

Structured output: a call may carry the JSON schema its reply must follow. OpenAI-compatible
servers get it as ``response_format`` (``json_schema``; a server that refuses it with a 400
is asked again with ``json_object``, then with nothing, and remembered), Ollama as
``format``, Anthropic as a forced tool whose input is the reply.

Retries (tenacity): 429, 5xx and dropped connections are retried with exponential backoff
and jitter, honouring Retry-After; other 4xx are not (a bad key or a bad model name does
not get better). A call that outlasts ``llm_timeout`` is not retried either: a model that
slow would only make the digest late by several timeouts. A Retry-After longer than
``MAX_RETRY_AFTER`` ends the retries at once for the same reason.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Protocol

import httpx
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_if_exception,
    stop_after_attempt,
    wait_exponential_jitter,
)

from bot.errors import SummarizerError
from bot.feeds.fetch import parse_retry_after
from bot.logging_setup import redact

log = logging.getLogger("newsbot.summarize.llm")

MAX_RETRY_AFTER = 120.0  # seconds; a server asking for longer is treated as down
ANTHROPIC_VERSION = "2023-06-01"

Sleep = Callable[[float], Awaitable[None]]


@dataclass(frozen=True)
class Completion:
    text: str
    tokens_in: int | None  # from the API's usage block, when it sends one
    tokens_out: int | None


@dataclass(frozen=True)
class Call:
    """One request: the prompt, the reply's token cap, and the JSON schema it must follow."""

    system: str
    user: str
    max_tokens: int
    schema: dict[str, Any] | None = None
    schema_name: str = "reply"


def chat_messages(call: Call) -> list[dict[str, str]]:
    """The system and user messages, as OpenAI's and Ollama's chat APIs both take them."""
    return [{"role": "system", "content": call.system}, {"role": "user", "content": call.user}]


class Transport(Protocol):
    backend: str  # "openai" | "anthropic" | "ollama"
    model: str
    secrets: tuple[str, ...]  # scrubbed from every error text

    async def send(self, call: Call) -> Completion: ...


class LLMCallError(SummarizerError):
    """One failed attempt; ``retryable`` and ``retry_after`` steer the retry loop."""

    def __init__(
        self,
        message: str,
        *,
        kind: str,
        retryable: bool = False,
        retry_after: float | None = None,
        status: int | None = None,
    ) -> None:
        super().__init__(message)
        self.kind = kind  # "timeout", "rate_limited", "http", "connect", "bad_response"
        self.retryable = retryable
        self.retry_after = retry_after
        self.status = status
        self.detail = ""  # the server's own words (redacted), for deciding, not for posts


@dataclass(frozen=True)
class RetryPolicy:
    retries: int = 3
    timeout: float = 60.0
    backoff_initial: float = 1.0
    backoff_max: float = 30.0
    temperature: float = 0.2


class _RetryAfterOrBackoff:
    """Wait what the server asked for, else exponential backoff with jitter."""

    def __init__(self, policy: RetryPolicy) -> None:
        self._backoff = wait_exponential_jitter(
            initial=policy.backoff_initial, max=policy.backoff_max
        )

    def __call__(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        if isinstance(exc, LLMCallError) and exc.retry_after is not None:
            return exc.retry_after
        return float(self._backoff(state))


def _should_retry(exc: BaseException) -> bool:
    if not isinstance(exc, LLMCallError) or not exc.retryable:
        return False
    return exc.retry_after is None or exc.retry_after <= MAX_RETRY_AFTER


class _HTTPTransport:
    backend = "llm"

    def __init__(
        self,
        client: httpx.AsyncClient,
        *,
        model: str,
        url: str,
        headers: dict[str, str],
        policy: RetryPolicy,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self.model = model
        self._client = client
        self._url = url
        self._headers = {"Accept": "application/json", **headers}
        self._policy = policy
        self._sleep = sleep
        # every header value, raw and stripped: an error about a bad header quotes it
        raw = [v for k, v in headers.items() if k.lower() in _SECRET_HEADERS]
        self.secrets = tuple(
            {p for v in raw for p in (v, v.strip(), v.split(" ", 1)[-1].strip()) if len(p) >= 4}
        )

    def _body(self, call: Call) -> dict[str, Any]:
        raise NotImplementedError

    def _read(self, data: Any) -> Completion:
        raise NotImplementedError

    async def send(self, call: Call) -> Completion:
        body = self._body(call)
        retrying = AsyncRetrying(
            stop=stop_after_attempt(self._policy.retries + 1),
            wait=_RetryAfterOrBackoff(self._policy),
            retry=retry_if_exception(_should_retry),
            sleep=self._sleep,
            reraise=True,
            before_sleep=self._log_retry,
        )
        result: Completion = await retrying(self._attempt, body)
        return result

    def _log_retry(self, state: RetryCallState) -> None:
        exc = state.outcome.exception() if state.outcome else None
        wait = state.next_action.sleep if state.next_action else 0.0
        # DEBUG: a model that stays down is one WARNING from the day run, not one per attempt
        log.debug(
            "%s:%s attempt %d failed (%s); retrying in %.1f s",
            self.backend,
            self.model,
            state.attempt_number,
            exc,
            wait,
        )

    async def _attempt(self, body: dict[str, Any]) -> Completion:
        timeout = self._policy.timeout
        try:
            async with asyncio.timeout(timeout):
                response = await self._client.post(
                    self._url, json=body, headers=self._headers, timeout=timeout
                )
        except (TimeoutError, httpx.TimeoutException) as exc:
            raise LLMCallError(f"no answer within {timeout:g} s", kind="timeout") from exc
        except (httpx.ConnectError, httpx.RemoteProtocolError, httpx.ReadError) as exc:
            raise LLMCallError(
                f"cannot reach {self._url} ({type(exc).__name__})",
                kind="connect",
                retryable=True,
            ) from exc
        except httpx.HTTPError as exc:
            # e.g. a key with a stray "\r": httpx refuses the header and quotes it
            text = redact(f"{type(exc).__name__}: {exc}", self.secrets)
            raise LLMCallError(text, kind="connect") from exc
        status = response.status_code
        if status >= 400:
            # the body says why (bad key, unknown model); logged, kept out of the footer
            log.warning("%s:%s HTTP %d %s", self.backend, self.model, status, _snippet(response))
        if status == 429 or status >= 500:
            raise LLMCallError(
                f"HTTP {status}",
                kind="rate_limited" if status == 429 else "http",
                retryable=True,
                retry_after=parse_retry_after(response.headers.get("Retry-After")),
                status=status,
            )
        if status >= 400:
            error = LLMCallError(f"HTTP {status}", kind="http", status=status)
            error.detail = redact(_snippet(response), self.secrets)
            raise error
        try:
            return self._read(response.json())
        except (json.JSONDecodeError, KeyError, IndexError, TypeError, ValueError) as exc:
            log.warning("%s:%s odd response %s", self.backend, self.model, _snippet(response))
            raise LLMCallError(
                f"the answer is not an {self.backend} API response", kind="bad_response"
            ) from exc


class OpenAIChat(_HTTPTransport):
    """Any OpenAI-compatible ``/chat/completions`` endpoint."""

    backend = "openai"

    def __init__(
        self,
        client: httpx.AsyncClient,
        *,
        base_url: str,
        model: str,
        api_key: str | None,
        policy: RetryPolicy,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        # Local servers (Ollama, llama.cpp) need no key; sending none is their convention.
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        super().__init__(
            client,
            model=model,
            url=base_url.rstrip("/") + "/chat/completions",
            headers=headers,
            policy=policy,
            sleep=sleep,
        )
        self.json_mode = "json_schema"  # then "json_object", then "" (a server refused it)

    def _body(self, call: Call) -> dict[str, Any]:
        body: dict[str, Any] = {
            "model": self.model,
            "messages": chat_messages(call),
            "max_tokens": call.max_tokens,
            "temperature": self._policy.temperature,
            "stream": False,
        }
        if call.schema is not None and self.json_mode == "json_schema":
            body["response_format"] = {
                "type": "json_schema",
                "json_schema": {"name": call.schema_name, "schema": call.schema},
            }
        elif call.schema is not None and self.json_mode == "json_object":
            body["response_format"] = {"type": "json_object"}
        return body

    async def send(self, call: Call) -> Completion:
        while True:
            try:
                return await super().send(call)
            except LLMCallError as exc:
                if call.schema is None or not self._refused_format(exc):
                    raise
                self.json_mode = "json_object" if self.json_mode == "json_schema" else ""
                mode = self.json_mode or "off"
                log.info("%s:%s: asking again with JSON mode %s", self.backend, self.model, mode)

    def _refused_format(self, exc: LLMCallError) -> bool:
        """A 400 about ``response_format`` from a server that does not know it."""
        detail = exc.detail.lower()
        return (
            exc.status in (400, 422)
            and self.json_mode != ""
            and any(w in detail for w in ("response_format", "json_schema", "json_object"))
        )

    def _read(self, data: Any) -> Completion:
        content = data["choices"][0]["message"]["content"]
        if not isinstance(content, str):
            raise TypeError("message content is not text")
        return _completion(content, data, "prompt_tokens", "completion_tokens")


class AnthropicMessages(_HTTPTransport):
    """Anthropic's Messages API."""

    backend = "anthropic"

    def __init__(
        self,
        client: httpx.AsyncClient,
        *,
        base_url: str,
        model: str,
        api_key: str,
        policy: RetryPolicy,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        base = base_url.rstrip("/")
        url = base + "/messages" if base.endswith("/v1") else base + "/v1/messages"
        super().__init__(
            client,
            model=model,
            url=url,
            headers={"x-api-key": api_key, "anthropic-version": ANTHROPIC_VERSION},
            policy=policy,
            sleep=sleep,
        )

    def _body(self, call: Call) -> dict[str, Any]:
        body: dict[str, Any] = {
            "model": self.model,
            "max_tokens": call.max_tokens,
            "system": call.system,
            "messages": [{"role": "user", "content": call.user}],
            "temperature": self._policy.temperature,
        }
        if call.schema is not None:  # tool use is Anthropic's structured output
            body["tools"] = [
                {
                    "name": call.schema_name,
                    "description": "Write the reply as this tool's input.",
                    "input_schema": call.schema,
                }
            ]
            body["tool_choice"] = {"type": "tool", "name": call.schema_name}
        return body

    def _read(self, data: Any) -> Completion:
        blocks = data["content"]
        tools = [b["input"] for b in blocks if b.get("type") == "tool_use"]
        text = "".join(b.get("text", "") for b in blocks if b.get("type") == "text")
        if tools:
            text = json.dumps(tools[0])
        if not text and data.get("stop_reason") not in ("end_turn", "max_tokens"):
            raise ValueError("no text block")
        return _completion(text, data, "input_tokens", "output_tokens")


_SECRET_HEADERS = {"authorization", "x-api-key"}


def _completion(text: str, data: Any, tokens_in: str, tokens_out: str) -> Completion:
    """The reply's text and the token counts of its usage block, under the API's names."""
    usage = data.get("usage") or {}
    return Completion(text, _int_or_none(usage.get(tokens_in)), _int_or_none(usage.get(tokens_out)))


def _int_or_none(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _snippet(response: httpx.Response) -> str:
    text = " ".join(response.text.split())[:160]
    return f"({text})" if text else ""
