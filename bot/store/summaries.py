"""The summary cache: LLM story summaries by content, backend, model and prompt."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, insert, select

from bot.models import CachedSummary
from bot.store.rows import StoreBase
from bot.store.schema import summaries


class SummariesMixin(StoreBase):
    async def get_summary(self, key: str) -> CachedSummary | None:
        async with self.engine.connect() as conn:
            row = (await conn.execute(select(summaries).where(summaries.c.key == key))).first()
        if row is None:
            return None
        return CachedSummary(row.key, row.payload, row.tokens_in, row.tokens_out)

    async def put_summary(self, item: CachedSummary, now: datetime) -> None:
        async with self.engine.begin() as conn:
            await conn.execute(delete(summaries).where(summaries.c.key == item.key))
            await conn.execute(
                insert(summaries).values(
                    key=item.key,
                    payload=item.payload,
                    tokens_in=item.tokens_in,
                    tokens_out=item.tokens_out,
                    created_at=now,
                )
            )
