"""Build the configured summarizer. LLM backends are not wired yet: extractive for all."""

from __future__ import annotations

from typing import Any

import httpx

from bot.config import Settings
from bot.summarize.base import Summarizer
from bot.summarize.voice import ExtractiveSummarizer


def make_summarizer(
    settings: Settings, store: Any, client: httpx.AsyncClient | None, clock: Any
) -> Summarizer:
    return ExtractiveSummarizer()
