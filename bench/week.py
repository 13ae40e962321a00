"""Week in review against the last daily digest, on the recorded fixture weeks.

Every real feed in ../shared/fixtures (feeds/raw, feeds/generated, feeds/trimmed-fixtures,
realworld: one copy of each article, weight 1.0) is parsed and normalized by the project's
own code. A fixture week is an ISO week (Monday 00:00 to Monday 00:00 UTC) holding at least
``MIN_ARTICLES`` articles. For each, two digests are chosen the way ``DigestBuilder`` chooses
them (cluster, then rank; 9 stories: the lead and eight more):

- the week digest: the 7 days ending one minute after the week's last article (as if asked
  right after the last news, so the last day is never empty), ranked by
  ``week.rank_week``;
- the last daily digest: the 24 hours ending at the same instant, ranked by ``rank.rank``.

A week story "repeats" the daily digest when it shares an article with one of the daily
digest's stories. The figure is the share of week stories that do not repeat; the target
is at least half on every week. The old behaviour (the daily ranking over the 7 days) is
measured side by side. Weeks 2026-W33 (the demo week) and 2026-W08 were looked at while the
rule was written; 2026-W31 was looked at after the first run (it showed that cutting days at
midnight let the last 24 hours take 7 of 9 slots; the cut became 24-hour slices ending at the
window's end); the other weeks were not looked at before the rule was final (reported).

The same weeks also measure the offline writer's own lines (issue 8: across a week of daily
digests, no line that is not about its story used more than twice): the seven daily digests
of 24 hours ending at the week's end, each written by the offline voice as the daily digest
is; own lines counted as bench/style.py counts them ("In plain terms", "My read", the bottom
line). Only counts are printed: the weeks include outlets whose digests are reported, not
read (bench/style.py's report rows), and no line of them is shown here.

    python bench/week.py [--min-articles 40] [--no-write]
"""

from __future__ import annotations

import argparse
import statistics
import sys
from collections import Counter, defaultdict
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _days import _articles  # noqa: E402
from _report import write_section  # noqa: E402
from style import split_parts  # noqa: E402

from bot.digest.cluster import cluster  # noqa: E402
from bot.digest.rank import rank  # noqa: E402
from bot.digest.week import rank_week  # noqa: E402
from bot.models import Article, DigestWindow, Story  # noqa: E402
from bot.summarize.offline.voice import write_offline  # noqa: E402

FIXTURES = ROOT.parent / "shared" / "fixtures"
FOLDERS = ("feeds/raw", "feeds/generated", "feeds/trimmed-fixtures", "realworld")
SLOTS = 9
LOOKED_AT = {"2026-W33", "2026-W08", "2026-W31"}


def load() -> list[Article]:
    now = datetime(2027, 1, 1, tzinfo=UTC)
    out: list[Article] = []
    seen: set[str] = set()
    for folder in FOLDERS:
        base = FIXTURES / folder
        if not base.is_dir():
            continue
        for path in sorted(base.iterdir()):
            if not path.is_file() or path.suffix in (".json", ".md") or "LICENSE" in path.name:
                continue
            try:
                articles = _articles([(path.stem, path, 1.0)], now)
            except Exception:  # not a feed (a challenge page): skip it
                continue
            for a in articles:
                if a.canonical_url not in seen:
                    seen.add(a.canonical_url)
                    out.append(a)
    return out


def _urls(stories: list[Story]) -> set[str]:
    return {a.canonical_url for s in stories for a in s.articles}


def fresh_share(week: list[Story], daily: list[Story]) -> float:
    """Share of the week's stories that share no article with the daily digest."""
    if not week:
        return 1.0
    seen = _urls(daily)  # by page: article ids restart in each feed file here
    return sum(1 for s in week if not _urls([s]) & seen) / len(week)


def measure(articles: list[Article], end: datetime) -> tuple[float, float, int]:
    week = DigestWindow(start=end - timedelta(days=7), end=end, tz="UTC", label="week")
    inside = [a for a in articles if week.start <= a.published_at < week.end]
    day = [a for a in inside if end - timedelta(days=1) <= a.published_at]
    daily = rank(cluster(day), now=end)[:SLOTS]
    grouped = cluster(inside)
    review = rank_week(grouped, week, slots=SLOTS)[:SLOTS]
    old = rank(grouped, now=end)[:SLOTS]
    return fresh_share(review, daily), fresh_share(old, daily), len(inside)


def own_lines(articles: list[Article], end: datetime) -> tuple[int, int, int]:
    """(own sentences, all sentences, most uses of one own line) over the seven daily
    digests of 24 h ending at ``end``, as the offline writer prints them."""
    own_n = total = 0
    uses: Counter[str] = Counter()
    for k in range(7):
        stop = end - timedelta(days=k)
        window = DigestWindow(start=stop - timedelta(days=1), end=stop, tz="UTC", label="today")
        day = [a for a in articles if window.start <= a.published_at < window.end]
        facts, own = split_parts(write_offline(rank(cluster(day), now=stop)[:SLOTS], window))
        own_n += len(own)
        total += len(facts) + len(own)
        uses.update(set(own))
    return own_n, total, max(uses.values(), default=0)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--min-articles", type=int, default=40)
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    articles = load()
    if not articles:
        sys.exit("../shared/fixtures is missing: nothing to measure")
    weeks: dict[str, datetime] = {}
    counts: defaultdict[str, int] = defaultdict(int)
    for a in articles:
        y, w, _ = a.published_at.isocalendar()
        name = f"{y}-W{w:02d}"
        counts[name] += 1
        end = a.published_at + timedelta(minutes=1)
        weeks[name] = max(weeks.get(name, end), end)
    chosen = sorted(n for n in weeks if counts[n] >= args.min_articles)
    rows = []
    owns: list[tuple[str, int, int, int]] = []
    for name in chosen:
        new, old, n = measure(articles, weeks[name])
        part = "looked at" if name in LOOKED_AT else "reported"
        rows.append((name, part, n, new, old))
        own, total, most = own_lines(articles, weeks[name])
        owns.append((name, own, total, most))
        print(
            f"{name} {part:9} {n:4} articles: week in review {new:.0%} new, old {old:.0%}; "
            f"daily digests: {own} own of {total} sentences, most uses of one {most}"
        )
    reported = [r for r in rows if r[1] == "reported"]
    lines = [
        f"{len(articles):,} real fixture articles; {len(chosen)} ISO weeks with at least "
        f'{args.min_articles} articles; digests of {SLOTS} stories. "New" = share of the '
        "week digest's stories that share no article with the last daily digest (the 24 h "
        "ending at the same instant; the week ends a minute after its last article). Target: at least 50% on every week.",
        "",
        "| weeks | count | week in review: min | median | weeks >= 50% | old (daily "
        "ranking over 7 days): min | median |",
        "|---|---|---|---|---|---|---|",
    ]
    for label, part in (("reported", reported), ("looked at while writing", rows)):
        part = [r for r in part if label != "looked at while writing" or r[1] == "looked at"]
        if not part:
            continue
        news, olds = [r[3] for r in part], [r[4] for r in part]
        ok = sum(1 for v in news if v >= 0.5)
        lines.append(
            f"| {label} | {len(part)} | {min(news):.0%} | {statistics.median(news):.0%} | "
            f"{ok}/{len(part)} | {min(olds):.0%} | {statistics.median(olds):.0%} |"
        )
    lines += ["", "Per week (articles, new in the week in review, new in the old week digest):", ""]
    lines.append(", ".join(f"{r[0]} ({r[2]}, {r[3]:.0%}, {r[4]:.0%})" for r in rows))
    shares = [own / total if total else 0.0 for _, own, total, _ in owns]
    lines += [
        "",
        "The offline writer's own lines in each week's seven daily digests (24 h each, "
        "ending at the week's end; own lines = 'In plain terms', 'My read' and the bottom "
        "line, counted as bench/style.py counts them). Targets: at most 15% of sentences, "
        "no own line used more than twice in a week. With the writer before the twenty-first "
        "session (dac54b5) the same weeks read 27 / 217 own sentences (12%), worst week 75%, "
        "15/21 weeks <= 15%, one line used 3 times (2018-W49: three empty days, each closed "
        "by the same three-sentence quiet-day line); its rules were changed by reading the "
        "tuned rows of bench/style.py, not these weeks.",
        "",
        "| weeks | own lines / all sentences, all weeks | worst week | weeks <= 15% "
        "| most uses of one own line in a week | weeks with a line used > 2 times |",
        "|---|---|---|---|---|---|",
        f"| {len(owns)} | {sum(o[1] for o in owns)} / {sum(o[2] for o in owns)} "
        f"({sum(o[1] for o in owns) / max(1, sum(o[2] for o in owns)):.0%}) "
        f"| {max(shares, default=0):.0%} | {sum(1 for v in shares if v <= 0.15)}/{len(owns)} "
        f"| {max((o[3] for o in owns), default=0)} | {sum(1 for o in owns if o[3] > 2)} |",
    ]
    body = "\n".join(lines)
    print(body)
    if not args.no_write:
        write_section("week", body)


if __name__ == "__main__":
    main()
