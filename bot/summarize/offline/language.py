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
a second to load: it loads with the first story written, never on a quiet day
(tests/test_startup.py).
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


def language_of(text: str) -> Language:
    """The likeliest language of ``text`` ("en" for no text: nothing to refuse)."""
    if not text.strip():
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
