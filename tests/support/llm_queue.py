"""A Transport that answers from a queue: for tests of the LLM logic, no HTTP involved."""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bot.summarize.llm.transport import Call, Completion


@dataclass(frozen=True)
class Asked:
    system: str
    user: str
    max_tokens: int
    schema: dict[str, Any] | None


class QueueTransport:
    """Replies are strings, JSON-able values, or callables of the request (used in turn)."""

    backend = "queue"
    model = "fake-model"
    secrets: tuple[str, ...] = ()

    def __init__(self, *replies: str | dict[str, Any] | Callable[[Asked], str]) -> None:
        self.replies = deque(replies)
        self.asked: list[Asked] = []

    async def send(self, call: Call) -> Completion:
        asked = Asked(call.system, call.user, call.max_tokens, call.schema)
        self.asked.append(asked)
        reply = self.replies.popleft() if len(self.replies) > 1 else self.replies[0]
        if callable(reply):
            reply = reply(asked)
        text = reply if isinstance(reply, str) else json.dumps(reply)
        return Completion(text, None, None)
