"""Cutting long news sentences where both halves keep their meaning (bot/summarize/offline/
clauses.py), saving cut-off feed sentences, and headings glued onto a first sentence.

Sentences are real ones from the world-news feeds the writer was tuned on (The Week, Japan
Today, CBS, TIME World; ../shared/fixtures/realworld) unless marked as written.
"""

from __future__ import annotations

from bot.summarize.offline.clauses import cut_truncated, split_clause
from bot.summarize.offline.plain import plain_sentences
from bot.summarize.sentences import split_sentences


def test_a_who_clause_after_a_name_becomes_a_sentence_about_that_name() -> None:
    s = (
        "Russian opposition leader Alexei Navalny, who died in a remote Siberian prison two"
        " years ago, was almost certainly poisoned with a deadly toxin, five European"
        " governments said Saturday."
    )
    assert split_clause(s) == [
        "Russian opposition leader Alexei Navalny was almost certainly poisoned with a deadly"
        " toxin, five European governments said Saturday.",
        "Alexei Navalny died in a remote Siberian prison two years ago.",
    ]


def test_no_cut_when_the_antecedent_is_unclear() -> None:
    # written: "who" is the Prime Minister, not Norway
    s = "Trump wrote to the Prime Minister of Norway, who had asked about the prize last week."
    assert split_clause(s) is None
    # written: "which" is all three countries
    s = "The plan was backed by Britain, France and Germany, which will send troops next year."
    assert split_clause(s) is None


def test_a_trailing_which_clause_that_carries_the_attribution_stays() -> None:
    # written: who said it belongs to the whole sentence, not to the relative clause alone
    s = "The ministers will meet at the G7 Summit, which opens in June, officials said."
    assert split_clause(s) is None


def test_after_keeps_the_order_in_time_and_never_cuts_inside_what_was_said() -> None:
    s = (
        "European leaders are bracing for an all-out trade war with the U.S. once again after"
        " President Trump threatened to impose a 10% tariff on imports."
    )
    assert split_clause(s) == [
        "European leaders are bracing for an all-out trade war with the U.S. once again.",
        "That came after President Trump threatened to impose a 10% tariff on imports.",
    ]
    said = (
        "A joint statement said they were confident Navalny had been poisoned after an"
        " analysis of samples taken from his body confirmed the presence of epibatidine."
    )
    assert split_clause(said) is None
    hours = (
        "The billionaire issued a statement hours after the police unit of the Paris"
        " prosecutor’s office conducted the operation on Tuesday morning."
    )
    assert split_clause(hours) is None


def test_an_as_clause_that_leans_on_the_head_is_not_cut() -> None:
    s = (
        "The BBC visited the skating rink in Virginia where the ‘Quad God’ trains, as his"
        " closest friends and teammates expected to watch him win gold."
    )
    assert split_clause(s) is None


def test_an_unspaced_dash_pair_aside_goes_but_a_single_unspaced_dash_is_no_cut() -> None:
    s = (
        "Takaichi told senior officials that she intended to dissolve the House of"
        " Representatives—Japan’s legislative lower but more powerful chamber—to call a snap"
        " general election."
    )
    assert plain_sentences(s) == [
        "Takaichi told senior officials that she intended to dissolve the House of"
        " Representatives to call a snap general election."
    ]
    single = (
        "Trump threatened to impose a 25% tariff on the U.K. and other European allies until"
        " Denmark sells Greenland—a move Starmer has labeled “completely wrong.”"
    )
    assert plain_sentences(single) == [single]


def test_a_cut_off_feed_sentence_ends_at_its_last_safe_comma() -> None:
    s = (
        "Negotiators from Ukraine and Russia concluded the first of two days of U.S.-mediated"
        " peace talks in Geneva on Tuesday, with U.S. President Donald Trump pressing Kyiv to act…"
    )
    assert cut_truncated(s) == (
        "Negotiators from Ukraine and Russia concluded the first of two days of U.S.-mediated"
        " peace talks in Geneva on Tuesday."
    )


def test_a_cut_off_sentence_whose_lost_part_limits_it_is_not_saved() -> None:
    s = (
        "Iran and the United States reached an understanding on Tuesday on main guiding"
        " principles in talks on their nuclear dispute, but that does not mean…"
    )
    assert cut_truncated(s) is None
    # written: a list cut short is not a clause; ending it would claim the list is whole
    assert cut_truncated("The company sells phones to schools, tablets, laptops, watches…") is None
    assert cut_truncated("Carney's announcement of Canada's…") is None


def test_the_weeks_section_heading_and_pull_quote_come_off_the_sentence() -> None:
    text = (
        "What happened U.S. District Judge Richard Leon Thursday blocked the Pentagon from"
        " penalizing Sen. Mark Kelly. ‘Tiny calibrations of a split second’ Swiss watchmaker"
        " Omega has been the official timekeeper. In ICE’s sights Several cities are on the list."
    )
    assert split_sentences(text) == [
        "What happened",
        "U.S. District Judge Richard Leon Thursday blocked the Pentagon from penalizing Sen."
        " Mark Kelly.",
        "‘Tiny calibrations of a split second’",
        "Swiss watchmaker Omega has been the official timekeeper.",
        "In ICE’s sights",
        "Several cities are on the list.",
    ]
    # a title inside a sentence is no heading
    assert split_sentences("He wrote in The Guardian that the plan failed.") == [
        "He wrote in The Guardian that the plan failed."
    ]
