from __future__ import annotations

import pytest

from bot.summarize.storytype import detect_kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Acme raises $6 billion at a $150 billion valuation", "funding"),
        ("Bigco acquires startup for its team", "acquisition"),
        ("Lab releases new model for coders", "release"),
        ("Senate passes AI bill", "policy"),
        ("Data breach exposes user chats", "security"),
        ("Nvidia GPU shortage hits clouds", "chips"),
        ("Weather is nice today", "general"),
    ],
)
def test_story_kind_from_words(text: str, kind: str) -> None:
    assert detect_kind(text) == kind
