"""OPML import from chat: an admin attaches a file (Discord) or shares one (Slack).

Reuses the CLI's parser (``bot.feeds.opml.parse_opml``: no DTDs, no entities) and
``Services.import_sources``; the sources become the server's or workspace's own and are
fetched at the next poll. Mixed into ``bot.services.Services``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from bot.errors import SourceError

if TYPE_CHECKING:
    from bot.models import FeedSpec

MAX_OPML_BYTES = 1_000_000
MAX_IMPORT = 200
OPML_HINT = "attach an OPML file (.opml or .xml) exported from your feed reader"


def check_opml_file(name: str, size: int) -> None:
    """Refuse a file by its name and size before fetching it."""
    if not name.lower().endswith((".opml", ".xml")):
        raise SourceError(f"{name!r} is not an OPML file", hint=OPML_HINT)
    if size > MAX_OPML_BYTES:
        raise SourceError(
            f"{name!r} is {size // 1000:,} KB; the limit is {MAX_OPML_BYTES // 1000:,} KB",
            hint="split it, or import it with `newsbot sources import`",
        )


def import_report(added: Sequence[str], skipped: Sequence[str], esc: Callable[[str], str]) -> str:
    lines = [f"Imported {len(added)} sources; {len(skipped)} skipped."]
    if added:
        lines.append("Added: " + esc(", ".join(added[:30])) + (" …" if len(added) > 30 else ""))
        lines.append("They are fetched at the next poll.")
    lines += [f"• skipped {esc(line)}" for line in skipped[:10]]
    if len(skipped) > 10:
        lines.append(f"• and {len(skipped) - 10} more skipped")
    return "\n".join(lines)


class ImportServices:
    async def import_sources(
        self, specs: Sequence[FeedSpec], user: str = "opml", scope: str | None = None
    ) -> tuple[list[str], list[str]]:
        raise NotImplementedError  # Services'

    async def import_opml(self, data: bytes, scope: str, user: str) -> tuple[list[str], list[str]]:
        """The feeds of an OPML file, as the server's own sources."""
        if len(data) > MAX_OPML_BYTES:
            raise SourceError("the file is too big for an OPML import", hint=OPML_HINT)
        # the XML parser loads only for an import: every command builds Services
        from bot.feeds.opml import parse_opml

        specs = parse_opml(data)
        if not specs:
            raise SourceError("the file lists no feeds", hint=OPML_HINT)
        if len(specs) > MAX_IMPORT:
            raise SourceError(
                f"the file lists {len(specs)} feeds; at most {MAX_IMPORT} at once",
                hint="split it into smaller files",
            )
        return await self.import_sources(specs, user, scope=scope)
