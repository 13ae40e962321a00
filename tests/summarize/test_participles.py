"""A long sentence's trailing participle clause told as a sentence of its own, with its doer
named again and every word kept (bot/summarize/offline/participles.py); and the look-alikes
that must stay whole, each one a guard's reason. Real fixture sentences unless marked
"written"."""

from __future__ import annotations

import pytest

from bot.summarize.offline.participles import split_participle
from bot.summarize.offline.plain import plain_sentences

SPLITS = [
    (
        # realworld TIME World: a titled person is named again by surname
        "Ukrainian President Volodymyr Zelensky criticized European leaders, accusing them of "
        "failing to act when it comes to defending Ukraine against Russia.",
        [
            "Ukrainian President Volodymyr Zelensky criticized European leaders.",
            "Zelensky accused them of failing to act when it comes to defending Ukraine "
            "against Russia.",
        ],
    ),
    (
        # npr-news.xml: a present perfect head; "saying" is told as "said"
        "The Iranian regime has dismissed President Trump's threats to crush Iran "
        "economically, saying that years of U.S. sanctions have failed.",
        [
            "The Iranian regime has dismissed President Trump's threats to crush Iran "
            "economically.",
            "The Iranian regime said that years of U.S. sanctions have failed.",
        ],
    ),
    (
        # realworld TIME World: the stop inside the closing quote stays there
        "German Chancellor Friedrich Merz has warned of “a deep rift” between Europe and the "
        "United States, arguing that the latter “will not be powerful enough to go it alone.”",
        [
            "German Chancellor Friedrich Merz has warned of “a deep rift” between Europe and "
            "the United States.",
            "Merz argued that the latter “will not be powerful enough to go it alone.”",
        ],
    ),
    (
        # realworld: an irregular past ("won") and an "acting" participle
        "Keke Rosberg won the championship under perhaps the strangest circumstances in "
        "Formula 1 history, winning only 1 race in the season.",
        [
            "Keke Rosberg won the championship under perhaps the strangest circumstances in "
            "Formula 1 history.",
            "Keke Rosberg won only 1 race in the season.",
        ],
    ),
    (
        # realworld: a name's noun phrase as the subject
        "Musk’s social media company launched this latest lawsuit against Prime Minister "
        "Narendra Modi’s government in March, arguing that the portal creates “an "
        "impermissible parallel mechanism” that causes “unrestrained censorship of "
        "information in India.”",
        [
            "Musk’s social media company launched this latest lawsuit against Prime Minister "
            "Narendra Modi’s government in March.",
            "Musk’s social media company argued that the portal creates “an impermissible "
            "parallel mechanism” that causes “unrestrained censorship of information in "
            "India.”",
        ],
    ),
]


@pytest.mark.parametrize(("source", "expected"), SPLITS, ids=lambda x: str(x)[:30])
def test_a_trailing_participle_becomes_a_sentence_of_its_own(
    source: str, expected: list[str]
) -> None:
    assert split_participle(source) == expected
    assert plain_sentences(source) == expected


STAY = [
    # a result's participle: the whole event is its doer, not Discord ("Discord meant ...")
    "Discord announced it was launching teen-by-default settings globally, meaning that more "
    "users may be required to verify their age by uploading an identity document or taking a "
    "selfie.",
    # an adverb between "has" and its verb, and a second participle after "and"
    "OpenAI has strongly denied Musk’s allegations, calling them legal harassment, and noting "
    "that Musk is a competitor who owns a rival AI company.",
    # "Yet" opens the sentence: "Yet he noted ..." would repeat it
    "Yet he tempered the gloom with some optimism, noting that it was possible, “if we choose "
    "to open our eyes and act together,” to change direction.",
    # "It seemed ... had to be rethought": the doer of "using" is no one the head names
    "It seemed the process of video creation itself had to be rethought, using the power and "
    "possibility of LLMs, multi-modal embeddings / search, and computer vision / diffusion "
    "models as a collaborator.",
    # a passive head: the networks do not use the code, someone trains them with it
    "The neural networks are trained entirely in simulation, using the same reinforcement "
    "learning code as OpenAI Five paired with a new technique called Automatic Domain "
    "Randomization.",
    # "and claiming ..." would be left behind a past tense
    "Trump began his remarks focused on delivering a triumphant verdict on his first year back "
    "in office, calling it “the fastest and most dramatic economic turnaround in our country’s "
    "history” and claiming inflation had been “defeated,” the border rendered “virtually "
    "impenetrable” and growth set to surpass any previous benchmark.",
    # "published" is an adjective here: the verb is "look" (simonwillison newsletter; the
    # source ends on a colon before a list)
    "The Qwen published scores look impressive, comparing favorably with GPT-4o and Claude 3.5 "
    "Sonnet edition across various code-related benchmarks.",
    # another tense ("had won"): left whole
    "OpenAI Five is the first AI to beat the world champions in an esports game, having won "
    "two back-to-back games versus the world champion Dota 2 team, OG, at Finals this weekend.",
    # written: the whole sentence is the spokesperson's; the head alone would lose that
    "The airline cancelled 40 flights at Heathrow on Friday, citing a shortage of air traffic "
    "controllers, a spokesperson said.",
    # written: a second clause in the head ("the company would close"): who cited it?
    "Officials said the company would close the plant in Ohio next spring, citing weak demand "
    "for its trucks.",
    # written: a second subject and its verb ("Musk signed") in the head
    "Investors welcomed the deal Musk signed with the Saudi fund last week, calling it a "
    "lifeline for the struggling carmaker.",
    # written: a result's participle with the head's subject sure ("Nvidia marked ..."
    # would make the company the doer of the record)
    "Nvidia lost $590 billion in market value on Monday, marking the largest one-day loss "
    "for any company in U.S. history.",
    # the writer's own ", but" cut of a realworld sentence: "But Alesi beat ..." would repeat
    # the "But"
    "But Alesi impressed with consistent points, beating teammate Ivan Capelli 2-1 in "
    "counting races, 13-1 in qualifying, and 18-3 in points.",
    # an adverb between the auxiliary and the verb: no plain subject and verb
    "Iran’s government has officially put the death toll at just over 3,000, describing many "
    "of the dead as “terrorists.”",
    # written: the comma is inside a quote the head opens
    "Trump called the talks “a waste of time, using up weeks nobody had” in a post on his "
    "social network on Friday.",
    # written: the cut would be inside the quote
    "“We will keep building, using every tool we have, until the job is done,” the chief "
    "executive told shareholders at the annual meeting in Austin.",
]


@pytest.mark.parametrize("source", STAY, ids=lambda s: s[:30])
def test_look_alikes_stay_whole(source: str) -> None:
    assert split_participle(source) is None


def test_a_report_of_an_act_takes_only_more_of_what_was_said() -> None:
    # written: the police did not use the knife; only "saying"-like participles follow "said"
    source = (
        "Police said a man attacked a security guard at the museum on the north side of town, "
        "using a knife he had hidden in his bag."
    )
    assert split_participle(source) is None
    told = source.replace("using a knife he had hidden in his bag", "citing witnesses")
    assert split_participle(told) == [
        "Police said a man attacked a security guard at the museum on the north side of town.",
        "Police cited witnesses.",
    ]
