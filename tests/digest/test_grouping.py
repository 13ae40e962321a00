"""The parts of the grouping: names, rare-term pairs, average linkage and its limits."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from support.articles import article

from bot.digest.candidates import similar_pairs
from bot.digest.cluster import cluster, cluster_with_links
from bot.digest.features import names, vectorize
from bot.digest.linkage import Group, Limits, merge

T0 = datetime(2026, 8, 21, tzinfo=UTC)


def test_names_are_multi_word_proper_names_and_figures_with_units() -> None:
    found = names(
        "The firm said Andreessen Horowitz raised $350M. In 2026 the Department of Justice "
        "asked for 2 million pages, 40% more."
    )
    assert "#andreessen horowitz" in found
    assert "#department of justice" in found
    assert "#$350 million" in found
    assert "#40 %" in found
    # a sentence's first capitalised word is not part of a name; a bare year is no figure
    assert not any(n.startswith("#the ") or n == "#2026" for n in found)


def test_a_term_most_of_the_window_shares_never_makes_a_pair() -> None:
    arts = [article(i, f"Update {i}", f"OpenAI said something about item{i}.") for i in range(60)]
    pairs = similar_pairs(vectorize(arts), len(arts), floor=0.0, cap=48)
    assert pairs.left.size == 0  # "openai" and "update" are in 60 > 48 items


def _group(i: int, feed: int) -> Group:
    return Group([i], frozenset({feed}), T0, T0)


def test_average_linkage_does_not_chain_a_to_c_through_b() -> None:
    limits = Limits(threshold=0.3, max_span=timedelta(days=4), max_size=40)
    groups = {i: _group(i, feed=i) for i in range(3)}
    # A~B and B~C strongly, A and C not at all
    merged = merge(groups, [(0, 1, 0.5), (1, 2, 0.45)], limits)
    assert sorted(sorted(g.members) for g in merged.values()) == [[0, 1], [2]]


def test_a_story_never_takes_two_entries_of_one_feed_nor_spreads_past_its_span() -> None:
    limits = Limits(threshold=0.1, max_span=timedelta(days=1), max_size=40)
    groups = {0: _group(0, feed=1), 1: _group(1, feed=1), 2: _group(2, feed=2)}
    groups[2].start = groups[2].end = T0 + timedelta(days=2)
    merged = merge(groups, [(0, 1, 0.9), (0, 2, 0.9)], limits)
    assert len(merged) == 3


BACKGROUND = [
    article(100 + i, title, feed="Ars Technica", hours_ago=3 + i)
    for i, title in enumerate(
        [
            "Hyperscalers might regret embracing natural gas if new forecast proves correct",
            "Apple trained its own AI model for China with help from Alibaba",
            "Groq raises $350M to fuel its pivot from AI chips to neocloud",
            "Wispr raises $280M at $2B valuation as it looks beyond dictation",
            "Amazon is destroying rare texts to train AI",
            "Kog is going deeper to squeeze more inference out of GPUs",
        ]
    )
]

COLUMN = article(
    1,
    "I tried to stay calm about Lumora. Then I read the fine print",
    "My daughter asked me at breakfast why grown-ups keep talking about robots. I did not have "
    "a good answer. Then Priya Castellano, Lumora's chief executive, announced that Lumora "
    "would license its tutoring model to every public school in Ohio for $40 million. "
    "Castellano says the Lumora deal covers 1.2 million students. Castellano has promised "
    "teachers a say; Lumora has promised parents an opt-out. I want to believe Castellano.",
    feed="The Verge",
)
WIRE = article(
    2,
    "Ohio schools sign $40 million AI tutoring contract",
    "COLUMBUS — On a rainy Tuesday in the state capital, education officials gathered in a "
    "hearing room. Lumora will supply its tutoring model to Ohio public schools under a "
    "$40 million contract, chief executive Priya Castellano said. Castellano said Lumora "
    "will reach 1.2 million students and that Lumora's model was trained on state curricula.",
    feed="TechCrunch",
    hours_ago=3,
)


def test_a_column_and_a_wire_piece_on_one_announcement_are_one_story() -> None:
    # the headlines share no rare word; the bodies share a person, a company and figures
    # nobody else in the window mentions
    stories, links = cluster_with_links([COLUMN, WIRE, *BACKGROUND])
    joined = [s for s in stories if len(s.articles) > 1]
    assert [{a.id for a in s.articles} for s in joined] == [{1, 2}]
    assert [(link.a, link.b, link.kind) for link in links] == [(1, 2, "similar")]


def test_the_same_person_in_two_events_is_not_enough() -> None:
    other = article(
        3,
        "Lumora's chief executive Priya Castellano to speak at a robotics fair in Berlin",
        "Priya Castellano will give a keynote on warehouse robots at a Berlin trade fair "
        "next month, organisers said.",
        feed="Hacker News",
        hours_ago=4,
    )
    stories = cluster([COLUMN, other, *BACKGROUND])
    assert all(len(s.articles) == 1 for s in stories)
