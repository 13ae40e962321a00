"""The Slack app manifest grants what exactly-once posting reads (issue 10 item 2).

Before a part of a daily post that a failure may have hidden is sent again, the publisher
looks for its marker with ``conversations.history`` / ``conversations.replies``; without
the history scopes Slack refuses the lookup and the part may go out twice."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
HISTORY_SCOPES = {"channels:history", "groups:history"}


def bot_scopes() -> set[str]:
    text = (ROOT / "config" / "slack-manifest.yml").read_text(encoding="utf-8")
    block = text.split("oauth_config:", 1)[1].split("bot:", 1)[1]
    scopes: set[str] = set()
    for line in block.splitlines()[1:]:
        hit = re.match(r"\s+- ([\w:.]+)", line)
        if hit:
            scopes.add(hit.group(1))
        elif line.strip() and not line.lstrip().startswith("#"):
            break  # the next key: the bot scopes are over
    return scopes


def test_the_manifest_asks_for_the_history_scopes_the_lookup_needs() -> None:
    scopes = bot_scopes()
    assert {"commands", "chat:write"} <= scopes  # the parse found the list
    assert scopes >= HISTORY_SCOPES, sorted(scopes)


def test_the_setup_guide_says_why() -> None:
    guide = (ROOT / "docs" / "slack.md").read_text(encoding="utf-8")
    assert all(f"`{scope}`" in guide for scope in HISTORY_SCOPES)
