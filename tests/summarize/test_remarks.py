"""What is said about a story, a maker's line or a heading is not printed as a fact.

Every refused sentence below is one the offline writer printed as a fact on a bench/style.py
row before the twenty-third session (labelled hook, boilerplate or needs-context in
tests/data/writer/printed.jsonl, as printed; here as the feed wrote it where that differs);
the kept ones are labelled news lines or news lines of the data that share a refused one's
first words or shape, except two short ones written to pin a boundary (a list with its
"-s" verb, "The EU plan ..."), each marked; some kept lines' headlines are written.
"""

from __future__ import annotations

import pytest

from bot.summarize.offline.blurbs import is_blurb

from .test_news_first import _summary


@pytest.mark.parametrize(
    ("headline", "sentence"),
    [
        # a weekly review's recap of talk about a story
        (
            "This Week in Review: Facebook and online control, and educating stronger data "
            "journalists",
            "A week after Facebook’s experimental study on News Feed content and user emotions "
            "initially prompted an uproar, observers continued to talk about its implications "
            "for research, social media, and control.",
        ),
        (
            "This Week in Review: Kinsley vs. Greenwald on NSA secrets, and new data on "
            "mobile’s rise",
            "Late last week, political journalist and pundit Michael Kinsley launched a "
            "particularly contentious new round in the nearly year-old debate about the "
            "release of Edward Snowden’s documents about National Security Agency surveillance.",
        ),
        # lore, a reviewer's praise, an essayist's "one", a blogger's vague time
        (
            "Japanese Designer New Year’s Cards of 2026",
            "The year of the horse (uma-doshi) is said to be auspicious in Japan, not only "
            "because it represents strength, speed and energy.",
        ),
        (
            "Marx Truncated",
            "Philosophy and Revolution is an excellent introduction to some parts of Marx’s "
            "philosophy, but a very truncated book.",
        ),
        (
            "Fat Tuesday – Bourbon Street Parade",
            "Today’s the day folk in England Shrove Tuesday, when one is supposed to get "
            "“shriven” by doing a penance before Lent.",
        ),
        (
            "The County Game",
            "The National Hurling League started a couple of weeks ago so inter-county hurling "
            "has been on the telly recently once more.",
        ),
        # background: a life or a service in the past
        (
            "India is retiring its most celebrated warplane",
            "The MiG-21 served in every Indian war for 50 years.",
        ),
        # a maker's lines
        (
            "OpenAI Codex with Ollama",
            "Codex can read, modify, and execute code in your working directory using models "
            "such as gpt-oss:20b, gpt-oss:120b, or other open-weight alternatives.",
        ),
        (
            "How GPT-5.6 fuses frontier intelligence with frontier efficiency",
            "GPT-5.6 improves AI efficiency across models, inference, and agentic workflows, "
            "helping deliver more useful intelligence per dollar.",
        ),
        (
            "Reducing Government Costs and Increasing Access to Greenspaces in the United "
            "Kingdom with DINO",
            "Meta's DINOv2 model is enhancing reforestation efforts around the world.",
        ),
        (
            "Equipping agents for the real world with Agent Skills",
            "Claude is powerful, but real work requires procedural knowledge and organizational "
            "context.",
        ),
        (
            "How we built Claude Code auto mode: a safer way to skip permissions",
            "Claude Code users approve 93% of permission prompts.",
        ),
        ("Llama 3.2 Vision", "11B and 90B models are now available in Ollama."),
        (
            "TIME Is Looking For the Top EdTech Companies of 2026",
            "In 2026, TIME will once again publish its ranking of the World’s Top EdTech "
            "Companies, in partnership with Statista.",
        ),
        # a heading: short items and no verb, a word split after its drop cap
        (
            "The all new le Chat: Your AI assistant for life and work",
            "Brand new features, iOS and Android apps, Pro, Team, and Enterprise tiers.",
        ),
        (
            "Devant la guerre: On E. H. Carr's \"The twenty years' crisis 1919-39\"",
            "T here is no better time than now to read E. H. Carr’s The twenty years’ crisis.",
        ),
        # a mood, and a definite noun for what the headline named
        (
            "Israel upends the map of the West Bank",
            "With Benjamin Netanyahu’s coalition polling worse than the opposition, the "
            "ultranationalist partners who dream of Greater Israel fear the end of the "
            "settlement “miracle”.",
        ),
        (
            "As Israel advances West Bank land registration, Palestinians see de facto annexation",
            "The plan restarts a land registration process in Area C of the West Bank.",
        ),
        (
            "Ukraine updates: Peace talks in Geneva 'very tense'",
            "The talks come just days before the 4-year anniversary of Russia's invasion of its "
            "neighbor.",
        ),
    ],
)
def test_a_remark_is_refused(headline: str, sentence: str) -> None:
    assert is_blurb(sentence, headline)


@pytest.mark.parametrize(
    ("headline", "sentence"),
    [
        # a weekly review's news item (labelled news)
        (
            "This Week in Review: Kinsley vs. Greenwald on NSA secrets, and new data on "
            "mobile’s rise",
            "Kinsley delivered a scathing review of Glenn Greenwald’s book “No Place to Hide” "
            "for The New York Times.",
        ),
        # what a product can be used for, once (labelled news)
        (
            "OpenAI Codex with Ollama",
            "Open models can be used with OpenAI's Codex CLI through Ollama.",
        ),
        # a one-letter name and its verb, not a drop cap
        (
            "Musk’s X Vows to Appeal Indian Court Order",
            "X referred to the social media content removal mechanism as a “new regime”.",
        ),
        # written: a list with its verb, an "-s" verb inside an item
        ("Apple update", "Apple adds Genmoji, Image Playground, and Writing Tools."),
        # "the fear that" is a noun; a state body under "The" (a DW line)
        (
            "Harassers made fake accounts",
            "For some, it makes it harder to get jobs; the fear that anyone could be your "
            "harasser is constant.",
        ),
        (
            "Germany to tighten rental rules",
            "The government is now planning to introduce new rules for furnished and "
            "short-term rentals.",
        ),
        # written: a sentence that names whose plan
        (
            "EU unveils tariff response",
            "The EU plan restarts talks on steel quotas with Washington.",
        ),
    ],
)
def test_the_news_line_of_a_remarks_shape_is_kept(headline: str, sentence: str) -> None:
    assert not is_blurb(sentence, headline)


def test_the_digest_prints_the_headline_alone_under_a_makers_claim() -> None:
    claim = "Claude Code users approve 93% of permission prompts."
    assert _summary("How we built Claude Code auto mode", claim) == ""


def test_a_short_summarys_later_line_on_an_unnamed_group_is_not_printed() -> None:
    """Whose staff is said in the line before; first in a summary such a line is news."""
    summary = _summary(
        "Italy: Rai sports staff to strike over Olympic opening farce",
        "RaiSport's director gave himself the announcer's job for the Winter Olympics opening "
        "ceremony and then proceeded to botch it. Staff have announced a strike in protest to "
        "begin once the Games are finished.",
    )
    assert "Staff have announced" not in summary
    assert summary.startswith("RaiSport's director gave himself the announcer's job")
    first = (
        "Scientists have said fossils of a small newly discovered dinosaur found in Spain "
        "could change ideas on the evolution of ornithopods."
    )
    assert _summary("New dinosaur found in Spain", first).startswith("Scientists have said")
