"""A real loopback chat-model server for tests and benchmarks (aiohttp.web).

It speaks both APIs the bot uses:

    POST /v1/chat/completions   OpenAI-compatible (openai_base_url = srv.openai_url)
    POST /v1/messages           Anthropic Messages (anthropic_base_url = srv.base_url)
    POST /api/chat              Ollama's native chat (base = srv.base_url)

    async with LLMServer() as srv:
        srv.script(Reply.text('{"headline": ...}'), Reply.status(429, retry_after="7"))
        srv.respond = lambda req: Reply.text(...)   # used once the script runs out
        srv.requests                                 # every request seen, parsed

Replies are wrapped in the right envelope for the path they answer (``choices[0].message``
or ``content[0].text``) with a ``usage`` block unless ``usage=None``. ``Reply.hang()``
sends nothing until the server closes, so the client's own timeout is what ends it.

Like the real services, it refuses a request without the fields they require (model,
messages, max_tokens for Anthropic) or without the configured key, with a 400/401.

``LLMServer(context=8192)`` is a server started with that context length: an OpenAI-style
request whose prompt plus ``max_tokens`` exceed it gets vLLM's 400 and message, an
Anthropic one its "prompt is too long" 400; Ollama, like the real one, does not refuse
but cuts (``Seen.truncated``), and takes ``options.num_ctx`` as the context when sent.
Prompt tokens are counted with the bot's own offline encoding plus the chat template's
tokens (``TEMPLATE_PER_MESSAGE`` each), which the bot does not count itself.
"""

from __future__ import annotations

import asyncio
import json
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from bot.summarize.llm.budget import TokenCounter

TEMPLATE_PER_MESSAGE = 5  # <|start_header_id|>role<|end_header_id|>...<|eot_id|>
OLLAMA_DEFAULT_CTX = 2048


@dataclass(frozen=True)
class Reply:
    kind: str  # "text" | "status" | "raw" | "hang"
    body: str = ""
    code: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    usage: tuple[int, int] | None = (100, 20)

    @classmethod
    def text(cls, content: str, *, usage: tuple[int, int] | None = (100, 20)) -> Reply:
        return cls("text", content, usage=usage)

    @classmethod
    def json(cls, value: Any, *, usage: tuple[int, int] | None = (100, 20)) -> Reply:
        return cls("text", json.dumps(value), usage=usage)

    @classmethod
    def status(cls, code: int, body: str = "", *, retry_after: str | None = None) -> Reply:
        headers = {"Retry-After": retry_after} if retry_after is not None else {}
        return cls(
            "status", body or json.dumps({"error": {"message": f"HTTP {code}"}}), code, headers
        )

    @classmethod
    def raw(cls, body: str, status: int = 200) -> Reply:
        return cls("raw", body, code=status)

    @classmethod
    def hang(cls) -> Reply:
        return cls("hang")


@dataclass(frozen=True)
class Seen:
    """One request as the server saw it."""

    path: str
    headers: dict[str, str]
    body: dict[str, Any]

    @property
    def api(self) -> str:
        if self.path.endswith("/messages"):
            return "anthropic"
        return "ollama" if self.path == "/api/chat" else "openai"

    @property
    def max_tokens(self) -> int:
        if self.api == "ollama":
            return int(self.body.get("options", {}).get("num_predict", -1))
        return int(self.body.get("max_tokens") or self.body.get("max_completion_tokens") or 0)

    @property
    def prompt_tokens(self) -> int:
        """The prompt as a server counts it: the text plus its chat template."""
        counter = TokenCounter.for_model("llama3.1:8b")
        parts = [self.system, self.user]
        return sum(counter.count(p) + TEMPLATE_PER_MESSAGE for p in parts) + 1

    @property
    def num_ctx(self) -> int | None:
        value = self.body.get("options", {}).get("num_ctx")
        return value if isinstance(value, int) else None

    @property
    def system(self) -> str:
        if self.api == "anthropic":
            return str(self.body.get("system", ""))
        return "".join(m["content"] for m in self.body["messages"] if m["role"] == "system")

    @property
    def user(self) -> str:
        return "".join(m["content"] for m in self.body["messages"] if m["role"] == "user")


class LLMServer:
    def __init__(
        self,
        *,
        openai_key: str | None = None,
        anthropic_key: str | None = None,
        host: str = "127.0.0.1",
        context: int | None = None,
    ) -> None:
        self.host = host
        self.port = 0
        self.openai_key = openai_key
        self.anthropic_key = anthropic_key
        self.context = context
        self.model_context = 131072  # what /api/show says the model can take
        self.truncated: list[Seen] = []  # Ollama requests whose prompt was cut
        self.requests: list[Seen] = []
        self.respond: Callable[[Seen], Reply] | None = None
        self._script: deque[Reply] = deque()
        self._closing = asyncio.Event()
        self._runner: web.AppRunner | None = None

    # setup ----------------------------------------------------------------
    def script(self, *replies: Reply) -> None:
        """Answer the next requests with these, in order; then ``respond`` takes over."""
        self._script.extend(replies)

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def openai_url(self) -> str:
        return f"{self.base_url}/v1"

    async def __aenter__(self) -> LLMServer:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_post("/v1/chat/completions", self._handle)
        app.router.add_post("/v1/messages", self._handle)
        app.router.add_post("/api/chat", self._handle)
        app.router.add_post("/api/show", self._show)
        self._runner = web.AppRunner(app, shutdown_timeout=0.5)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, 0)
        await site.start()
        server = site._server
        assert server is not None and server.sockets  # type: ignore[union-attr]
        self.port = server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return self

    async def __aexit__(self, *exc: object) -> None:
        self._closing.set()
        if self._runner is not None:
            await self._runner.cleanup()

    # serving ----------------------------------------------------------------
    async def _handle(self, request: web.Request) -> web.StreamResponse:
        try:
            body = await request.json()
        except json.JSONDecodeError:
            return _error(400, "body is not JSON")
        seen = Seen(request.path, dict(request.headers), body)
        self.requests.append(seen)
        refusal = self._refuse(seen)
        if refusal is not None:
            return refusal
        reply = self._next(seen)
        if reply.kind == "hang":
            await self._closing.wait()
            return web.Response(status=503)
        if reply.kind == "status":
            return web.Response(
                status=reply.code,
                text=reply.body,
                headers=reply.headers,
                content_type="application/json",
            )
        if reply.kind == "raw":
            return web.Response(status=reply.code, text=reply.body)
        return web.json_response(_envelope(seen, reply))

    async def _show(self, request: web.Request) -> web.StreamResponse:
        """Ollama's model card: its trained context length (``model_context``)."""
        body = await request.json()
        info = {"general.architecture": "llama", "llama.context_length": self.model_context}
        return web.json_response({"model_info": info, "details": {"family": body.get("model")}})

    def _next(self, seen: Seen) -> Reply:
        if self._script:
            return self._script.popleft()
        if self.respond is not None:
            return self.respond(seen)
        return Reply.status(500, "no scripted reply left")

    def _refuse(self, seen: Seen) -> web.Response | None:
        if not isinstance(seen.body.get("model"), str) or not seen.body["model"]:
            return _error(400, "model is required")
        messages = seen.body.get("messages")
        if not isinstance(messages, list) or not messages:
            return _error(400, "messages is required")
        if seen.api == "anthropic":
            if not isinstance(seen.body.get("max_tokens"), int):
                return _error(400, "max_tokens is required")
            if self.anthropic_key and seen.headers.get("x-api-key") != self.anthropic_key:
                return _error(401, "invalid x-api-key")
            if not seen.headers.get("anthropic-version"):
                return _error(400, "anthropic-version header is required")
        elif self.openai_key and seen.headers.get("Authorization") != f"Bearer {self.openai_key}":
            return _error(401, "Incorrect API key provided")
        return self._too_long(seen)

    def _too_long(self, seen: Seen) -> web.Response | None:
        if seen.api == "ollama":
            ctx = seen.num_ctx or self.context or OLLAMA_DEFAULT_CTX
            if seen.prompt_tokens + max(0, seen.max_tokens) > ctx:
                self.truncated.append(seen)  # Ollama says nothing and drops the start
            return None
        if self.context is None:
            return None
        prompt, wanted = seen.prompt_tokens, seen.max_tokens
        if prompt + wanted <= self.context:
            return None
        if seen.api == "anthropic":
            return _error(400, f"prompt is too long: {prompt + wanted} tokens > {self.context}")
        message = (
            f"This model's maximum context length is {self.context} tokens. However, you "
            f"requested {prompt + wanted} tokens ({prompt} in the messages, {wanted} in the "
            "completion). Please reduce the length of the messages or completion."
        )
        body = {"object": "error", "message": message, "type": "BadRequestError", "code": 400}
        return web.json_response(body, status=400)


def _error(status: int, message: str) -> web.Response:
    return web.json_response({"error": {"message": message}}, status=status)


def _anthropic_content(seen: Seen, reply: Reply) -> list[dict[str, Any]]:
    """A forced tool's reply is a tool_use block whose input is the JSON (when it is one)."""
    choice = seen.body.get("tool_choice") or {}
    if choice.get("type") == "tool":
        try:
            value = json.loads(reply.body)
        except json.JSONDecodeError:
            value = None
        if isinstance(value, dict):
            return [{"type": "tool_use", "id": "toolu_1", "name": choice["name"], "input": value}]
    return [{"type": "text", "text": reply.body}]


def _envelope(seen: Seen, reply: Reply) -> dict[str, Any]:
    model = seen.body["model"]
    if seen.api == "ollama":
        done: dict[str, Any] = {
            "model": model,
            "message": {"role": "assistant", "content": reply.body},
            "done": True,
        }
        if reply.usage is not None:
            done["prompt_eval_count"], done["eval_count"] = reply.usage
        return done
    if seen.api == "anthropic":
        out: dict[str, Any] = {
            "id": "msg_test",
            "type": "message",
            "role": "assistant",
            "model": model,
            "content": _anthropic_content(seen, reply),
            "stop_reason": "end_turn",
        }
        if reply.usage is not None:
            out["usage"] = {"input_tokens": reply.usage[0], "output_tokens": reply.usage[1]}
        return out
    out = {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": reply.body},
                "finish_reason": "stop",
            }
        ],
    }
    if reply.usage is not None:
        out["usage"] = {
            "prompt_tokens": reply.usage[0],
            "completion_tokens": reply.usage[1],
            "total_tokens": sum(reply.usage),
        }
    return out
