"""Digests for renderer tests: one realistic day, one quiet day, and a hypothesis strategy."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import strategies as st

from bot.models import (
    Digest,
    DigestArticle,
    DigestStats,
    DigestStory,
    DigestWindow,
    FailedSource,
)

END = datetime(2026, 8, 22, 12, 0, tzinfo=UTC)
WINDOW = DigestWindow(start=END - timedelta(days=1), end=END, tz="Europe/Berlin", label="today")


def art(title: str, url: str, source: str, hours_ago: float = 1.0) -> DigestArticle:
    return DigestArticle(
        title=title, url=url, source=source, published=END - timedelta(hours=hours_ago)
    )


def sample_digest() -> Digest:
    lead = DigestStory(
        headline="Acme raises $2B for its model lab",
        summary="Acme raised $2 billion at a $20 billion valuation.\n\nThe round was led by Big Fund.",
        take="My read: that money buys chips, not products. Wait for a product before cheering.",
        articles=(
            art("Acme raises $2B", "https://techcrunch.com/2026/08/22/acme-raises/", "TechCrunch"),
            art("Acme's $2B round", "https://www.theverge.com/ai/acme-round", "The Verge AI", 2),
            art("Acme lands $2B (update)", "https://arstechnica.com/ai/acme/", "Ars Technica", 3),
        ),
        kind="funding",
    )
    other = DigestStory(
        headline="Beta ships an open model",
        summary="Beta released weights under Apache 2.0.",
        take=None,
        articles=(art("Beta opens up", "https://example.org/beta?x=1&y=(2)", "Hacker News"),),
    )
    return Digest(
        title="Aug 22 — Acme's $2B and an open model",
        window=WINDOW,
        lead=lead,
        stories=(other,),
        bottom_line="Money is loud today; the open model matters more.",
        signoff="The Desk",
        stats=DigestStats(
            articles=4,
            sources=4,
            stories=2,
            backend="extractive",
            tokens_in=1200,
            tokens_out=300,
            failed_sources=(FailedSource("DeepMind", "timeout", END - timedelta(hours=5)),),
            notes=("1 LLM sentence dropped: not in any source",),
        ),
    )


def quiet_digest(window: DigestWindow = WINDOW, title: str = "Aug 22 — a quiet day") -> Digest:
    """A digest of a window with no news."""
    return Digest(
        title=title,
        window=window,
        lead=None,
        stories=(),
        bottom_line="Nothing came over the wire in this window. Back tomorrow.",
        signoff="The Desk",
        stats=DigestStats(articles=0, sources=0, stories=0, backend="extractive"),
    )


NASTY = [
    "@everyone",
    "@here",
    "@channel",
    "<@123456789012345678>",
    "<@!123>",
    "<@&987>",
    "<#555>",
    "<!channel>",
    "<!here>",
    "<!everyone>",
    "<@U024BE7LH>",
    "<https://evil.example|click me>",
    "[click](https://evil.example)",
    "](https://evil.example)",
    "**",
    "`",
    "```",
    "> quote",
    "# heading",
    "-# small",
    "||spoiler||",
    "&amp;",
    "&",
    "<",
    ">",
    "|",
    "\\",
    "\n\n",
    "\n",
    " ",
    "é漢字🙂",
    "\u200b",
]

nasty_text = st.lists(st.one_of(st.sampled_from(NASTY), st.text(max_size=20)), max_size=12).map(
    "".join
)

# Long prose forces splits: many short words, sometimes nasty.
# (cheap to draw: a short phrase repeated up to ~6,000 characters)
long_text = st.builds(
    lambda words, times: " ".join(words * times),
    st.lists(st.sampled_from(["word", "plain", "news", *NASTY]), min_size=1, max_size=12),
    st.integers(min_value=1, max_value=120),
)

url_part = st.lists(
    st.sampled_from([*"abcxyz019-_./?=&%()[]<>|@ *", "@everyone", "@here", "<@1>"]),
    max_size=40,
).map("".join)
urls = st.one_of(
    st.builds(
        lambda host, path: f"https://{host}.example/{path}",
        st.sampled_from(["a", "news", "b-c"]),
        url_part,
    ),
    st.sampled_from(["javascript:alert(1)", "ftp://x.example/a", "not a url"]),
)

articles = st.builds(
    DigestArticle,
    title=nasty_text,
    url=urls,
    source=nasty_text,
    published=st.just(END),
)

stories = st.builds(
    DigestStory,
    headline=nasty_text,
    summary=st.one_of(nasty_text, long_text),
    take=st.one_of(st.none(), nasty_text, long_text),
    articles=st.lists(articles, min_size=1, max_size=12).map(tuple),
)

failed = st.builds(FailedSource, name=nasty_text, reason=nasty_text, since=st.none())


@st.composite
def digests(draw: st.DrawFn) -> Digest:
    story_list = draw(st.lists(stories, max_size=10))
    lead = story_list[0] if story_list else None
    return Digest(
        title=draw(nasty_text),
        window=WINDOW,
        lead=lead,
        stories=tuple(story_list[1:]),
        bottom_line=draw(st.one_of(nasty_text, long_text)),
        signoff=draw(nasty_text),
        stats=DigestStats(
            articles=sum(len(s.articles) for s in story_list),
            sources=3,
            stories=len(story_list),
            backend=draw(nasty_text),
            failed_sources=tuple(draw(st.lists(failed, max_size=4))),
            notes=tuple(draw(st.lists(nasty_text, max_size=3))),
        ),
    )
