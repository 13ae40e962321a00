"""A feed's short summary prints its news lede when the lede tells an act by its grammar (a
named subject and a past, a perfect, a progressive with something named or a purpose, or
"now"), though no date, number or listed news verb pins it; a maker's blurb in the
timeless present, a situation, a habit and a past set back in time still print nothing.

Every printed case is a line of a tuned row of bench/style.py that printed nothing before
writer26 (thirtieth session), labelled news in tests/data/writer/printed.jsonl; every
refused one is a line of the same rows (or a read blog row) of the shape named beside it,
labelled not news or printed nothing before and after.
"""

from __future__ import annotations

import pytest

from bot.summarize.offline.act import tells_an_act
from bot.summarize.offline.screen import BOILERPLATE, NEWS, kind

from .test_news_first import _summary


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # a progressive with a named tool and a purpose (Meta AI, the unseen report row)
        (
            "How Upwork helps freelancers win more work with Llama",
            "Upwork, one of the world’s largest work marketplaces, is using Llama to power "
            "Uma, its mindful AI, to help freelancers land jobs faster and more confidently.",
        ),
        # two named parties under way together (Meta AI)
        (
            "The Universities Space Research Association Applies Segment Anything Model for "
            "Responding to Flood Emergencies",
            "The Universities Space Research Association and Meta are collaborating to help "
            "support water observing systems set up by the U.S. Geological Survey.",
        ),
        # a simple past, a role named by its country (WSJ World)
        (
            "Beijing Signals Readiness to Talk to Trump's Team, Even Old Foes",
            "The Chinese foreign minister spoke by phone with Marco Rubio, the new secretary of "
            "state who has been a critic of Beijing.",
        ),
        # a present perfect (DW)
        (
            "Super Bowl 2026: Seattle Seahawks beat New England Patriots",
            "The Seattle Seahawks have defeated the New England Patriots in the NFL's showpiece "
            "event, with Puerto Rican singer Bad Bunny making history by performing the "
            "halftime show in Spanish.",
        ),
        # a new state said as new (Ollama Blog, blind report 2)
        (
            "Subagents and web search in Claude Code",
            "Ollama now supports subagents and web search in Claude Code.",
        ),
        # two named parties and a plain present before "up" (Mistral AI, blind report 2)
        (
            "Purr-fectly informed",
            "Le Chat and AFP team up to deliver AI powered by news, providing Le Chat users "
            "with richer, more reliable and more accurate responses.",
        ),
    ],
)
def test_a_news_lede_told_as_an_act_is_printed(title: str, text: str) -> None:
    assert _summary(title, text) == text


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # a maker's blurb in the timeless present (Cohere, the unseen report row)
        (
            "Introducing Command A Vision: Multimodal AI built for business",
            "Command A Vision excels across enterprise image understanding tasks while keeping "
            "a low compute footprint.",
        ),
        (
            "Introducing Model Vault: Your private platform for secure and scalable model "
            "inference",
            "Model Vault simplifies serving and scaling Cohere models, so teams can focus on "
            "building, not infrastructure.",
        ),
        # a situation: a progressive with nothing named to act on (DW, Cohere)
        (
            "How Germany's skilled worker gap exposes migration hurdles",
            "Germany is facing a massive shortage of skilled workers, from nurses to IT "
            "specialists.",
        ),
        (
            "Navigating the global push for sovereign AI",
            "Sovereign AI is driving a shift toward secure, locally tailored solutions, "
            "redefining global AI innovation and control.",
        ),
        # no name at the subject's head (DW)
        (
            "Environmental crises add to Iran's mounting troubles",
            "Widespread discontent in Iran has sent millions of protesters into the streets.",
        ),
        (
            "Epstein files: Germany scrutinizes newly released documents",
            "The scandal surrounding US sex offender Jeffrey Epstein is rocking European "
            "countries.",
        ),
        # "be" as the main verb: a state (DW)
        (
            "Germany's Deutsche Bahn halts humorous publicity campaign",
            "German Rail was once famed for its punctuality.",
        ),
        # a past set back in time: the post's occasion (Kagi Blog), history (a book review)
        (
            "Kagi status update: First three months",
            "Kagi search and Orion browser officially entered public beta exactly three months "
            "ago.",
        ),
        (
            "Book Review: Transformers In Action",
            "The Attention Is All You Need paper proposed the Transformer architecture as an "
            "improvement to the dominant encoder-decoder models of the time.",
        ),
        # what a thing has come to be (Hugging Face Daily Papers, blind report 3)
        (
            "SPEED-Bench: A Unified and Diverse Benchmark for Speculative Decoding",
            "Speculative Decoding has emerged as a critical technique for accelerating Large "
            "Language Model inference.",
        ),
    ],
)
def test_a_blurb_a_situation_or_a_backdrop_still_prints_nothing(title: str, text: str) -> None:
    assert _summary(title, text) == ""


@pytest.mark.parametrize(
    "sentence",
    [
        # a group named only by a place's adjective (DW: "the tournament" leans on its
        # headline), a habit (TIME World), a career (labelled hook)
        "Two German players made the tournament all-star team.",
        "President Donald Trump has often joked that Denmark’s defense of Greenland is so "
        "paltry that it consists entirely of “two dog sleds.”",
        "Amal El Fallah Seghrouchni has spent her career building artificial intelligence.",
        # a demonstrative points back (a glued heading, labelled boilerplate)
        "Methodology This research project conducted a comprehensive analysis to identify "
        "top-performing universities worldwide.",
    ],
)
def test_no_act_in_these_shapes(sentence: str) -> None:
    assert not tells_an_act(sentence)


def test_a_name_then_now_and_its_verb_is_a_named_subject() -> None:
    """ "Ollama now supports ..." (Ollama Blog): the screen read the first word as a plain
    capitalized word with no name after it, so the line was a hook."""
    assert kind("Ollama now supports new multimodal models with its new engine.") == NEWS


def test_a_wordpress_footer_without_the_post_is_furniture() -> None:
    """The Chesterton Society's feed (blind report 4, labelled boilerplate): the footer
    names the post's title, not "The post ...", and reads as a past act."""
    assert kind("First Hand Accounts appeared first on Society of Gilbert Keith Chesterton.") == (
        BOILERPLATE
    )
