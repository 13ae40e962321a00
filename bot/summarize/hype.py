"""The hype words the voice bans (docs/voice.md, "Never"): one list for the guard and the offline writer."""

from __future__ import annotations

HYPE_WORDS = frozenset(
    [
        "revolutionary",
        "game-changing",
        "game changing",
        "groundbreaking",
        "paradigm shift",
        "unprecedented",
        "cutting-edge",
        "cutting edge",
        "seamless",
        "seamlessly",
        "synergy",
        "synergies",
        "empower",
        "empowers",
        "empowering",
        "unlock",
        "unlocks",
        "unlocking",
        "transformative",
        "disrupt",
        "disrupts",
        "disruptive",
    ]
)
