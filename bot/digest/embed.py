"""Optional grouping signal: article embeddings from an OpenAI-compatible endpoint.

Off unless ``embeddings_base_url`` is set (Ollama with ``nomic-embed-text``, vLLM,
OpenAI: anything that answers ``POST {base}/embeddings``). Each article's vector is
cached in the database by article, model and content hash, so an article is embedded
once (again only when its text changes). When the endpoint fails, the grouping goes on
with the vectors it has and the words alone: one log line, nothing lost.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime
from typing import Any, Protocol

import httpx
import numpy as np
import numpy.typing as npt

from bot.config import Settings
from bot.digest.features import body_words
from bot.models import Article

log = logging.getLogger(__name__)

BATCH = 64

Vector = npt.NDArray[np.float32]


class EmbeddingCache(Protocol):
    async def get_embeddings(
        self, entry_ids: Sequence[int], model: str
    ) -> dict[int, tuple[str, bytes]]: ...

    async def put_embeddings(
        self, model: str, vectors: dict[int, tuple[str, bytes]], now: datetime
    ) -> None: ...


def make_embedder(settings: Settings, cache: EmbeddingCache) -> Embedder | None:
    """The embedder the settings ask for, or None (the default: words alone)."""
    if not settings.embeddings_base_url:
        return None
    key = settings.embeddings_api_key.get_secret_value() if settings.embeddings_api_key else None
    return Embedder(
        None,
        cache,
        base_url=settings.embeddings_base_url,
        model=settings.embeddings_model,
        api_key=key,
        timeout=settings.llm_timeout,
    )


def embedding_text(article: Article) -> str:
    """What is embedded: the same text the word signal reads (headline and lede)."""
    return f"{article.title}\n{body_words(article)}"


def _unit(values: Any) -> Vector:
    vec = np.asarray(values, dtype=np.float32)
    norm = float(np.linalg.norm(vec))
    return vec / norm if norm > 0 else vec


class Embedder:
    def __init__(
        self,
        client: httpx.AsyncClient | None,
        cache: EmbeddingCache,
        *,
        base_url: str,
        model: str,
        api_key: str | None = None,
        timeout: float = 60.0,
    ) -> None:
        # None: a client of its own for each build (a digest is built a few times a day)
        self.client = client
        self.timeout = timeout
        self.cache = cache
        self.url = base_url.rstrip("/") + "/embeddings"
        self.model = model
        self.headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}

    async def vectors(self, articles: Sequence[Article], now: datetime) -> dict[int, Vector]:
        """Unit vectors by article id: cached ones, and the rest fetched and cached."""
        cached = await self.cache.get_embeddings([a.id for a in articles], self.model)
        out: dict[int, Vector] = {}
        missing: list[Article] = []
        for a in articles:
            hit = cached.get(a.id)
            if hit is not None and hit[0] == a.content_hash:
                out[a.id] = np.frombuffer(hit[1], dtype="<f4").astype(np.float32)
            else:
                missing.append(a)
        for start in range(0, len(missing), BATCH):
            batch = missing[start : start + BATCH]
            try:
                fetched = await self._fetch(batch)
            except (httpx.HTTPError, ValueError, KeyError, TypeError) as exc:
                log.warning(
                    "embeddings endpoint failed (%s); grouping %d articles by words alone",
                    type(exc).__name__,
                    len(missing) - start,
                )
                break
            out.update(fetched)
            await self.cache.put_embeddings(
                self.model,
                {a.id: (a.content_hash, fetched[a.id].astype("<f4").tobytes()) for a in batch},
                now,
            )
        return out

    async def _fetch(self, batch: Sequence[Article]) -> dict[int, Vector]:
        payload = {"model": self.model, "input": [embedding_text(a) for a in batch]}
        if self.client is not None:
            response = await self.client.post(self.url, json=payload, headers=self.headers)
        else:
            async with httpx.AsyncClient(timeout=self.timeout) as client:
                response = await client.post(self.url, json=payload, headers=self.headers)
        response.raise_for_status()
        data = response.json()["data"]
        if len(data) != len(batch):
            raise ValueError(f"{len(data)} vectors for {len(batch)} inputs")
        # the API may answer out of order; "index" says which input each vector is for
        by_index = {int(item.get("index", n)): item["embedding"] for n, item in enumerate(data)}
        return {a.id: _unit(by_index[n]) for n, a in enumerate(batch)}
