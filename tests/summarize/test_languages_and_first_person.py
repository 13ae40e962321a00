"""A blog's first person and a post not in English printed as a story's fact (blind report 5
of bench/style.py, read in the twenty-fifth session; blind report 3's German posts): dkg
writes his "i" in lowercase, Jessica Temporal and pagetable.com post in Portuguese and
German, which the writer's English rules cannot read. The texts are real, cut to their
first sentences; the English lines that must still print are from the tuned rows."""

from __future__ import annotations

import pytest

from bot.summarize.offline import language
from bot.summarize.offline.language import is_foreign, language_of
from bot.summarize.offline.screen import HOOK, NEWS, kind

from .test_news_first import _summary


@pytest.mark.parametrize(
    "line",
    [
        "Yesterday, i said a sad goodbye to an old friend at ABC No Rio.",
        "Today, i uploaded GnuPG 2.1.0 into debian's experimental suite.",
    ],
)
def test_a_lowercase_first_person_line_is_a_hook(line: str) -> None:
    assert kind(line) == HOOK


def test_the_bloggers_upload_is_not_printed_as_news() -> None:
    summary = _summary(
        "GnuPG 2.1.0 in debian experimental",
        "Today, i uploaded GnuPG 2.1.0 into debian's experimental suite. It's built for amd64 "
        "and i386 and powerpc already. You can monitor its progress on the buildds to see "
        "when it's available for your architecture.",
    )
    assert "i uploaded" not in summary


def test_a_lowercase_i_that_is_no_pronoun_leaves_the_line_news() -> None:
    # a list's "(i)", "i.e." and a model name are not the writer talking
    assert kind("Apple said on Tuesday that (i) the iPhone 17 ships in 40 countries.") == NEWS
    assert kind("Debian 13 ships GnuPG 2.4, i.e. the release Werner Koch tagged in May.") == NEWS


def test_we_will_and_i_will_inside_a_line_are_still_first_person() -> None:
    assert kind("Since Monday, we'll be shipping Ollama 0.5 to 40,000 users.") == HOOK
    assert kind("On Friday, Acme's CEO Jane Doe, I'd say, sold 3 million phones.") == HOOK


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "Instalando Go no Windows",
            "Pra galera que assim como eu precisa escrever e testar código Go no Windows, "
            "vou mostrar o passo-a-passo de como instalar o Go na sua máquina. Prometo que "
            "não vai nem doer!",
        ),
        (
            "Ubuntu no Windows",
            "Ultimamente eu tenho precisado testar alguns softwares que desenvolvemos na Nuveo "
            "no Windows e pra agilizar o desenvolvimento (pelo menos em partes) decidi que ter "
            "um bash à mão seria útil.",
        ),
        (
            "[Ankündigung] Vortrag “Apollo Guidance Computer” an der Embedded Computing "
            "Conference in Winterthur",
            "This post is about an upcoming talk in German. Am Dienstag, den 06. Juni 2023 um "
            "9:00 gibt es auf der Embedded Computing Conference in Winterthur (bei Zürich) "
            "meinen Vortrag zum Thema “ Apollo Guidance Computer im Kontext von modernen "
            "Embedded Systems und Echtzeit-Betriebssystemen ”. Die eintägige Konferenz "
            "besteht aus 30 weiteren Vorträgen.",
        ),
    ],
)
def test_a_post_not_in_english_prints_no_fact(title: str, text: str) -> None:
    # the rules only know English: headline and links only
    assert _summary(title, text) == ""


@pytest.mark.parametrize(
    "line",
    [
        # short English lines full of names, from the tuned rows' feeds
        "Mistral Small 3: Apache 2.0, 81% MMLU, 150 tokens/s",
        "Introducing Muse Image and Muse Video",
        "Day Zero Support for OpenAI Open Safety Model",
        "Tynemouth Mini PET at FTW8b.com",
        "Jamaat-e-Islami, an Islamist party, came in second.",
    ],
)
def test_a_short_english_line_is_never_foreign(line: str) -> None:
    assert not is_foreign(line, language_of(line))


def test_an_english_line_in_a_portuguese_leaning_article_stays() -> None:
    # a Portuguese list of projects that quotes English descriptions: the article leans
    # Portuguese without being sure; its Portuguese lines go, its English ones stay
    article = ("pt", 0.86)
    assert is_foreign(
        "Depois dos sucessos das listas de 2017 e de 2018, esse é o terceiro ano que estou "
        "fazendo a lista de projetos brasileiros para contribuir no Hacktoberfest.",
        article,
    )
    assert not is_foreign(
        "Flask 2.0.0 came out in May 2021 with 31 new changes, the Pallets team said.", article
    )


def test_an_english_post_by_the_same_blogger_is_english() -> None:
    text = (
        "Flask is the most used framework for web development according to the Jetbrains "
        "Python Developers Survey from 2020, and in May of 2021, version 2.0.0 of Flask came "
        "out with 31 new changes."
    )
    assert language_of(text)[0] == "en"
    assert not is_foreign(text, language_of(text))


@pytest.fixture
def no_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """The model made to fail: it costs about half a second and 75 MB to load."""

    def load() -> None:
        raise AssertionError("the language model was loaded")

    monkeypatch.setattr(language, "_identifier", load)


@pytest.mark.usefixtures("no_model")
def test_a_plainly_english_article_is_judged_without_loading_the_model() -> None:
    # an English day needs none of it
    text = (
        "Microsoft announced a new general-purpose serverless container platform, Azure "
        "Container Apps, on Tuesday. The service runs containers on demand and scales them to "
        "zero when they are idle, and it is priced by the second, the company said."
    )
    assert language_of(text) == ("en", 1.0)
    portuguese = (
        "Depois de uma conversa longa outro dia sobre dependências e reprodutibilidade de "
        "ambientes, decidi fazer essa colinha pra falar de um arquivo muito frequente nos "
        "projetos Python que vejo por aí: o requirements.txt."
    )
    with pytest.raises(AssertionError, match="model was loaded"):
        language_of(portuguese)


def test_a_story_with_no_printable_sentence_never_loads_the_model(
    no_model: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A short first-person post is not plainly English to the shortcut (under 12 words), but
    # no sentence of it passes the rules, so the day's digest never pays for the model.
    summary = _summary("My week", "I spent the week on my garden. It was fun.")
    assert "garden" not in summary
    # a news line from a short item still asks, and still prints
    monkeypatch.undo()
    asked: list[str] = []
    real = language._identifier()

    class Counting:
        def classify(self, text: str) -> tuple[str, float]:
            asked.append(text)
            return real.classify(text)  # type: ignore[no-any-return]

    monkeypatch.setattr(language, "_identifier", Counting)
    line = "Mistral released Devstral 2, a 123B coding model, on Tuesday."
    assert "Devstral 2" in _summary("Mistral releases Devstral 2", line)
    assert asked == [line]
