"""The offline writer as a ``Summarizer``: what ``backend = "extractive"`` selects."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from bot.models import DigestWindow, Story
from bot.summarize.base import DigestText
from bot.summarize.offline.voice import write_offline


class ExtractiveSummarizer:
    name = "extractive"

    async def write(self, stories: Sequence[Story], window: DigestWindow) -> DigestText:
        # sentence ranking is CPU work; the event loop keeps answering slash commands
        return await asyncio.to_thread(write_offline, stories, window)
