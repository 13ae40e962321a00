"""The public /digest's cooldown per user and per channel (pure; the adapters' e2e tests are
in tests/adapters/*/test_cooldown.py)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.community.cooldown import CooldownError, Cooldowns

from .conftest import NOW


def test_a_user_waits_a_minute_and_a_channel_twenty_seconds() -> None:
    c = Cooldowns()
    c.take("alice", "news", NOW)
    with pytest.raises(CooldownError) as err:
        c.take("alice", "other", NOW + timedelta(seconds=30))
    assert str(err.value) == "you asked for one 30 seconds ago"
    assert err.value.hint == "scroll up to read it, or ask again in 30 seconds"
    with pytest.raises(CooldownError, match="one was posted here 10 seconds ago"):
        c.take("bob", "news", NOW + timedelta(seconds=10))
    c.take("bob", "other", NOW + timedelta(seconds=10))  # another user, another channel
    c.take("carol", "news", NOW + timedelta(seconds=21))
    c.take("alice", "news", NOW + timedelta(seconds=61))
