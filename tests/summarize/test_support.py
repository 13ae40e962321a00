"""The sentence-support check: what a source says stays, with the pages that say it."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from support.days import DEMO_NOW, load_day
from support.llm_queue import Asked, QueueTransport
from support.llm_server import Seen
from support.llm_stories import acme, faithful

from bot.clock import FixedClock
from bot.config import Settings
from bot.digest.build import DigestBuilder
from bot.digest.select import window_for
from bot.render.markdown import render_markdown
from bot.store.store import Store
from bot.summarize.guard import check
from bot.summarize.llm.prompts import BUILTIN_PERSONA
from bot.summarize.llm.summarizer import LLMLimits, LLMSummarizer
from bot.summarize.offline.summarizer import ExtractiveSummarizer
from bot.summarize.sentences import split_sentences
from bot.summarize.support import (
    check_facts,
    check_story,
    evidence_of,
    is_opinion,
    score_sentence,
)

SOURCES = [a.title for a in acme().articles] + [a.text for a in acme().articles]


def test_a_supported_sentence_is_kept_with_the_article_that_says_it() -> None:
    result = check_facts(
        "Big Fund led a $2 billion round. The lab has 300 employees.", evidence_of(acme())
    )
    assert result.dropped == ()
    assert [(s.sentence, s.articles) for s in result.supports] == [
        ("Big Fund led a $2 billion round.", (1,)),
        ("The lab has 300 employees.", (1,)),
    ]


def test_names_and_numbers_from_the_source_in_a_wrong_relation_are_dropped() -> None:
    """Every name and number is in the articles; the current guard lets it through."""
    wrong = "Big Fund has 300 employees."
    assert check(wrong, SOURCES).dropped == ()  # the old guard: names and numbers only
    assert not score_sentence(wrong, evidence_of(acme())).supported


def test_a_number_next_to_the_wrong_words_is_dropped() -> None:
    """$20 billion is the valuation, not the round."""
    evidence = evidence_of(acme())
    assert not score_sentence("Acme raised $20 billion.", evidence).supported
    assert score_sentence("Acme raised $2 billion.", evidence).supported
    assert score_sentence("Its valuation is $20 billion.", evidence).supported


def test_labeled_paragraphs_pass_without_citations_and_facts_need_them() -> None:
    text = (
        "Acme raised $2 billion on Tuesday. Acme bought a moon base.\n\nIn plain terms: more money."
    )
    result = check_facts(text, evidence_of(acme()))
    assert result.kept == "Acme raised $2 billion on Tuesday.\n\nIn plain terms: more money."
    assert result.dropped == ("Acme bought a moon base.",)
    assert [s.sentence for s in result.supports] == ["Acme raised $2 billion on Tuesday."]


def test_an_opinion_may_not_bring_a_new_number_or_name() -> None:
    checked = check_story(
        acme(),
        "Acme raises $2 billion",
        "Acme raised $2 billion on Tuesday.",
        "My read: money is not a product. SoftBank will want 40% back.",
    )
    assert checked.take == "My read: money is not a product."
    assert checked.headline == "Acme raises $2 billion"
    assert checked.citations == (("Acme raised $2 billion on Tuesday.", (0,)),)


async def test_the_builder_checks_every_writer_and_every_printed_fact_has_a_citation(
    store: Store,
) -> None:
    """The real demo day, both writers: the offline voice and an LLM (a queue fake) that
    adds one sentence no article says."""
    await load_day(store, DEMO_NOW)
    window = window_for("today", DEMO_NOW, "UTC")
    settings = Settings(_env_file=None)  # type: ignore[call-arg]

    def with_invention(asked: Asked) -> str:
        reply = json.loads(faithful(Seen("/v1/chat/completions", {}, _body(asked))).body)
        for story in reply.get("stories", [reply]):
            story["summary"] += " The company also bought a fleet of blimps."
        return json.dumps(reply)

    llm = LLMSummarizer(
        QueueTransport(with_invention),
        limits=LLMLimits(1500, 12000, 900, 32768),
        store=None,
        clock=FixedClock(DEMO_NOW),
        persona=BUILTIN_PERSONA,
    )
    for writer in (ExtractiveSummarizer(), llm):
        digest = await DigestBuilder(store, writer, settings, FixedClock(DEMO_NOW)).build(window)
        assert "blimps" not in render_markdown(digest)
        for story in digest.all_stories:
            urls = {a.url for a in story.articles}
            facts = [
                s
                for p in story.summary.split("\n\n")
                if not is_opinion(p)
                for s in split_sentences(p)
            ]
            assert [c.sentence for c in story.citations] == facts
            assert all(c.urls and set(c.urls) <= urls for c in story.citations)
        if writer is llm:
            assert any("no source supports: left out" in n for n in digest.stats.notes)
            assert sum(bool(s.citations) for s in digest.all_stories) >= 3


def _body(asked: Asked) -> dict[str, object]:
    return {
        "model": "fake",
        "messages": [
            {"role": "system", "content": asked.system},
            {"role": "user", "content": asked.user},
        ],
    }
