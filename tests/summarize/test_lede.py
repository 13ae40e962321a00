"""The lede score: a feature's opener is not printed as the news, the news sentence after it
is, and a feature with no news sentence in its lead prints only its headline. Measured on
the labelled sentences with their place in the article (tests/data/writer/positions.jsonl).

The articles below are real: their first sentences as TIME World published them (a world-news
tune outlet, bench/_days.py), cut after the lead the writer reads and a sentence or two
more (an article of four sentences or more is scored; a shorter one is a feed's summary).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.summarize.offline.lede import NAMES, Place, features, is_lede_news
from bot.summarize.offline.screen import BOILERPLATE, HOOK, is_concrete, kind

from .test_news_first import _summary

DATA = Path(__file__).resolve().parents[1] / "data" / "writer" / "positions.jsonl"


def test_the_lede_is_printed_not_the_sentence_that_leans_on_it() -> None:
    summary = _summary(
        "At Least 5,000 Killed in Iran Protests, Official Says, As Trump Calls for Change",
        "At least 5,000 people were killed in the protests that gripped Iran this month, "
        "according to an Iranian official, 500 of whom were security personnel. The toll is "
        "the highest yet cited by a government source for the nationwide protests. The "
        "Iranian official, who was quoted by Reuters, blamed “Israel and armed groups "
        "abroad” for the high number of people killed, and said the government’s official "
        "count was unlikely to go much higher. Protests erupted in Tehran after the rial, "
        "Iran’s currency, crashed on December 28. The demonstrations quickly snowballed into a "
        "broader anti-government movement calling for the fall of Supreme Leader Ayatollah "
        "Ali Khamenei.",
    )
    assert summary.startswith("At least 5,000 people were killed in the protests")
    assert "The Iranian official" not in summary


def test_a_feature_whose_lead_holds_no_news_prints_only_its_headline() -> None:
    summary = _summary(
        "Iran on the Edge: Inside the Uprising the Regime Tried to Crush",
        "The men who rule the Islamic Republic of Iran came to power in 1979 after millions "
        "of ordinary people filled the streets to demand the end of a despotic regime. "
        "Looking out their windows in the first days of 2026, they knew exactly what they "
        "were seeing on thoroughfares and boulevards. They also knew how to clear them. On "
        "Jan. 8, Iranian authorities shut down the internet and gave security forces their "
        "orders.",
    )
    assert summary == ""


def test_a_plain_news_lede_is_still_printed() -> None:
    summary = _summary(
        "Trump Says He Will Not Use Force to Acquire Greenland",
        "President Donald Trump said Wednesday he would not use force to acquire Greenland, "
        "the first time he has ruled out using military action to acquire the territory. "
        "“I won’t use force,” he added.",
    )
    # the lede is printed; its "Wednesday" goes (a day that dates the news: weekday.py)
    assert summary.startswith("President Donald Trump said he would not use force")


def _held_out() -> list[dict[str, object]]:
    rows = [json.loads(x) for x in DATA.read_text(encoding="utf-8").splitlines() if x]
    return [r for r in rows if r["part"] == "held-out"]


def _precision_recall(pred: list[bool], gold: list[bool]) -> tuple[float, float]:
    tp = sum(1 for p, g in zip(pred, gold, strict=True) if p and g)
    return tp / max(1, sum(pred)), tp / max(1, sum(gold))


def test_on_held_out_articles_printed_sentences_are_mostly_news() -> None:
    rows = _held_out()
    assert len(rows) >= 150
    gold = [r["label"] == "news" for r in rows]
    rules = [kind(str(r["text"])) == "news" and is_concrete(str(r["text"])) for r in rows]
    scored = [
        kind(str(r["text"])) not in (BOILERPLATE, HOOK)
        and is_lede_news(
            str(r["text"]),
            Place(int(str(r["pos"])), str(r["next"]), int(str(r["count"]))),
            str(r["headline"]),
            int(str(r["year"])),
        )
        for r in rows
    ]
    p_rules, _ = _precision_recall(rules, gold)
    precision, recall = _precision_recall(scored, gold)
    # fitted on the other part only: far fewer hooks printed than by the rules alone,
    # without giving up most of the news (session 36: 0.84 / 0.74 against the rules'
    # 0.61 / 0.93; the rules' own precision rose from 0.58 with that session's screen)
    assert precision >= 0.75
    assert precision > p_rules + 0.15
    assert recall >= 0.7


def test_a_feeds_one_sentence_summary_with_news_is_printed() -> None:
    # TechCrunch's feed carries one sentence per item; where it stands says nothing there,
    # so the rules judge it (the score alone left this story with its headline only)
    summary = _summary(
        "Mark buys a castle",
        "Mark Zuckerberg just bought a cozy abode somewhat close to Meta’s international "
        "headquarters in Ireland.",
    )
    assert summary.startswith("Mark Zuckerberg just bought a cozy abode")


def test_a_new_studys_finding_is_printed_though_it_names_no_one() -> None:
    """TechCrunch's summary (TechCrunch history row): no name or number, and a teaser's
    word ("unexpected") inside what the study found; the finding is the news."""
    summary = _summary(
        "Frontier AI labs still won’t say how they’d contain a rogue model",
        "A new study finds leading AI labs have few publicly documented plans for containing "
        "rogue models, raising questions about preparedness as AI systems increasingly "
        "demonstrate unexpected and potentially dangerous behavior.",
    )
    assert summary == (
        "A new study finds leading AI labs have few publicly documented plans for "
        "containing rogue models."
    )
    # the same words as the outlet's own claim are a teaser still
    teaser = _summary(
        "Frontier AI labs still won’t say how they’d contain a rogue model",
        "AI systems increasingly demonstrate unexpected and potentially dangerous behavior.",
    )
    assert teaser == ""


def test_a_tech_one_liner_with_no_teaser_word_is_still_printed() -> None:
    # TechCrunch's feed summary (a tech tune sentence): a plain fact, printed as before
    summary = _summary(
        "Waymo hands over documents in NHTSA’s child collision probe",
        "The responses to NHTSA's questions so far are redacted entirely, citing "
        '"confidential business information."',
    )
    assert summary.startswith("The responses to NHTSA's questions")


def test_a_headline_word_shared_through_a_curly_apostrophe_counts_as_shared() -> None:
    # the TechCrunch headline above writes "NHTSA’s", its summary "NHTSA's": one word
    shared = NAMES.index("headline words shared")
    place = Place(0, "", 5)
    sentence = "The responses to NHTSA's questions so far are redacted entirely."
    curly = features(sentence, place, "Waymo hands over documents in NHTSA’s child probe", 2026)
    straight = features(sentence, place, "Waymo hands over documents in NHTSA's child probe", 2026)
    without = features(sentence, place, "Waymo hands over documents in a child probe", 2026)
    assert curly[shared] == straight[shared] > without[shared]


def test_a_reviews_reposting_note_is_furniture() -> None:
    # Mark Coddington's weekly media review opens every item with this note
    # (../shared/fixtures/realworld, the fresh report set): it is no fact
    assert (
        kind("[This review was originally posted at the Nieman Journalism Lab on Aug. 22, 2014.]")
        == BOILERPLATE
    )


def test_news_under_a_quote_question_or_obituary_headline_is_still_printed() -> None:
    # a headline with a verb before its quote is news, not an interview (TIME World); under
    # a question headline a line that opens on its actor or says who said it is news (DW);
    # an obituary's line on the death is (NPR)
    assert _summary(
        "Newsom Tells World Leaders to Stand Up to Trump: ‘It’s Just Pathetic’",
        "California’s Gov. Gavin Newsom issued a strong message to global leaders on "
        "Tuesday, urging them to take a stand against President Donald Trump.",
    ).startswith("California’s Gov. Gavin Newsom issued")
    assert _summary(
        "India's oil shake-up: Can Venezuela really replace Russia?",
        "Donald Trump says India has agreed to replace Russian oil with US supplies.",
    ).startswith("Donald Trump says India has agreed")
    assert _summary(
        "Rev. Jesse Jackson has died",
        "Longtime civil rights leader Rev. Jesse Jackson dies at age 84.",
    ).startswith("Longtime civil rights leader Rev. Jesse Jackson dies")
    # an old year with a present attribution is news now (NPR)
    assert _summary(
        "U.S. releases new details on alleged secret Chinese nuclear test",
        "A U.S. official said Tuesday a remote earthquake in 2020 was caused by a Chinese "
        "nuclear test.",
    ).startswith("A U.S. official said Tuesday")


# Real feed summaries the rules call news that are not: each prints its headline and links
# only. Teasers (world-news tune outlets, seventh session); a feature's, profile's or
# interview's lines (outlets read in the nineteenth session: DW, EL PAÍS, AllAfrica, Spoon &
# Tamago, Collective Action in Tech, TIME Tech).
NOT_NEWS = [
    (
        "How dark web agent spotted bedroom wall clue to rescue girl from years of harm",
        "Detectives desperate to locate a 12-year-old, seen abused online, found a surprising lead.",
        "teaser word (BBC)",
    ),
    (
        "Labubu Diplomacy",
        "China seems to be winning more hearts and minds abroad. Has it gotten better at soft power?",
        "hedge 'seems to' (NYT World)",
    ),
    (
        "Peru’s Congress votes to impeach President Jose Jeri in government shake-up",
        "Jeri is the latest in a series of Peruvian presidents to be removed from office by an act of Congress.",
        "'the latest in a series' (Al Jazeera)",
    ),
    (
        "The hidden money behind deep-sea mining",
        "A DW investigation traces the hidden financial web behind deep-sea mining.",
        "the article talks about itself (DW)",
    ),
    (
        "AI-fueled chip shortage drives up smartphone prices",
        "Anyone buying a new smartphone in 2026 should brace for higher prices.",
        "talks to the reader (DW)",
    ),
    (
        "2026 Winter Olympics opening ceremony is here",
        "The 2026 Winter Olympics opening ceremony is finally here.",
        "the mood, not the news (DW)",
    ),
    (
        "Horden: portraits of family, death, and dreams in an English mining town",
        "As a child, Ed Alcock listened to the story of his great uncle Kendon’s death at the age of 17.",
        "a scene: 'As a child' (EL PAÍS)",
    ),
    (
        'Holocaust survivor Leon Weintraub: "We were dehumanized"',
        "The 100-year-old vividly recalls the hunger, death camps and cruelty of the guards.",
        "leans back: 'The 100-year-old' (DW)",
    ),
    (
        "Germany's gas reserves face crucial energy supply test",
        "The country's stockpiles have dropped to about 30% amid a spell of severe cold.",
        "leans back: 'The country's' (DW)",
    ),
    (
        "Duct-Tape Typographer Shuetsu Sato Honored With Design Award",
        "Shuetsu Sato began working as a security guard at Shinjuku Station in 2002.",
        "background years old (Spoon & Tamago)",
    ),
    (
        "Worker Perspective with Sunday Mills (HCL)",
        "Wynnie Chan spoke with Sunday Mills, one of the union organizers at Google Pittsburgh vendor company HCL about the state of organizing in tech.",
        "a conversation's blurb (Collective Action in Tech)",
    ),
    (
        "Jung Chang, writer: ‘If people thought China was so wonderful, they would go there’",
        "Jung Chang rose to fame in 1991 with her memoir Wild Swans.",
        "an interview's headline (EL PAÍS)",
    ),
    (
        "'Apocalypse Now' actor Robert Duvall dies aged 95",
        'Robert Duvall won an Oscar for "Tender Mercies" and earned nominations for classics including "The Godfather."',
        "an obituary's line without the death (DW)",
    ),
    (
        "Africa: Building Africa's Future Together - OAFLAD's Renewed Leadership",
        "[35Nord] At a critical juncture for Africa's development trajectory, the Organization of African First Ladies for Development enters a renewed phase of leadership and institutional consolidation.",
        "the mood after a source tag the writer cuts (AllAfrica)",
    ),
    (
        "Worker Perspective with Willy Solis (Gig Workers Collective)",
        "On July 16th, 2022, Hyatt Dirbas spoke with Willy Solis, Lead Organizer for Gig Workers Collective, about organizing in the tech industry and workplace as a gig worker.",
        "a conversation's blurb after a two-comma date (Collective Action in Tech)",
    ),
    (
        "Why the World’s Best AI Systems Are Still So Bad at Pokémon",
        "Right now, live on Twitch, you can watch three of the world’s smartest AI systems doing their best to beat classic Pokémon games.",
        "talks to the reader: 'you can' (TIME Tech)",
    ),
    (
        "Art Collective Mé Carves Holes Into Home, Revealing Cavernous Interior",
        "Along a narrow residential street in Kanawa, the historic heart of Beppu City known for their geothermal hot springs, is an inconspicuous 2-story home that, until recently, would have been barely noticeable.",
        "a place set before its subject: a scene (Spoon & Tamago)",
    ),
    (
        "Perplexity's Comet browser is now free",
        "Comet is a new kind of browser, containing an integrated AI chatbot that can surf the web on your behalf, plus carry out autonomous actions like making purchases, sending emails, or creating calendar events.",
        "what a thing is, not what happened (TIME Tech)",
    ),
    (
        "Cost of Housing",
        "Many people in America are complaining about the cost of housing.",
        "a general remark about many people (the singularity is nearer)",
    ),
    (
        "Weil Anima",
        "Dustin Clausen is giving a course at the IHES starting today on “Weil Anima” (or maybe “Weil-Moore Anima”.",
        "cut inside a bracket its source never closes (Not Even Wrong)",
    ),
    (
        "Art Duo Recreates Street Scenes of Tokyo Entirely from Cardboard",
        "For over 15 years, Japanese art duo ZUGAKOUSAKU & KURIEITO have been working together, meticulously recreating ordinary environments entirely from cardboard.",
        "how long something has gone on: background (Spoon & Tamago)",
    ),
    (
        "Spoon & Tamago’s Most-Popular Posts of 2025",
        "2025 marked the 80-year anniversary of the end of WWII.",
        "an anniversary: background (Spoon & Tamago)",
    ),
    (
        "Five AI Developments That Changed Everything This Year",
        "The biggest developments in AI in 2025 In case you missed it, 2025 was a big year for AI.",
        "a year-end round-up's furniture (TIME Tech)",
    ),
]


@pytest.mark.parametrize(("title", "text", "why"), NOT_NEWS, ids=[c[2] for c in NOT_NEWS])
def test_a_summary_that_is_not_news_prints_only_its_headline(
    title: str, text: str, why: str
) -> None:
    assert _summary(title, text) == "", why


# DW's feed summaries on the world report row (../shared/fixtures/realworld, Jan-Feb 2026):
# a trend or a situation with no event in it is a teaser (labelled hooks in
# tests/data/writer/printed.jsonl), while the same outlet's news lines share its words.
DW_TEASERS = [
    (
        "China grows while Europe slows in South American EV market",
        "China's electric carmakers are rapidly expanding across South America as Europe "
        "hesitates with trade liberalization. From Brazil to Argentina, a high-stakes battle "
        "is unfolding for the region's future auto market.",
        "China's electric carmakers are rapidly expanding",
    ),
    (
        "Epstein files: Germany scrutinizes newly released documents",
        "The scandal surrounding US sex offender Jeffrey Epstein is rocking European "
        "countries. In Germany, journalists are combing through the files, and politicians "
        "are pushing for investigations.",
        "journalists are combing through the files",
    ),
    (
        "Hungary: Magyar launches anti-Orban election campaign",
        "Peter Magyar's opposition Tisza party is pledging to combat corruption in one of the "
        "European Union's poorest countries and reverse Budapest's pivot towards Russia.",
        "is pledging to combat corruption",
    ),
    (
        "Rubio praises Orban and Hungary ahead of crunch election",
        "Nationalist leader Orban faces a strong opposition challenge ahead of elections in April.",
        "Orban faces a strong opposition challenge",
    ),
    (
        "Trump's Greenland 'piece of ice' remark echoes history",
        "Donald Trump's description of Greenland echoes a colonial pattern in which powerful "
        "states have dismissed sparsely populated land, ignoring Indigenous ties.",
        "echoes a colonial pattern",
    ),
    (
        "The German Olympic ski jump winner with a fear of heights",
        "German ski jumper Philipp Raimund hasn't won a single World Cup event. That's just "
        "part of what makes his Olympic gold medal performance so incredible.",
        "hasn't won a single World Cup event",
    ),
    (
        "Israel upends the map of the West Bank upside with its annexation frenzy",
        "Israel holds parliamentary elections in October.",
        "Israel holds parliamentary elections",
    ),
    (
        "Tesla profit slumps amid lower EV sales, AI spending surge",
        "With increased competition and heavy attention on the antics of the company's CEO, "
        "Tesla's core electric vehicle business has faltered in the past year.",
        "has faltered in the past year",
    ),
    (
        "Russia presses demands, and faces pressure, as Ukraine talks move to Geneva",
        "High casualties and economic trouble signal time is no longer on Russia’s side, but "
        "Moscow isn’t backing off political and territorial demands to weaken Ukraine.",
        "signal time is no longer",
    ),
]

# The same outlet's news lines with the same shapes of words: an ongoing act with its
# object ("is pressing charges against..."), "is growing", "is now planning", a trend with
# a figure ("...a bumper run in 2025"), a present-tense opening.
DW_NEWS = [
    (
        "Germany: Tesla charges trade union member in IG Metall fight",
        "Tesla's German factory in Grünheide is pressing charges against an external trade "
        "union member.",
    ),
    (
        "Will Europe move to boost diplomacy with Russia?",
        "Debate is growing in Brussels about appointing an EU special envoy to deal with Russia.",
    ),
    (
        "Germany's new plans to tackle spiralling rents",
        "The government is now planning to introduce new rules for furnished and short-term "
        "rentals.",
    ),
    (
        "Gold breaks $5,000: What's fueling the price rally and where will it end?",
        "Gold continues to hit record highs, having already had a bumper run in 2025.",
    ),
    (
        "Berlinale film festival blends politics, pop culture",
        "An Afghan feature opens the Berlin International Film Festival, while stars including "
        "Pamela Anderson, Ethan Hawke and John Turturro are expected on the red carpet.",
    ),
]


@pytest.mark.parametrize(("title", "text", "teaser"), DW_TEASERS, ids=[c[2] for c in DW_TEASERS])
def test_a_trend_or_situation_teaser_is_not_printed(title: str, text: str, teaser: str) -> None:
    assert teaser not in _summary(title, text)


@pytest.mark.parametrize(("title", "text"), DW_NEWS, ids=[c[0] for c in DW_NEWS])
def test_a_news_line_with_a_teasers_words_is_still_printed(title: str, text: str) -> None:
    assert _summary(title, text).startswith(text[:40])
