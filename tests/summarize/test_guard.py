"""The guard drops sentences whose numbers or names are in no source."""

from __future__ import annotations

from bot.summarize.guard import check

SOURCES = ["Acme raised $1.5 billion on Tuesday, with Microsoft joining the round at 20%."]


def test_sentence_with_invented_number_is_dropped() -> None:
    result = check("Acme raised $1.5B. It now plans 40,000 new jobs.", SOURCES)
    assert result.kept == "Acme raised $1.5B."
    assert result.dropped == ("It now plans 40,000 new jobs.",)


def test_invented_name_is_dropped_but_opinion_kept() -> None:
    result = check("My read: good for Microsoft. Google is furious.", SOURCES)
    assert "Microsoft" in result.kept
    assert result.dropped == ("Google is furious.",)
