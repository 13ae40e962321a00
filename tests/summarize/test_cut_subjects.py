"""Where a long fact may be cut in two (bot/summarize/offline/plain.py ``shorten``, with
``clauses.is_clause``): a half may open on a contracted pronoun ("there's") or on a noun
with a preposition's phrase ("Shares of health insurers have surged"), but never when the
half is no clause, when it may be part of what someone said or of what a colon leads in,
or when the sentence is a question. Sentences are from the days bench/style.py tunes on
unless marked as written.
"""

from __future__ import annotations

from bot.summarize.offline.clauses import is_clause
from bot.summarize.offline.plain import plain_sentences


def test_a_contracted_pronoun_opens_a_half() -> None:
    s = (
        "The U.S. is brokering a 3rd round of Russia-Ukraine talks, but there's little hope"
        " of a breakthrough to end the deadliest war on European soil in 80 years."
    )
    assert plain_sentences(s) == [
        "The U.S. is brokering a 3rd round of Russia-Ukraine talks.",
        "But there's little hope of a breakthrough to end the deadliest war on European soil"
        " in 80 years.",
    ]


def test_a_noun_with_its_phrase_opens_a_half() -> None:
    s = (
        "Shares of health insurers have surged ahead of premium hikes while the ASX has"
        " started its day higher, and NAB has reported a 30 per cent jump in quarterly profit."
    )
    assert plain_sentences(s) == [
        "Shares of health insurers have surged ahead of premium hikes while the ASX has"
        " started its day higher.",
        "NAB has reported a 30 per cent jump in quarterly profit.",
    ]


def test_what_is_and_is_not_a_clause() -> None:
    assert is_clause("Leaders in business, art, fashion, and technology gathered in New York")
    assert is_clause("it’s to accomplish a specific task")
    assert not is_clause("that’s why they come to Accenture")  # leans on the half before
    assert not is_clause("a little village outside Paris")  # "Paris" is no verb
    assert not is_clause("a silver, 1.43 points behind gold medalists")
    assert not is_clause("China sharing accounts of how AI is bolstering economic growth")
    assert not is_clause("an avalanche in northern California as a powerful winter storm moved")


def test_no_cut_inside_what_someone_said() -> None:
    # written: the second half may be the officials' words too
    s = "Officials said the bridge will reopen in May, but there's no date yet for the tunnel."
    assert plain_sentences(s) == [s]
    # both reasons after the colon are the interviewee's
    s = (
        "He had in front of him two possibilities: one was to increase government spending;"
        " the second was to redistribute income towards the poor."
    )
    assert plain_sentences(s) == [s]


def test_a_question_is_not_cut_into_statements() -> None:
    s = (
        "It’s actually downstream from the Japanese because Taiwan was a Japanese colony for"
        " the first 50 years of the 20th century, and it’s laid out a lot like — why is it"
        " great to walk around in Tokyo?"
    )
    assert plain_sentences(s) == [s]


def test_every_word_is_kept_by_a_cut() -> None:
    s = (
        "All of Microsoft’s products have a CoPilot of some sort; it’s not clear how well any"
        " of them work, and both Claude and OpenAI are attacking the professional"
        " productivity space."
    )
    out = plain_sentences(s)
    assert len(out) == 2
    assert (
        " ".join(out).lower().replace(".", "").split()
        == s.lower().replace(";", "").replace(".", "").split()
    )
