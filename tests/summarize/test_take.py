"""The take's facts: slots filled only from the story's own sentences (real TechCrunch,
Ars Technica and Verge sentences from the fixture feeds)."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from bot.models import Article, Story
from bot.summarize.offline.slots import find
from bot.summarize.offline.take import means_line, take_line
from bot.summarize.sentences import split_sentences
from bot.summarize.storytype import detect_kind

NOW = datetime(2026, 8, 22, tzinfo=UTC)


def _story(title: str, text: str) -> Story:
    article = Article(
        id=1,
        feed_id=1,
        feed_name="TechCrunch",
        guid=title,
        url="https://x.example/a",
        canonical_url="https://x.example/a",
        title=title,
        author=None,
        published_at=NOW,
        text=text,
        content_hash=title,
        first_seen_at=NOW,
        updated_at=NOW,
    )
    return Story(key=title, articles=(article,))


def test_a_raise_fills_who_how_much_and_the_price_tag() -> None:
    fact = (
        "Groq raised $350 million at a $3.5 billion valuation as the former AI chipmaker "
        "pivots to a neocloud business."
    )
    slots = find([fact], [fact], "Groq raises $350M to fuel its pivot from AI chips to neocloud")
    assert (slots.who, slots.amount, slots.valuation, slots.raised) == (
        "Groq",
        "$350 million",
        "$3.5 billion",
        True,
    )
    story = _story("Groq raises $350M to fuel its pivot from AI chips to neocloud", fact)
    # the headline and the short fact already say who and how much: no plain-terms line
    # saying it again, but the take has its opinion on them
    assert means_line([fact], story, "funding", set()) is None
    take = take_line([fact], story, set(), NOW)
    assert take is not None and take.startswith("My read:") and "Groq" in take


def test_a_purchase_names_buyer_and_what_was_bought() -> None:
    fact = "Cursor has officially been acquired by SpaceX."
    slots = find([fact], [fact], "Cursor is now a part of SpaceX")
    assert (slots.who, slots.other, slots.bought) == ("SpaceX", "Cursor", True)
    # the demo day: headline and fact both say it, so "In plain terms: Cursor now belongs
    # to SpaceX." would only say it a third time
    story = _story("Cursor is now a part of SpaceX", fact)
    assert means_line([fact], story, "acquisition", set()) is None


ALPHA = (
    "Alpha School, an “AI-powered private school” that heavily relies on AI to teach "
    "students and can cost up to $65,000 a year, is AI-generating faulty lesson plans that "
    "internal company documentation find sometimes do “more harm than good,” and scraping "
    "data from a variety of other online courses without permission to train its own AI, "
    "according to former Alpha School employees and internal company documents."
)
ALPHA_TITLE = "'Students Are Being Treated Like Guinea Pigs:' Inside an AI-Powered Private School"


def test_a_figure_buried_in_a_long_fact_gets_its_plain_line() -> None:
    """TIME, Feb 2026: the price sits in the middle of a 60-word sentence and not in the
    headline, so the plain line pulls it out, in the source's own words."""
    line = means_line([ALPHA], _story(ALPHA_TITLE, ALPHA), "general", set())
    assert line == "In plain terms: the price is up to $65,000 a year."


def test_joining_a_class_of_cars_is_no_purchase_and_gets_no_line() -> None:
    # issue 8: a carmaker's new model "joining" a vehicle class was told as a purchase
    text = (
        "A couple of years ago, Genesis showed us its unique take on the luxury electric SUV "
        "with the Neolum concept. Now Genesis has debuted the production version as its new "
        "electric flagship, the GV90."
    )
    fact = "Now Genesis has debuted the production version as its new electric flagship, the GV90."
    story = _story("Genesis joins the giant electric SUV club", text)
    assert not find([fact], [text], story.lead_article.title).bought
    assert means_line([fact], story, "general", set()) is None
    assert take_line([fact], story, set(), NOW) is None


def test_a_settlement_fills_who_pays_and_how_much() -> None:
    fact = (
        "Two years after the U.S. Department of Justice alleged that TikTok violated the "
        "Children’s Online Privacy Protection Act, it has reached a $400 million settlement."
    )
    headline = "TikTok reaches $400M settlement over children’s privacy lawsuit"
    slots = find([fact], [fact], headline)
    assert (slots.who, slots.amount, slots.paid) == ("TikTok", "$400 million", True)
    # "$400M" in the headline is the fact's "$400 million": nothing left for a plain line
    assert means_line([fact], _story(headline, fact), "policy", set()) is None


def test_a_headline_fragment_or_a_verb_never_fills_the_name() -> None:
    text = "The model was built by a team of four. It was trained on public code."
    slots = find([text.split(". ")[0] + "."], [text], "How the Model Was Built")
    assert slots.who is None


def test_a_line_is_not_repeated_under_a_second_story() -> None:
    story = _story(ALPHA_TITLE, ALPHA)
    used: set[str] = set()
    first = means_line([ALPHA], story, "general", used)
    second = means_line([ALPHA], story, "general", used)
    assert first and second != first


def test_a_date_in_the_past_makes_no_take() -> None:
    fact = "In April 2025, Logitech raised the prices on 51 percent of its portfolio."
    story = _story("Lawsuit demands Logitech hand tariff refunds", fact)
    assert take_line([fact], story, set(), NOW) is None


def test_a_fine_against_someone_is_paid_by_them_not_by_the_sentences_subject() -> None:
    """TIME, Dec 2025: Musk spoke; the fine is against X, so X is the one on the hook."""
    fact = (
        "Elon Musk has called for the European Union to be abolished in response to the "
        "bloc’s issuance of a $140 million fine against his social media platform, X."
    )
    headline = "Elon Musk and Trump Officials Go to War With E.U. Over $140M Fine for X"
    slots = find([fact], [fact], headline)
    assert (slots.who, slots.amount, slots.paid) == ("X", "$140 million", True)
    take = take_line([fact], _story(headline, fact), set(), NOW)
    assert take is not None and "X " in take and "Musk" not in take
    unnamed = fact.replace("his social media platform, X", "his company")
    story = _story("Musk fights the EU over a fine", unnamed)
    line = take_line([unnamed], story, set(), NOW)
    assert line is None or "Musk" not in line  # nobody named: nobody is said to pay


def test_a_schools_fees_get_no_advice_meant_for_a_product() -> None:
    """TIME, Feb 2026: the plain line gives Alpha School's price, but "try it on one real
    job before you pay up to $65,000 a year" is advice for a tool, not a school."""
    story = _story(ALPHA_TITLE, ALPHA)
    kind = detect_kind(ALPHA, headline=ALPHA_TITLE)
    assert kind != "release"
    assert take_line([ALPHA], story, set(), NOW, kind) is None


def test_the_take_on_a_fine_is_one_sentence_about_who_pays_and_how_much() -> None:
    """TIME, Dec 2025, the lead of its day: one opinion with X and the fine's amount in it,
    not a second stock sentence after it."""
    fact = (
        "Elon Musk has called for the European Union to be abolished in response to the "
        "bloc’s issuance of a $140 million fine against his social media platform, X."
    )
    headline = "Elon Musk and Trump Officials Go to War With E.U. Over $140M Fine for X"
    take = take_line([fact], _story(headline, fact), set(), NOW, "policy")
    assert take is not None and take.startswith("My read:")
    assert len(split_sentences(take)) == 1
    assert "$140 million" in take and "X " in take


def test_a_deal_not_yet_closed_is_not_told_as_done() -> None:
    # "has agreed to acquire" fills the purchase line as "was acquired by" does, so the
    # line must not tell the reader the buyer already owns the company
    fact = (
        "Salesforce has agreed to acquire Informatica in a deal that values the data "
        "management company at about $8 billion, the companies said on Tuesday, as software "
        "makers race to feed their AI agents the business data that their corporate "
        "customers already keep in their own systems."
    )
    story = _story("Salesforce makes its biggest bet in years on data", fact)
    line = means_line([fact], story, "acquisition", set())
    assert line is not None and "Salesforce" in line and "Informatica" in line
    assert not re.search(r"\b(?:now|owns|belongs|bought)\b", line)


def test_a_blogger_who_bought_a_product_gets_no_purchase_line() -> None:
    # blind report 3 (pagetable.com): "I bought GEOS ..." filled the buyer slot with "I"
    # and printed "In plain terms: GEOS is going to I."
    fact = "Here are some of Falk Rehwagen's thoughts on his involvement with GEOS and TopDesk."
    text = f"{fact} Naturally, I bought GEOS as soon as it was possible, in Berlin, 1990."
    story = _story("Falk Rehwagen, TopDesk and GEOS", text)
    assert not find([fact], [text], story.lead_article.title).bought
    assert means_line([fact], story, "acquisition", set()) is None
    assert take_line([fact], story, set(), NOW) is None


def test_a_purchase_dated_decades_ago_is_history_not_the_storys_deal() -> None:
    # blind report 3 (pagetable.com): a history of Commodore's assemblers got "Commodore is
    # taking over MOS" from "Commodore bought MOS in November 1976"
    fact = "Commodore used 5 different assemblers to build the ROMs for the PET and the C64."
    text = f"{fact} Commodore bought MOS in November 1976, and the 6502 became its product."
    story = _story("Commodore's Assemblers: Overview", text)
    assert not find([fact], [text], story.lead_article.title).bought
    lines = [means_line([fact], story, "acquisition", set()), take_line([fact], story, set(), NOW)]
    assert not any(line and "MOS" in line for line in lines)
    # a deal announced now, closing in a later year, is still the story's deal
    deal = "Acme has agreed to buy Widgetco for $5 billion, a deal expected to close in 2027."
    assert find([deal], [deal], "Acme to buy Widgetco").bought


def test_a_date_someone_once_predicted_makes_no_take() -> None:
    # ThatSoftwareDude.com's post of 30 December 2025 (blind report 7): the year is in a
    # prediction the post argues against, not a date anything in the story is due by
    fact = (
        "Despite the bold predictions from late 2024 that human software development would "
        "be dead by 2026, programmers still have jobs."
    )
    story = _story("How to Actually Use AI as a Developer in 2026", fact)
    assert find([fact], [fact], story.lead_article.title).when is None
    assert take_line([fact], story, set(), datetime(2025, 12, 30, tzinfo=UTC)) is None
    # a date the news is due by still fills it
    due = "Mistral will open its Paris data center in 2027, the company said."
    assert find([due], [due], "Mistral to open a Paris data center").when == "2027"
