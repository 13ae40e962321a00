"""``/search words [page N]`` for Slack: stored articles matching words, privately."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bot.adapters.slack import replies
from bot.adapters.slack.parse import Help, UsageError, unescape
from bot.community.search import SearchPage, result_lines
from bot.render.escape import slack_link, slack_text

if TYPE_CHECKING:
    from bot.adapters.slack.commands import SlackCommands

PER_PAGE = 8  # eight linked titles stay far inside a section's 3,000 characters
SEARCH_USAGE = (
    "*/search <words>* — find stored AI news: `/search nvidia export rules`; "
    "`/search nvidia page 2` for the next page"
)


@dataclass(frozen=True)
class SearchCmd:
    words: str
    page: int = 1


def parse_search(text: str) -> Help | SearchCmd:
    words = text.split()
    if not words or words[0].lower() in ("help", "?"):
        return Help(SEARCH_USAGE)
    page = 1
    if len(words) >= 2 and words[-2].lower() == "page":
        if not words[-1].isdigit() or int(words[-1]) < 1:
            raise UsageError(f"{unescape(words[-1])!r} is not a page number", hint=SEARCH_USAGE)
        page, words = int(words[-1]), words[:-2]
    if not words:
        raise UsageError("/search needs words to look for", hint=SEARCH_USAGE)
    return SearchCmd(" ".join(unescape(w) for w in words), page)


def search_reply(page: SearchPage) -> dict[str, Any]:
    head = f"*Search: {slack_text(page.words)}* · {page.found} · page {page.page} of {page.pages}"
    lines = result_lines(
        page,
        lambda a: (
            f"• {slack_link(a.title, a.url)} — {slack_text(a.feed_name)}, "
            f"{a.published_at:%b %d, %Y}"
        ),
    )
    if page.page < page.pages:
        lines.append(f"Next: `/search {slack_text(page.words)} page {page.page + 1}`")
    text = head + "\n" + "\n".join(lines)
    return {
        **replies.message(f"Search: {page.words}"),
        "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": text[:3000]}}],
    }


async def run_search(
    h: SlackCommands, cmd: Help | SearchCmd, command: dict[str, Any]
) -> dict[str, Any]:
    if isinstance(cmd, Help):
        return replies.message(cmd.usage)
    found = await h.services.search(
        cmd.words,
        h.scope(command),
        page=cmd.page,
        per_page=PER_PAGE,
        channel=str(command.get("channel_id") or ""),
    )
    return search_reply(found)
