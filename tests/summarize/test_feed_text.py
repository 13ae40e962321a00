"""What a feed leaves in its text that a reader should not see: a title glued to the first
line, markdown emphasis, a release line's "!", a link in brackets, page furniture. The
texts are real (the Kagi Blog and Planet Clojure feeds in ../shared/fixtures/realworld, the
blind report set of bench/_days.py, read in the twentieth session), cut to their first
sentences."""

from __future__ import annotations

from bot.summarize.offline.screen import BOILERPLATE, NEWS, kind

from .test_news_first import _summary


def test_a_title_glued_to_the_first_line_is_not_printed() -> None:
    # Planet Clojure's aggregated content starts with the post's title, no stop after it
    summary = _summary(
        "Python to Wisp: The Lisp That Stole Python's Indentation",
        "Python to Wisp: The Lisp That Stole Python's Indentation Every Lisp programmer has "
        'heard the complaint: "too many parentheses." Wisp, released in 2013, lets you '
        "write Scheme with indentation.",
    )
    assert "Indentation Every" not in summary


def test_a_text_that_is_only_its_title_is_left_as_it_is() -> None:
    assert _summary(
        "Kagi Translate is now available for Android",
        "Kagi Translate is now available for Android",
    ) == _summary("Kagi Translate is now available for Android", "")


def test_markdown_emphasis_prints_as_words() -> None:
    summary = _summary(
        "Orion 1.0 ✴︎ Browse Beyond",
        "After six years of relentless development, *Orion for MacOS 1.0 is here*.",
    )
    assert summary == "After six years of relentless development, Orion for MacOS 1.0 is here."


def test_a_release_line_ending_in_an_exclamation_mark_is_news_stated_plainly() -> None:
    line = (
        "Kagi Translate ( https://translate.kagi.com/ ) is now available as an app for "
        "Android and iOS!"
    )
    assert kind(line) == NEWS
    summary = _summary(
        "Kagi Translate Arrives on Mobile",
        f"Your browser does not support the video tag. {line} The mobile release brings the "
        "same high-quality, customizable, and private translations of Kagi Translate to "
        "your smartphone. Translate voice, text, and images in over 248 languages while on "
        "the go.",
    )
    assert summary.startswith("Kagi Translate is now available as an app for Android and iOS.")
    # greetings and first-person excitement stay hooks
    assert kind("Welcome back to This Week in Stratechery!") != NEWS
    assert kind("We’re excited to announce that Kagi Hub Belgrade is now open!") != NEWS


def test_page_furniture_about_the_post_itself() -> None:
    assert kind("Your browser does not support the video tag.") == BOILERPLATE
    assert (
        kind("UPDATE : This blog post is old and does not reflect current plans or pricing.")
        == BOILERPLATE
    )


def test_a_subtitle_or_heading_in_its_own_block_is_not_glued_to_the_first_sentence() -> None:
    # Mikhail Shilkov's and TIME's feed HTML (blind report 4, fourth round): the subtitle
    # and the newsletter's section heading are blocks of their own, so the text keeps them
    # as lines and the first sentence prints whole, from its first word
    from bot.feeds.normalize import html_to_text

    summary = _summary(
        "Claude Code 2.0 System Prompt Changes",
        html_to_text(
            "<p><em>Analyzing the system prompt changes between Claude Code 1.x and 2.0, "
            "powered by Sonnet 4.5</em></p><p>Claude Code 2.0 launched in September 2025, "
            "powered by Sonnet 4.5 which Anthropic calls the “best coding model in the "
            "world.” The announcement focused on checkpoints and the new VS Code extension.</p>"
        ),
    )
    assert summary.startswith("Claude Code 2.0 launched in September 2025, powered by")
    summary = _summary(
        "Meta Poaches Key Google AI Researcher",
        html_to_text(
            "<p>Welcome back to <em>In the Loop</em>, TIME’s new twice-weekly newsletter "
            "about AI.</p><h3>What to Know: Meta poaches key Google researcher</h3><p>Meta "
            "poached a key Google DeepMind researcher last month, in a sign that competition "
            "for talent is heating up. Tim Brooks, who co-led the Sora team at OpenAI, has "
            "been working at Meta.</p>"
        ),
    )
    assert summary.startswith("Meta poached a key Google DeepMind researcher last month")
