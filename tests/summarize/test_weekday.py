"""A weekday that dates a past event inside a long sentence goes (issue 8: fact sentences of
18 words or fewer; docs/voice.md, "Plain words keep the meaning"), as a leading "On Monday,"
already did: the digest is about the day's news. Every look-alike below names the guard
that keeps its day (``weekday.keep_reason``); switched off, each guard loses its case.
Sentences marked "fixture" are real ones (../shared/fixtures, tuned outlets: TIME World, The
Week, NDTV, TIME Tech, Simon Willison's newsletter, and one racing blog in no bench row; none
from a report row); the rest are written for the guard."""

from __future__ import annotations

import pytest

from bot.summarize.offline.asides import LONG, trim_sentence
from bot.summarize.offline.plain import plain_sentences
from bot.summarize.offline.weekday import keep_reason

DROPS = [
    # fixture (TIME World): "said on <day> that" (the "that" goes after it: compress.py)
    (
        "Denmark’s foreign minister said on Wednesday that a “fundamental disagreement” with "
        "U.S. President Donald Trump over the future of Greenland remained unresolved after "
        "high-level talks in Washington.",
        "Denmark’s foreign minister said a “fundamental disagreement” with U.S. President "
        "Donald Trump over the future of Greenland remained unresolved after high-level talks "
        "in Washington.",
    ),
    # fixture (NDTV): a day between the subject and its verb
    (
        "Peru's Congress on Tuesday impeached interim president Jose Jeri, the Latin American "
        "country's seventh head of state in 10 years and only the latest toppled over graft "
        "claims.",
        "Peru's Congress impeached interim president Jose Jeri, the Latin American country's "
        "seventh head of state in 10 years and only the latest toppled over graft claims.",
    ),
    # fixture (The Week): a bare day after a name, before the verb
    (
        "U.S. District Judge Richard Leon Thursday blocked the Pentagon from penalizing Sen. "
        "Mark Kelly over his involvement in a video reminding military officials of their "
        "obligation to refuse illegal orders.",
        "U.S. District Judge Richard Leon blocked the Pentagon from penalizing Sen. Mark Kelly "
        "over his involvement in a video reminding military officials of their obligation to "
        "refuse illegal orders.",
    ),
    # fixture (TIME World): a bare day closing who said it
    (
        "Venezuelan opposition leader María Corina Machado presented President Donald Trump "
        "with the Nobel Peace Prize medal she was awarded in December, she told reporters on "
        "Capitol Hill Thursday.",
        "Venezuelan opposition leader María Corina Machado presented President Donald Trump "
        "with the Nobel Peace Prize medal she was awarded in December, she told reporters on "
        "Capitol Hill.",
    ),
    # written: a day between commas leaves no comma behind
    (
        "Peru's Congress, on Tuesday, impeached interim president Jose Jeri over claims that he "
        "had hidden meetings with a Chinese businessman.",
        "Peru's Congress impeached interim president Jose Jeri over claims that he had hidden "
        "meetings with a Chinese businessman.",
    ),
]


@pytest.mark.parametrize(("source", "expected"), DROPS, ids=lambda x: x[:30])
def test_a_day_that_dates_the_past_news_goes(source: str, expected: str) -> None:
    assert keep_reason(source) is None
    assert trim_sentence(source) == expected
    assert "  " not in expected and " ," not in expected


def test_a_short_sentence_keeps_its_day() -> None:
    short = "Peru's Congress on Tuesday impeached interim president Jose Jeri."
    assert len(short.split()) <= LONG
    assert plain_sentences(short) == [short]


# (guard, sentence): each keeps its day, for the reason named
LOOK_ALIKES = [
    # a future or planned event
    (
        "planned",
        "Officials said the two leaders will meet on Thursday in Geneva to discuss the "
        "ceasefire and the release of the remaining hostages.",
    ),
    (
        "planned",
        "The company is set to report its quarterly results on Tuesday, and analysts think "
        "revenue rose by about a fifth in the last three months.",
    ),
    (
        "planned",
        "The agency plans to publish the final rules on Friday in a document that runs to more "
        "than four hundred pages of legal text.",
    ),
    (
        "planned",
        "The central bank is expected to raise interest rates on Thursday for the first time "
        "since the crisis began, economists in a poll said.",
    ),
    (
        "planned",
        "The party confirmed that its leadership contest is to be held on Sunday in the "
        "capital, with three candidates in the race for the top job.",
    ),
    (
        "planned",
        "Organisers announced that the upcoming summit opens in Rome on Saturday with leaders "
        "of about forty countries and several development banks.",
    ),
    # fixture (TIME World): an infinitive before the day is the day's act, yet to come
    (
        "planned",
        "The U.S. and Iran have agreed to hold talks on Friday in Oman despite differences on "
        "their scope: Tehran wants to limit the talks to its nuclear program while Washington "
        "insists on including Iran’s missile arsenal in the negotiations.",
    ),
    (
        "planned",
        "The two companies agreed to sign the merger papers on Friday in London, the lawyers "
        "for both sides told the court in a joint letter.",
    ),
    # fixture (TIME World): the day may be the meeting's, still to come when they were summoned
    (
        "planned",
        "The European Union summoned ambassadors to an emergency meeting in Brussels on "
        "Sunday, and Reuters reported the bloc could suspend its work on a U.S. trade deal it "
        "struck in July.",
    ),
    # a date with the day
    (
        "date",
        "The court said on Friday, Jan. 9, that the former minister must stand trial on "
        "charges of fraud and abuse of office in the capital.",
    ),
    (
        "date",
        "The regulator fined the bank a record sum on Tuesday (Feb. 3) for failing to stop "
        "money laundering by its clients in three countries.",
    ),
    (
        "date",
        "The council approved the new budget for the city's schools on Thursday (26/04/12) "
        "with the votes of all but two of its members.",
    ),
    # a time of day, kept whole: the part of the day is a detail of its own
    (
        "time of day",
        "Police said the suspect was arrested at his home in the north of the city on Friday "
        "night by officers who had followed him for weeks.",
    ),
    (
        "time of day",
        "Thousands of websites went down on Sunday morning when the cloud provider's main data "
        "centre lost power for about three hours.",
    ),
    # fixture (TIME World)
    (
        "time of day",
        "Royal Canadian Mounted Police (RCMP) said they received a report of an “active "
        "shooter” at Tumbler Ridge Secondary School at approximately 1:20 pm on Tuesday.",
    ),
    # fixture (TIME World)
    (
        "time of day",
        "“We will accept the decision of the people in giving us the confidence, the trust to "
        "the Bhumjaithai Party,” Anutin told reporters at his party’s headquarters in Bangkok "
        "late Sunday.",
    ),
    # a day in a name or a title
    (
        "name",
        "Sanders won most of the states that voted on Super Tuesday, a result that reshaped "
        "the race for the Democratic nomination across the country.",
    ),
    (
        "name",
        "Retailers reported record online sales on Black Friday as shoppers spent more than "
        "nine billion dollars on gadgets, toys and clothes.",
    ),
    (
        "name",
        "Thousands of pilgrims walked through the old city on Good Friday, as police closed "
        "the main roads to traffic for most of the afternoon.",
    ),
    (
        "name",
        "Many Catholics received ashes at churches across the city on Ash Wednesday, marking "
        "the start of the forty days of Lent for the faithful.",
    ),
    (
        "name",
        "Online retailers said shoppers spent a record amount on Cyber Monday, with most of "
        "the orders placed on phones rather than on computers.",
    ),
    (
        "name",
        "The former minister told the Sunday Times that he had warned the cabinet about the "
        "risks of the deal long before it was signed.",
    ),
    (
        "name",
        "The project-management company Monday.com said its revenue grew by a third as more "
        "businesses moved their planning tools online.",
    ),
    (
        "name",
        "Richard Osman's novel The Thursday Murder Club sold more copies than any other debut "
        "crime novel in Britain, its publisher said.",
    ),
    (
        "name",
        "Voters queued for hours at polling stations in Thursday’s general election, which "
        "was the first since the ouster of the former prime minister.",
    ),
    # a person's name
    (
        "name",
        "The reporter spoke with Sunday Adeyemi, one of the union organizers at the vendor "
        "company, about the state of organizing in tech.",
    ),
    # a day inside quotes is someone's words
    (
        "quoted",
        "“We reached an agreement on Monday and we think it will hold,” the minister told "
        "reporters outside the parliament building in the capital.",
    ),
    # a habitual or relative day: part of the claim, or a time apart from the day's news
    (
        "relative",
        "The council agreed that the market would open every Monday from now on, after "
        "traders complained that the old hours cost them customers.",
    ),
    # "last Friday" is not the day of the news; "this Wednesday" may be still to come
    (
        "relative",
        "The company said last Friday that it had found the fault in its payment system and "
        "had repaid every customer who was charged twice.",
    ),
    (
        "relative",
        "The new rules take effect this Wednesday, the ministry said in a statement that gave "
        "no details of how they would be enforced.",
    ),
    (
        "relative",
        "The minister said the border crossing stayed shut until Monday, when the army "
        "finished clearing the mines laid along the main road.",
    ),
    # fixture (a racing blog): "on Sundays", a habit
    (
        "habitual",
        "Racing together at Toro Rosso, Ricciardo was clearly the quicker driver over one lap, "
        "whereas Vergne’s race pace often brought him back into contention on Sundays.",
    ),
    # a day that contrasts with another time in the sentence
    (
        "another day",
        "The shop closed Friday but reopened Monday after the owners repaired the damage "
        "caused by the storm that hit the town.",
    ),
    # fixture (TIME World)
    (
        "another day",
        "Peter Mandelson, a Member of the House of Lords of the United Kingdom, resigned from "
        "the Labour Party on Sunday after appearing in the most recent batch of Epstein files "
        "released on Friday.",
    ),
    (
        "another time",
        "The company said on Tuesday that it had fixed the fault, two days after customers "
        "first reported that their payments were failing.",
    ),
    # fixture (TIME World)
    (
        "another time",
        "Greece is planning to announce a ban soon, an official source told Reuters on "
        "Tuesday, while French lawmakers approved a social media ban last week, sending the "
        "bill to the Senate.",
    ),
    (
        "another time",
        "Engineers restored the service on Thursday, shortly before the company's chief "
        "executive was due to face questions from lawmakers.",
    ),
    (
        "contrast",
        "But the company reversed course on Friday and restored the old prices for all of its "
        "customers in Europe and Asia, its chief executive said.",
    ),
    # fixture (TIME Tech): "But on Tuesday" is set against a time told before
    (
        "contrast",
        "But on Tuesday, he announced that adult users will be able to access explicit "
        "interactive experiences, marking a major shift in the company’s practices.",
    ),
    # a day that is a clause's whole content
    (
        "complement",
        "The deadline for the bids that the ministry had moved twice was Friday, and three of "
        "the companies failed to meet it in time.",
    ),
    (
        "complement",
        "The deadline the ministry gave the bidders was Friday for all of the companies, and "
        "three of them failed to meet it in time.",
    ),
    # a title
    (
        "complement",
        "In the novel The Man Who Was Thursday, a poet joins a secret council of anarchists "
        "who each take the name of a day of the week.",
    ),
    # a verb that would end on nothing
    # fixture (TIME Tech)
    (
        "bare verb",
        "Sex trafficking on Meta platforms was both difficult to report and widely tolerated, "
        "according to a court filing unsealed Friday.",
    ),
    # written after the world report row printed "Jesse Jackson, who died, fought ..."
    (
        "bare verb",
        "The singer, who died Tuesday, recorded more than forty albums and won eleven awards "
        "over a career that spanned six decades.",
    ),
    # fixture (Simon Willison's newsletter)
    (
        "bare verb",
        "Anthropic declined to comment, but referred Bloomberg News to a five-hour podcast "
        "featuring Chief Executive Officer Dario Amodei that was released Monday.",
    ),
    # a past before the news' past: its day is not the day of the news
    # fixture (TIME World)
    (
        "earlier past",
        "“Literally 9 or 10 people called, and said, ‘Good news—Trump said help is on the "
        "way,” said a man who had traveled out of Iran on Wednesday.",
    ),
    # the day is part of the subject, or the verb after it is no past one
    # fixture (TIME World)
    (
        "verb after",
        "Trump’s warning on Tuesday is the latest in a sustained pressure campaign to constrain "
        "Iranian influence in Iraq—with the country’s oil as a key point of leverage.",
    ),
    # fixture (TIME World)
    (
        "verb after",
        "Machado’s main objective on Thursday was to impress upon Trump the importance of "
        "transitioning Venezuela from an autocracy to a government elected by Venezuelans that "
        "protected individual freedoms.",
    ),
    (
        "verb after",
        "The protesters who marched through the capital on Saturday plan to return with more "
        "supporters, their organisers said in a statement.",
    ),
    # fixture (TIME Tech)
    (
        "no past verb",
        "YouTube is automatically signing under-16 users out of their accounts on Wednesday and "
        "hiding their channels, but it will store their data so that they can reactivate their "
        "accounts when they are 16.",
    ),
    # a leading day is ``asides._drop_when``'s; its own guards keep this one
    (
        "leading",
        "On Friday afternoon, local time, police revealed two properties linked to the former "
        "government minister had been searched in relation to the probe.",
    ),
]


@pytest.mark.parametrize(("guard", "sentence"), LOOK_ALIKES, ids=lambda x: x[:30])
def test_a_day_that_says_more_than_the_news_day_stays(guard: str, sentence: str) -> None:
    assert len(sentence.split()) > LONG
    assert keep_reason(sentence) == guard
    day = next(
        w
        for w in ("Mon", "Tues", "Wednes", "Thurs", "Fri", "Satur", "Sun")
        if f"{w}day" in sentence
    )
    assert f"{day}day" in " ".join(plain_sentences(sentence)), sentence


def test_a_time_in_an_aside_that_went_still_keeps_the_day() -> None:
    # the trailing ", which ..." goes first; the day is judged on the whole sentence
    source = (
        "The company said on Tuesday that it had restored the service for most of its "
        "customers across the region, which lost power last week."
    )
    assert keep_reason(source) == "another time"
    out = trim_sentence(source)
    assert "last week" not in out and "on Tuesday" in out
