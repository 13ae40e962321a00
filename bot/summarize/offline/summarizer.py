"""The offline writer as a ``Summarizer``: what ``backend = "extractive"`` selects."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from bot.models import DigestWindow, Story
from bot.summarize.base import DigestText
from bot.summarize.offline import templates as T


class ExtractiveSummarizer:
    name = "extractive"

    async def write(self, stories: Sequence[Story], window: DigestWindow) -> DigestText:
        if not stories:  # the voice's own quiet-day answer, without loading the voice
            return DigestText(hook=T.QUIET_HOOK, stories=(), bottom_line=T.QUIET, backend=self.name)
        # the offline voice (its rules, patterns and numpy: a tenth of a second and more of
        # CPU to load) is loaded by the first digest with stories, not by every start-up
        from bot.summarize.offline.voice import write_offline

        # sentence ranking is CPU work; the event loop keeps answering slash commands
        return await asyncio.to_thread(write_offline, stories, window)
