"""The embedding cache: one vector per article and model (the optional grouping signal)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime

from sqlalchemy import delete, insert, select

from bot.store.rows import StoreBase
from bot.store.schema import embeddings


class EmbeddingsMixin(StoreBase):
    async def get_embeddings(
        self, entry_ids: Iterable[int], model: str
    ) -> dict[int, tuple[str, bytes]]:
        """Cached vectors of these entries for ``model``: id -> (content hash, float32 bytes)."""
        ids = sorted(set(entry_ids))
        out: dict[int, tuple[str, bytes]] = {}
        async with self.engine.connect() as conn:
            for start in range(0, len(ids), 500):  # SQLite's bound-parameter limit
                rows = await conn.execute(
                    select(embeddings.c.entry_id, embeddings.c.content_hash, embeddings.c.vector)
                    .where(embeddings.c.model == model)
                    .where(embeddings.c.entry_id.in_(ids[start : start + 500]))
                )
                out.update({r.entry_id: (r.content_hash, bytes(r.vector)) for r in rows})
        return out

    async def put_embeddings(
        self, model: str, vectors: Mapping[int, tuple[str, bytes]], now: datetime
    ) -> None:
        """Store vectors (id -> (content hash, float32 bytes)), replacing older ones."""
        if not vectors:
            return
        ids = list(vectors)
        async with self.engine.begin() as conn:
            await conn.execute(
                delete(embeddings)
                .where(embeddings.c.model == model)
                .where(embeddings.c.entry_id.in_(ids))
            )
            await conn.execute(
                insert(embeddings),
                [
                    dict(entry_id=i, model=model, content_hash=h, vector=v, created_at=now)
                    for i, (h, v) in vectors.items()
                ],
            )
