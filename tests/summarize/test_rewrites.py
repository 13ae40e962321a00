"""Plain words keep the meaning: the labelled rewrites (tests/data/writer/rewrites.jsonl).

Each case is a real fixture sentence (or one written for an example issue 8 names) and the
sentences the offline writer must make of it, read against the source by hand: same
claims, same attributions, same numbers and names. How they were chosen: README.md there.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bot.summarize.offline.plain import plain_sentences

DATA = Path(__file__).resolve().parents[1] / "data" / "writer" / "rewrites.jsonl"
CASES = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line]
# "saying" counts: a participle cut tells it as "said" (participles.py), the same attribution
_ATTRIBUTION = re.compile(
    r"\baccording to\b|\bsaid\b|\bsays\b|\bsaying\b|\breports?\b|\btold\b", re.I
)
_NUMBER = re.compile(r"\d(?:[\d,.]*\d)?")  # "Sora 2," and "Sora 2." are one number


def test_the_set_is_big_enough_and_mixed() -> None:
    changed = [c for c in CASES if c["expected"] != [c["source"]]]
    assert len(CASES) >= 100
    assert 30 <= len(changed) < len(CASES)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["source"][:40])
def test_rewrite_is_the_labelled_one(case: dict[str, object]) -> None:
    assert plain_sentences(str(case["source"])) == case["expected"]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["source"][:40])
def test_attributions_and_numbers_survive(case: dict[str, str]) -> None:
    source = case["source"]
    out = " ".join(plain_sentences(source))
    # who said it is part of the claim: every "according to" / "said" stays
    assert len(_ATTRIBUTION.findall(out)) == len(_ATTRIBUTION.findall(source))
    # no number appears that the source did not have
    assert set(_NUMBER.findall(out)) <= set(_NUMBER.findall(source))
    # words the list must never swap
    for word in ("announced", "capital", "purchase ", "solutions", "terminate", "venture"):
        assert out.count(word) == source.count(word)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["source"][:40])
def test_no_piece_starts_or_ends_inside_brackets_or_dashes(case: dict[str, str]) -> None:
    pieces = plain_sentences(case["source"])
    for piece in pieces:
        assert piece.count("(") == piece.count(")"), piece
        assert piece.count("“") == piece.count("”"), piece
        if len(pieces) > 1:
            assert len(re.findall(r"\s[—–]\s|\s--\s", piece)) in (0, 2), piece
