"""Keyword rules and mutes on stories (pure), and stored per server and channel."""

from __future__ import annotations

import pytest
from support.articles import article

from bot.community.rules import EXCLUDE, INCLUDE, MUTE, Filters, Rule, RuleSpec, clean_phrase
from bot.errors import NewsbotError
from bot.models import Story
from bot.store.store import Store

from .conftest import NOW


def story(key: str, *arts: object) -> Story:
    return Story(key=key, articles=tuple(arts))  # type: ignore[arg-type]


def rule(kind: str, value: str, feed_id: int | None = None, channel: str = "") -> Rule:
    return Rule("discord:1", channel, kind, value, feed_id, id=0)


CHIPS = story("chips", article(1, "Nvidia ships a new GPU", "The chip is fast."))
OPEN = story("open", article(2, "Lab releases Open-Source model", "Weights are on the Hub."))
BOTH = story(
    "both",
    article(3, "Meta raises prices", "Ads cost more.", feed="TechCrunch"),
    article(4, "Meta's ad prices go up", "Advertisers pay more.", feed="The Verge"),
)


def test_exclude_hides_a_story_that_mentions_the_phrase_in_any_case_as_a_whole_word() -> None:
    kept, hidden = Filters((rule(EXCLUDE, "gpu"),)).apply([CHIPS, OPEN, BOTH])
    assert [s.key for s in kept] == ["open", "both"]
    assert hidden == 1
    # whole words: "ads" hides the Meta story ("Ads cost more"), "ship" is not in "ships"
    kept, hidden = Filters((rule(EXCLUDE, "ads"),)).apply([CHIPS, BOTH])
    assert [s.key for s in kept] == ["chips"] and hidden == 1
    kept, hidden = Filters((rule(EXCLUDE, "ship"),)).apply([CHIPS])
    assert [s.key for s in kept] == ["chips"] and hidden == 0


def test_include_keeps_only_stories_about_one_of_the_phrases_spelled_either_way() -> None:
    rules = (rule(INCLUDE, clean_phrase("open source")), rule(INCLUDE, "chip"))
    kept, hidden = Filters(rules).apply([CHIPS, OPEN, BOTH])
    assert [s.key for s in kept] == ["chips", "open"]  # "Open-Source" matched "open source"
    assert hidden == 1


def test_muting_a_source_drops_its_articles_and_hides_stories_left_empty() -> None:
    verge = BOTH.articles[1].feed_id
    kept, hidden = Filters((rule(MUTE, "The Verge", verge),)).apply([CHIPS, BOTH])
    assert hidden == 0
    assert [a.feed_name for a in kept[1].articles] == ["TechCrunch"]
    tc = CHIPS.articles[0].feed_id
    kept, hidden = Filters((rule(MUTE, "TechCrunch", tc),)).apply([CHIPS, OPEN, BOTH])
    assert [s.key for s in kept] == ["both"] and hidden == 2


def test_an_excluded_word_only_in_a_muted_outlets_text_hides_nothing() -> None:
    verge = BOTH.articles[1].feed_id
    rules = (rule(MUTE, "The Verge", verge), rule(EXCLUDE, "advertisers"))
    kept, hidden = Filters(rules).apply([BOTH])
    assert len(kept) == 1 and hidden == 0


@pytest.mark.parametrize("typed", ["", "   ", '""', "!!", "x" * 101])
def test_a_bad_phrase_is_one_clear_error(typed: str) -> None:
    with pytest.raises(NewsbotError) as err:
        clean_phrase(typed)
    assert err.value.hint


async def test_rules_are_stored_per_server_and_channel_and_a_channel_sees_both(
    store: Store,
) -> None:
    await store.add_rule(RuleSpec("discord:1", "", EXCLUDE, "crypto"), NOW)
    await store.add_rule(RuleSpec("discord:1", "42", INCLUDE, "chips"), NOW)
    await store.add_rule(RuleSpec("discord:1", "43", INCLUDE, "policy"), NOW)
    await store.add_rule(RuleSpec("discord:2", "", EXCLUDE, "robots"), NOW)
    here = await store.filters_for("discord:1", "42")
    assert (here.includes, here.excludes) == (("chips",), ("crypto",))
    server = await store.filters_for("discord:1", None)
    assert (server.includes, server.excludes) == ((), ("crypto",))
    assert not await store.filters_for(None, "42")  # the CLI and global posts: no rules
    with pytest.raises(NewsbotError, match="already set"):
        await store.add_rule(RuleSpec("discord:1", "", EXCLUDE, "crypto"), NOW)
    assert await store.remove_rules("discord:1", None, (INCLUDE, EXCLUDE), None) == 3
    assert [r.value for r in await store.rules_in("discord:2")] == ["robots"]
