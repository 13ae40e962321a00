"""Faithfulness guard: every number and capitalized name in generated text must be in a source.

Sentences that fail are dropped; the caller decides whether too much was dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.summarize.sentences import split_sentences

_NUMBER = re.compile(
    r"\$?\d[\d,]*(?:\.\d+)?\s*(?:%|percent|billion|million|thousand|[bmk]\b)?", re.I
)
_NAME = re.compile(r"\b[A-Z][a-zA-Z0-9]+(?:[- ][A-Z][a-zA-Z0-9]+)*\b")
_SCALE = {"b": "billion", "m": "million", "k": "thousand", "percent": "%"}
# Capitalized words that are not names: sentence starters and labels the voice uses.
_COMMON = frozenset(
    [
        "The",
        "A",
        "An",
        "In",
        "It",
        "My",
        "This",
        "That",
        "These",
        "Those",
        "What",
        "Who",
        "Why",
        "How",
        "When",
        "Bottom",
        "Also",
        "Plain",
        "I",
        "We",
        "They",
        "He",
        "She",
        "Its",
        "Our",
        "But",
        "And",
        "Or",
        "So",
        "If",
        "On",
        "For",
    ]
)


def _norm_number(raw: str) -> str:
    s = raw.lower().replace(",", "").replace("$", "").replace(" ", "")
    for short, full in _SCALE.items():
        if s.endswith(short) and not s.endswith(full):
            s = s[: -len(short)] + full
    return s


def facts_in(text: str) -> set[str]:
    numbers = {_norm_number(m.group()) for m in _NUMBER.finditer(text)}
    names = {n for m in _NAME.finditer(text) for n in [m.group()] if n not in _COMMON}
    return numbers | names


@dataclass(frozen=True)
class GuardResult:
    kept: str
    dropped: tuple[str, ...]


def check(text: str, sources: list[str]) -> GuardResult:
    source_text = " ".join(sources)
    known_numbers = {_norm_number(m.group()) for m in _NUMBER.finditer(source_text)}
    kept: list[str] = []
    dropped: list[str] = []
    for sentence in split_sentences(text):
        numbers = {_norm_number(m.group()) for m in _NUMBER.finditer(sentence)}
        names = {m.group() for m in _NAME.finditer(sentence)} - _COMMON
        ok = numbers <= known_numbers and all(
            all(part in source_text for part in name.split()) for name in names
        )
        (kept if ok else dropped).append(sentence)
    return GuardResult(kept=" ".join(kept), dropped=tuple(dropped))
