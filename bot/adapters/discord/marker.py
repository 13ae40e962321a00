"""The marker each part of a daily post carries, so a retry can tell it is already out.

Discord forgets a nonce after a few minutes and has no hidden message metadata, so the
marker is a short visible tag at the very end of the part: ``ref 3f9a1c02de/0`` in the
headline embed's footer, ``-# ref 3f9a1c02de/2`` as the last line of a thread message
(``render.discord`` leaves room for it). The tag is a hash of the post's destination and
window; only the bot's own messages count, and only when the tag ends them, so feed text
quoted inside a part cannot pass for one.
"""

from __future__ import annotations

import copy
import hashlib
from typing import Any


def post_tag(*key: object) -> str:
    """Ten hex digits naming one post (destination and window)."""
    return hashlib.sha256("\x1f".join(map(str, key)).encode()).hexdigest()[:10]


def label(tag: str, part: int) -> str:
    return f"ref {tag}/{part}"


def tagged(payload: dict[str, Any], tag: str, part: int) -> dict[str, Any]:
    """``payload`` with the marker of part ``part`` at its end (footer or last line)."""
    out = copy.deepcopy(payload)
    embeds = out.get("embeds") or []
    if embeds:
        footer = embeds[-1].setdefault("footer", {})
        text = footer.get("text") or ""
        footer["text"] = f"{text} · {label(tag, part)}" if text else label(tag, part)
    else:
        out["content"] = f"{out.get('content') or ''}\n-# {label(tag, part)}".lstrip("\n")
    return out


def carries(message: dict[str, Any], tag: str, part: int, author_id: int | None) -> bool:
    """True if ``message`` (Discord's JSON) is the bot's part ``part`` of the post ``tag``."""
    author = message.get("author") or {}
    if author_id is None or str(author.get("id")) != str(author_id):
        return False
    mark = label(tag, part)
    if (message.get("content") or "").endswith(mark):
        return True
    embeds = message.get("embeds") or []
    return bool(embeds) and str((embeds[-1].get("footer") or {}).get("text", "")).endswith(mark)
