"""A blog's or a forum's line that is not news prints nothing (writer28).

The refused lines are the not-news facts that blind reports 4 to 7, 14 and 16 of
bench/style.py printed before this change (labelled in tests/data/writer/printed.jsonl),
each under its real headline: a guide's, a tip list's or an opinion piece's line, a forum
question's background, notes written as assignments, a periodical's volume glued to its
text, a comparison set first, a writer's pause, a line on what someone's post shows, an
adjective and its noun taken for a name, a line leaning on "the authors"; and blind report
17's three (writer30). The news lines kept are of the same shapes.
"""

from __future__ import annotations

import pytest

from .test_news_first import _summary

# (headline, line, printed): the refused lines first, then the news of their shapes
CASES = (
    (
        "Medium - Why Rails developers should learn React",
        "Rails developers should learn React because there's growing market demand for "
        "developers who know both.",
        False,
    ),
    (
        "How to make AJAX calls in Rails 5.1 with or without jQuery",
        "Rails shipped without jQuery as a dependency for the first time with version 5.1.",
        False,
    ),
    (
        "Linux Laptop Sleep States",
        "Goal is for lid close = suspend, keybinding = hibernate.",
        False,
    ),
    (
        "Modern Notions That Are Not Normal",
        "G.K.’s Weekly, Volume 15 March 12, 1932 – September 3, 1932 Normal people generally "
        "take normal things for granted; even when they are no longer there.",
        False,
    ),
    (
        "Not with a Fight, but a Frame",
        "Even more difficult than opening a classical Catholic school in East Tennessee is "
        "opening a Chesterton Academy, for the mere reason that no one here knows who G.K. "
        "Chesterton is.",
        False,
    ),
    (
        "the French like their strikes like Americans like their guns",
        "French taxis went on strike because the government passed a law that made Uber and "
        "other modern chauffeur equivalents artificially less competitive… but apparently not "
        "sufficiently less competitive, and that was a tragedy that only a massive strike "
        "could rectify.",
        False,
    ),
    (
        "Tips for Writing Great Technical Content",
        "Hackmamba Content Hackathon happened in September 2021 and it started by having two "
        "days of workshops.",
        False,
    ),
    (
        "IP-over-Toslink",
        "Ben is showing that common SFP fiber optic transceivers are mostly “dumb” devices, "
        "just converting digital electric signals into light.",
        False,
    ),
    (
        "Baking with Flavor: Spiced Rose Hamantaschen",
        "Elastic textures of apricot, prune and poppy seed filling offered little reward for "
        "the effort it took to get to the center of the triangular-shaped pastry.",
        False,
    ),
    (
        "Reading This? You Might Be WEIRD",
        'The authors, 28 in number, included the acronym "WEIRD" as a phenotype vs. a genotype.',
        False,
    ),
    (
        "Ask HN: Are AI and data centers are worth the amount of power they use?",
        "Amazon recently bought a data center in Pennsylvania that comes with a guaranteed 960 "
        "MW of power.",
        False,
    ),
    # blind report 17 (writer30): a tutorial's capability line, a definition with no
    # article, a release line that says only that there is something new
    (
        "Define a function with inline Ruby code in QSoas",
        "QSoas can read and execute Ruby code directly, while reading command files, or even "
        "at the command prompt.",
        False,
    ),
    (
        "Fchg32 is the Swiss Army knife of Tuxedo FML32",
        "FML32 is Oracle Tuxedo buffer type similar to std::multimap in C++ or multidict in "
        "Python where the key might occur more than once in the container.",
        False,
    ),
    ("QSoas version 3.3 is out", "Version 3.3 brings in new features.", False),
    # what is new, named; a name with digits in a dated release line
    (
        "QSoas version 3.3 is out",
        "QSoas 3.3, released on April 22, brings new fitting commands and a faster solver.",
        True,
    ),
    ("Tuxedo FML32", "Oracle released FML32 support for Tuxedo 22c on Monday.", True),
    # the release line as its blog wrote it: the list after "including" is what it tells,
    # never trimmed off to leave "Version 3.3 brings in new features."
    (
        "QSoas version 3.3 is out",
        "Version 3.3 brings in new features, including reverse Laplace transforms and fits, pH "
        "fits, commands for picking points from a dataset, averaging points with the same X "
        "value, or perform singular value decomposition.",
        True,
    ),
    # a company's name that ends like an adjective, with its verb
    (
        "Elastic raises its forecast",
        "Elastic raises its annual revenue forecast to $1.7 billion.",
        True,
    ),
    # the same kind of fact under a news headline, not a guide's
    (
        "Amazon buys a nuclear-powered data center",
        "Amazon bought a data center in Pennsylvania that comes with a guaranteed 960 MW of power.",
        True,
    ),
    # a guide's writer's own news, dated as news is
    (
        "How to launch your startup on BetaList - 8 lessons from Learnetto",
        "Learnetto got featured on Betalist last week on Monday 1st Feb 2016.",
        True,
    ),
    # an ellipsis that cuts a quote
    (
        "Minister resigns",
        "The minister resigned on Tuesday, saying in a letter that “the time has come… and "
        "I must go.”",
        True,
    ),
)


@pytest.mark.parametrize(("headline", "sentence", "printed"), CASES)
def test_only_the_news_line_prints(headline: str, sentence: str, printed: bool) -> None:
    assert _summary(headline, sentence) == (sentence if printed else "")
