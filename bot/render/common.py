"""Words every renderer shares: outlet counts, the window in local time, the footer lines.

These return plain (unescaped) text; each renderer escapes with its own rules. Source names
and failure reasons come from feeds and config, so they are outside text too.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.digest.period import period
from bot.feeds.urls import outlet
from bot.models import Digest, DigestStory, DigestWindow
from bot.render.escape import clip
from bot.summarize.sentences import split_sentences
from bot.validate import find_zone


def outlets(story: DigestStory) -> int:
    """Distinct publishers, as ranking counts them (two feeds of one site are one outlet)."""
    return len({outlet(a.url) for a in story.articles})


def outlet_count(story: DigestStory) -> str:
    """``2 outlets``, and ``· Day 3`` for a story that continues one from earlier days."""
    n = outlets(story)
    count = "1 outlet" if n == 1 else f"{n} outlets"
    return f"{count} · Day {story.followup.day}" if story.followup else count


def followup_line(story: DigestStory, link: Callable[[str, str], str]) -> str | None:
    """Where the story was told before: the earlier post, else the earlier article."""
    f = story.followup
    if f is None:
        return None
    where = link("the earlier digest", f.digest_url) + ", and " if f.digest_url else ""
    return f"Day {f.day} of this story: new since {where}{link(f.earlier_title, f.earlier_url)}"


def _zone(tz: str) -> ZoneInfo:
    return find_zone(tz) or ZoneInfo("UTC")


def local(dt: datetime, tz: str) -> datetime:
    return dt.astimezone(_zone(tz))


def window_text(window: DigestWindow) -> str:
    """``2026-08-21 (Europe/Berlin)`` for a calendar day, else the span in local time."""
    start, end = local(window.start, window.tz), local(window.end, window.tz)
    midnight = start.replace(hour=0, minute=0, second=0, microsecond=0)
    if (
        start == midnight
        and end.time() == midnight.time()
        and (end.date() - start.date()).days == 1
    ):
        return f"{start:%Y-%m-%d} ({window.tz})"
    return f"{start:%Y-%m-%d %H:%M} to {end:%Y-%m-%d %H:%M} ({window.tz})"


def count_line(digest: Digest) -> str:
    s = digest.stats
    arts = "1 article" if s.articles == 1 else f"{s.articles:,} articles"
    srcs = "1 source" if s.sources == 1 else f"{s.sources:,} sources"
    return f"{arts} from {srcs}"


def tokens_line(digest: Digest) -> str | None:
    s = digest.stats
    if not (s.tokens_in or s.tokens_out):
        return None
    return f"{s.tokens_in:,} tokens in, {s.tokens_out:,} out"


# A footer names at most this many failing sources; `/sources` has the full list.
FAILED_SHOWN = 5


def failed_line(digest: Digest) -> str | None:
    failed = digest.stats.failed_sources
    if not failed:
        return None
    noun = "source" if len(failed) == 1 else "sources"
    parts = []
    for f in failed[:FAILED_SHOWN]:
        since = f" since {local(f.since, digest.window.tz):%b %d %H:%M}" if f.since else ""
        parts.append(f"{f.name} ({f.reason}{since})")
    more = len(failed) - FAILED_SHOWN
    tail = f"; and {more} more (the sources list says why)" if more > 0 else ""
    return f"{len(failed)} {noun} skipped: " + "; ".join(parts) + tail


def quiet_line(digest: Digest) -> str:
    """What an empty digest says. Failing sources are named as a cause, never left out."""
    line = f"Quiet {period(digest.window)} on the wire: nothing new came in for this window."
    failed = len(digest.stats.failed_sources)
    if failed:
        noun = "source is" if failed == 1 else "sources are"
        line += f" But {failed} {noun} failing, so news may be missing (the footer says which)."
    return line


def footer_lines(digest: Digest) -> list[str]:
    """The small print, one fact per line, unescaped."""
    lines = [
        f"{count_line(digest)} · {window_text(digest.window)}",
        f"written by: {digest.stats.backend}",
    ]
    tokens = tokens_line(digest)
    if tokens:
        lines[-1] += f" · {tokens}"
    failed = failed_line(digest)
    if failed:
        lines.append(failed)
    lines.extend(n for n in digest.stats.notes if n.strip())
    return lines


MAX_REFS = 3  # citation links after one sentence, at most (the sources list has them all)


def cited_paragraphs(
    story: DigestStory, text: Callable[[str], str], link: Callable[[str, str], str]
) -> list[str]:
    """The summary's paragraphs, escaped by ``text``, each fact sentence followed by
    numbered links (``link("[1]", url)``) to the pages that support it; [n] is the n-th
    page of the story's sources list. A fact sentence with no citation is not printed;
    labeled paragraphs ("In plain terms: ...") carry no facts of their own and no links.
    A story the support check never saw (no citations at all) prints as written."""
    if not story.citations:
        return [text(p) for p in paragraphs(story.summary)]
    from bot.summarize.support import is_opinion  # with the first story (see digest.supported)

    number = {a.url: n for n, a in reversed(list(enumerate(story.articles, 1)))}
    refs = {c.sentence: [u for u in c.urls if u in number][:MAX_REFS] for c in story.citations}
    out = []
    for para in paragraphs(story.summary):
        if is_opinion(para):
            out.append(text(para))
            continue
        shown = []
        for sentence in split_sentences(para):
            urls = refs.get(sentence)
            if urls:
                links = " ".join(link(f"[{number[u]}]", u) for u in urls)
                shown.append(f"{text(sentence)} {links}")
        if shown:
            out.append(" ".join(shown))
    return out


def title_says_lead(digest: Digest) -> bool:
    """The title already carries the lead's headline (the usual hook), so the first thing
    under it must not say it again."""
    lead = digest.lead
    return lead is not None and " ".join(lead.headline.split()) in " ".join(digest.title.split())


def paragraphs(text: str) -> list[str]:
    """Paragraphs of a summary or take (a blank line separates them); empty ones dropped."""
    return [p for p in (" ".join(chunk.split()) for chunk in text.split("\n\n")) if p]


# Renderers print their own "The take:" / "Bottom line:" labels; a writer (template or
# LLM) that labels its text too would otherwise read "The take: My read: ...".
_LABEL = re.compile(r"^\s*(?:my read|the take|my take|bottom line)\s*[:\u2014-]\s*", re.I)


def unlabel(text: str) -> str:
    """Text without a leading "My read:" / "The take:" / "Bottom line:" label."""
    return _LABEL.sub("", text, count=1)


@dataclass(frozen=True)
class Markup:
    """How a renderer writes emphasis, outside text and links: the story parts below are
    the same on every platform but for these."""

    bold: str  # the marker on both sides: "**" or "*"
    italic: str  # "*" or "_"
    bullet: str  # of a sources list: "-" or "•"
    text: Callable[[str], str]  # escapes outside text
    link: Callable[..., str]  # (label, url, *, max_label=...) -> a link, label escaped

    def strong(self, s: str) -> str:
        return f"{self.bold}{s}{self.bold}"

    def em(self, s: str) -> str:
        return f"{self.italic}{s}{self.italic}"


def source_lines(story: DigestStory, m: Markup) -> list[str]:
    """One line per article: its title as a link, then its outlet."""
    return [
        f"{m.bullet} {m.link(a.title or a.url, a.url)} — {m.text(a.source)}" for a in story.articles
    ]


def headline_link(story: DigestStory, m: Markup) -> str:
    """The headline in bold, linked to the story's first article when it has one."""
    if story.articles:
        return m.strong(m.link(story.headline, story.articles[0].url, max_label=200))
    return m.strong(m.text(clip(story.headline, 200)))


def outlet_links(story: DigestStory, m: Markup) -> str:
    """``The lead (2 outlets): TechCrunch · The Verge`` (links), for a lead whose headline
    the title already shows."""
    links = " · ".join(m.link(a.source or a.title, a.url) for a in story.articles)
    return f"{m.strong('The lead')} ({outlet_count(story)}): {links}"


def take_line(take: str, m: Markup, label: str) -> str:
    return label + m.text(" ".join(paragraphs(unlabel(take))))


def lead_in_short(digest: Digest, lead: DigestStory, m: Markup) -> str:
    """The lead in the headline message: its headline (or outlets), summary and take."""
    first = outlet_links(lead, m) if title_says_lead(digest) else headline_link(lead, m)
    parts = [first, *cited_paragraphs(lead, m.text, m.link)]
    if lead.take:
        parts.append(take_line(lead.take, m, m.strong("The take:") + " "))
    return "\n".join(parts)


def story_block(story: DigestStory, m: Markup, *, lead: bool, told: bool = False) -> str:
    """A story in the thread: headline, summary with citations, the take, its sources.
    ``told``: the headline message above already shows its summary and take whole, so the
    thread gives only its headline and links instead of repeating them."""
    # a headline can be empty (the guard drops one that gives a model orders): no empty
    # bold then, which both platforms show as bare asterisks ("****")
    head = m.strong(m.text(story.headline)) if story.headline.strip() else ""
    label = " · ".join(p for p in (m.strong("The lead") if lead else "", head) if p)
    lines = [f"{label} ({outlet_count(story)})".lstrip()]
    if (earlier := followup_line(story, m.link)) is not None:
        lines.append(m.em(earlier))
    if told:
        return "\n".join([*lines, *source_lines(story, m)])
    lines += cited_paragraphs(story, m.text, m.link)
    if story.take:
        prefix = m.strong("The take:") + " " if lead else m.em("My read:") + " "
        lines.append(take_line(story.take, m, prefix))
    lines += source_lines(story, m)
    return "\n".join(lines)


def headline_parts(digest: Digest, m: Markup) -> list[str]:
    """The headline message's body: the lead in short (or why the day is quiet), then one
    line per other story."""
    parts = [quiet_line(digest) if digest.lead is None else lead_in_short(digest, digest.lead, m)]
    if digest.stories:
        wire = [m.strong("Also on the wire")]
        wire += [f"• {headline_link(s, m)} ({outlet_count(s)})" for s in digest.stories]
        parts.append("\n".join(wire))
    return parts


def closing_lines(digest: Digest, m: Markup) -> list[str]:
    """The bottom line, the sign-off, and where the rest is."""
    lines = []
    if digest.bottom_line.strip():
        lines.append(m.strong("Bottom line:") + " " + m.text(unlabel(digest.bottom_line)))
    lines.append(f"— {m.text(digest.signoff)}")
    if digest.all_stories:
        lines.append(m.em("Every story and link is in the thread."))
    return lines
