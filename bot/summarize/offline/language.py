"""Is a sentence written in English? The writer's sentence rules only know English.

A post in Portuguese or German passes every rule in ``screen``, ``blurbs`` and
``reference``: "Ultimamente eu tenho precisado testar ..." has no English "I", "Am
Sonntag ... gibt es ... meinen Vortrag" no English date line. Such a sentence is no fact;
a story with nothing else keeps its headline and links.

The language is py3langid's (langid.py's naive Bayes model, shipped inside the wheel, no
network, the same answer on every run), with a wide margin, so that a short English line
full of names ("Mistral Small 3: Apache 2.0, 81% MMLU, 150 tokens/s") is never refused:

- an article whose whole text is at least SURE likely one other language gives no fact;
- nor does a sentence at least SURE likely another language whose article leans the same
  way (that language more likely than all others together): a Portuguese list of projects
  quoting their English descriptions is less sure as a whole, but its Portuguese sentences
  are Portuguese, and its English ones stay.

"zxx" (no language: key fingerprints, code) is no language to refuse. The model takes about
half a second of CPU and 75 MB to load, so it is asked as late as it can be: never on a
quiet day (tests/test_startup.py), never for a plainly English text (``plainly_english``),
and only for an article one of whose sentences passes every other rule (``voice``). Over
the 1,838 days of bench/style.py's rows (blind report 7 aside), that is 80 days where it was
716 when every story's articles were asked, with the same digests.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

SURE = 0.9  # probability of one language, out of 1
LEANS = 0.5  # more likely than all the others together
_NOT_FOREIGN = frozenset({"en", "zxx", "und"})

Language = tuple[str, float]  # (ISO 639 code, probability)


@cache
def _identifier() -> LanguageIdentifier:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    # norm_probs: probabilities that add up to 1, so SURE is a margin, not a raw score
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


# English words so common that a text made of 15% of them is English to the model too: over
# the 2,677 article texts of bench/style.py's rows, 1,733 reach that share, and py3langid
# leans to another language on none of them (152 texts do lean elsewhere; the most English
# of those, a Portuguese list quoting English blurbs, is at 6%). Asking the model only below
# it spares about half the news rows' days its load (half a second of CPU, 75 MB held).
_COMMON = frozenset(
    {"the", "and", "of", "to", "is", "are", "was", "were", "that", "with", "for", "this"}
    | {"from", "have", "has"}
)
PLAIN_ENGLISH = 0.15
_SAMPLE = 300  # words: the share settles long before, and a long text costs no more


def plainly_english(text: str) -> bool:
    """Is ``text`` at least 12 words with PLAIN_ENGLISH of them common English ones?"""
    words = text.lower().split()[:_SAMPLE]
    return len(words) >= 12 and sum(w in _COMMON for w in words) >= PLAIN_ENGLISH * len(words)


def language_of(text: str) -> Language:
    """The likeliest language of ``text`` ("en" for no text: nothing to refuse; "en" too,
    without asking the model, for a text ``plainly_english``)."""
    if not text.strip() or plainly_english(text):
        return ("en", 1.0)
    code, probability = _identifier().classify(text)
    return (str(code), float(probability))


def is_foreign(sentence: str, article: Language) -> bool:
    """Is ``sentence``, from an article of language ``article``, plainly not English
    (module docstring)?"""
    code, probability = article
    if code in _NOT_FOREIGN or probability < LEANS:
        return False
    if probability >= SURE:
        return True
    own, own_probability = language_of(sentence)
    return own == code and own_probability >= SURE
