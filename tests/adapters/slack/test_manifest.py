"""The app manifest a newcomer pastes into Slack declares what the adapter needs: every
slash command it answers (with escaping on, so channels arrive as <#C123|name>), Socket Mode,
and the scopes of every Web API method it calls."""

from __future__ import annotations

import re
from pathlib import Path

from bot.adapters.slack.commands import COMMANDS

MANIFEST = Path(__file__).resolve().parents[3] / "config" / "slack-manifest.yml"


def test_manifest_matches_the_adapter() -> None:
    text = MANIFEST.read_text(encoding="utf-8")
    declared = re.findall(r"^\s*- command: (\S+)", text, re.M)
    assert tuple(declared) == COMMANDS
    assert len(re.findall(r"^\s*should_escape: true", text, re.M)) == len(COMMANDS)
    assert "should_escape: false" not in text
    scopes = set(re.findall(r"^\s*- ([a-z]+:[a-z.]+|commands)\b", text, re.M))
    # commands; chat.postMessage/postEphemeral; users.info; conversations.info (public, private)
    assert {"commands", "chat:write", "users:read", "channels:read", "groups:read"} <= scopes
    assert re.search(r"^\s*socket_mode_enabled: true", text, re.M)
    assert re.search(r"^\s*messages_tab_enabled: true", text, re.M)  # admins' notices
