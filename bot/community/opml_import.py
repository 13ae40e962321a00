"""Importing the sources of an OPML file: from the CLI (global sources) or from a file an
admin attaches in chat (that server's or workspace's own sources).

Mixed into ``bot.services.Services``. Nothing is fetched here: the feeds are read at the next
poll, where the fetch guards (private networks, size, time) apply as to any source. What is
refused is said per source, and one bad outline never stops the others.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from bot.errors import SourceError
from bot.models import FeedSpec
from bot.validate import validate_url

if TYPE_CHECKING:
    from bot.clock import Clock
    from bot.store.store import Store

# An OPML file a person attaches is a few kilobytes; a megabyte is thousands of feeds.
MAX_OPML_BYTES = 1024 * 1024
# Per file, for a server's own sources: enough for any reading list, not a flood of polls.
MAX_CHAT_IMPORT = 200
MAX_NAME = 120
OPML_HINT = "export it from your feed reader as OPML (a .opml or .xml file with xmlUrl outlines)"


@dataclass(frozen=True)
class ImportReport:
    added: tuple[str, ...]
    skipped: tuple[str, ...]  # one line per source left out: "name: why"

    def summary(self, where: str) -> str:
        return f"Imported {len(self.added)} sources from {where}; {len(self.skipped)} skipped."


def read_opml(data: bytes, *, limit: int | None = None) -> list[FeedSpec]:
    """The feeds of an OPML file, or one SourceError saying what is wrong with the file."""
    from bot.feeds.opml import parse_opml

    opml_size_check(len(data))
    specs = parse_opml(data)
    if not specs:
        raise SourceError("that file lists no feeds", hint=OPML_HINT)
    if limit is not None and len(specs) > limit:
        raise SourceError(
            f"that file lists {len(specs)} feeds; at most {limit} can be imported at once",
            hint="split it into smaller files",
        )
    return specs


def opml_size_check(size: int) -> None:
    """Refuse a file too big before downloading it (chat attachments say their size)."""
    if size > MAX_OPML_BYTES:
        raise SourceError(
            f"that file is {size // 1024} KiB; an OPML import takes at most "
            f"{MAX_OPML_BYTES // 1024} KiB",
            hint="split it into smaller files",
        )


def import_answer(
    report: ImportReport, filename: str, text: Callable[[str], str], list_command: str
) -> str:
    """The chat answer: counts, then up to ten skipped sources with the reason each.
    ``text`` escapes outside strings for the platform."""
    from bot.render.escape import clip

    lines = [text(report.summary(clip(filename, 100)))]
    lines += [f"• skipped {text(clip(line, 160))}" for line in report.skipped[:10]]
    if len(report.skipped) > 10:
        lines.append(f"• … and {len(report.skipped) - 10} more skipped")
    if report.added:
        lines.append(f"They are read at the next poll; `{list_command}` shows how each one does.")
    return "\n".join(lines)


class OpmlImportServices:
    store: Store
    clock: Clock

    async def import_sources(
        self, specs: Sequence[FeedSpec], user: str = "opml", scope: str | None = None
    ) -> ImportReport:
        """Add sources without fetching them (global, or ``scope``'s own). A source whose
        address is not a fetchable web address, or whose name or URL is taken, is skipped
        with the reason."""
        added: list[str] = []
        skipped: list[str] = []
        for spec in specs:
            name = " ".join(spec.name.split())[:MAX_NAME] or spec.url
            try:
                url = validate_url(spec.url)
                await self.store.add_feed(
                    replace(spec, name=name, url=url), self.clock.now(), scope=scope, added_by=user
                )
            except SourceError as exc:
                skipped.append(f"{name}: {exc}")
            else:
                added.append(name)
        return ImportReport(tuple(added), tuple(skipped))

    async def import_opml(
        self, data: bytes, *, scope: str | None = None, user: str = "opml"
    ) -> ImportReport:
        """An OPML file's feeds as sources: global from the CLI, the server's own from chat
        (at most ``MAX_CHAT_IMPORT`` per file there)."""
        specs = read_opml(data, limit=MAX_CHAT_IMPORT if scope is not None else None)
        return await self.import_sources(specs, user=user, scope=scope)
