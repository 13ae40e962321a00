"""Story grouping: quality against known stories, speed, and memory, in one run.

Quality (B-cubed precision / recall / F1 over articles), side by side:
  every article alone; title-only TF-IDF and full-text TF-IDF, each with average-link
  at the threshold that scored best on the tuning half; the old grouping (a copy in
  bench/old_cluster.py); the new one (bot/digest/cluster.py).
  On Multi-News dev, tuning half (first 50 examples; thresholds were chosen on it) and
  report half (last 50; never used for tuning), each pooled as one day; and on the
  hand-labelled AI-news set (tests/data/cluster/).
Speed: real articles from ../shared/fixtures spread over one 24-hour window.
Memory: each size in a fresh child process (peak RSS minus RSS before grouping): real
  windows of growing size, and one feed of near-identical entries.

    python bench/cluster.py [--no-write]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import cluster_quality as q  # noqa: E402
import old_cluster  # noqa: E402
from _report import write_section  # noqa: E402

from bot.digest.cluster import cluster  # noqa: E402
from bot.feeds.normalize import normalize_entries  # noqa: E402
from bot.feeds.parse import parse_feed  # noqa: E402
from bot.models import Article  # noqa: E402

FIXTURES = ROOT.parent / "shared" / "fixtures"
END = datetime(2026, 8, 22, 12, 0, tzinfo=UTC)
GRID = [0.05, 0.08, 0.1, 0.12, 0.15, 0.2, 0.25, 0.3]


def corpus() -> list[Article]:
    """Every real entry of the fixtures, its time spread over one day (seeded)."""
    files = sorted((FIXTURES / "realworld").iterdir())
    files += sorted((FIXTURES / "feeds").rglob("*.xml"))
    rnd = random.Random(7)
    out: list[Article] = []
    feed_ids: dict[str, int] = {}
    for path in files:
        if path.suffix not in ("", ".xml") or not path.is_file():
            continue
        try:
            parsed = parse_feed(path.read_bytes(), url=f"https://feeds.example/{path.name}")
        except Exception:
            continue
        source = path.parent.name if path.parent.name == "techcrunch" else path.name
        fid = feed_ids.setdefault(source, len(feed_ids) + 1)
        for a in normalize_entries(parsed, now=END):
            when = END - timedelta(seconds=rnd.uniform(0, 86_400))
            out.append(q.make_article(len(out) + 1, fid, source, a.title, a.text, when, a.url))
    rnd.shuffle(out)
    return out


def flood(n: int) -> list[Article]:
    """One feed's n near-identical entries (a status page gone wild): same words, a
    different incident number each."""
    body = (
        "We are investigating elevated error rates on API requests for some customers. "
        "Our engineers are working on a fix and will post an update shortly. Incident "
    )
    return [
        q.make_article(
            i + 1,
            1,
            "status",
            f"Elevated errors on API requests (incident {i})",
            body + f"{i}.",
            END - timedelta(seconds=i),
            f"https://status.example/i/{i}",
        )
        for i in range(n)
    ]


def _status(field: str) -> float:
    """A VmRSS / VmHWM line of /proc/self/status, in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def child(kind: str, n: int) -> None:
    """Run in a fresh process: group ``n`` articles, print time and memory as JSON. The
    peak is reset just before grouping (clear_refs), so loading the data does not count."""
    arts = flood(n) if kind == "flood" else corpus()[:n]
    Path("/proc/self/clear_refs").write_text("5")
    before = _status("VmRSS")
    t = time.perf_counter()
    stories = cluster(arts)
    secs = time.perf_counter() - t
    peak = _status("VmHWM")
    result = {"n": len(arts), "secs": secs, "before": before, "peak": peak, "stories": len(stories)}
    print(json.dumps(result))


def measure(kind: str, n: int) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(n)],
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def best_threshold(field: str, arts: list[Article], gold: dict[int, str]) -> float:
    scores = {t: q.bcubed(q.tfidf_grouper(field, t)(arts), gold)[2] for t in GRID}
    return max(GRID, key=lambda t: (scores[t], -t))


def quality() -> list[str]:
    tune_arts, tune_gold = q.multinews("tuning")
    title_t = best_threshold("title", tune_arts, tune_gold)
    full_t = best_threshold("full", tune_arts, tune_gold)
    methods: list[tuple[str, q.Grouper]] = [
        ("every article alone", q.singletons),
        (f"title-only TF-IDF, average-link at {title_t}", q.tfidf_grouper("title", title_t)),
        (f"full-text TF-IDF, average-link at {full_t}", q.tfidf_grouper("full", full_t)),
        ("old grouping (before issue 7)", old_cluster.cluster),
        ("**new grouping**", cluster),
    ]
    sets = [
        ("Multi-News tuning half", (tune_arts, tune_gold)),
        ("Multi-News report half", q.multinews("report")),
        ("labelled AI news", q.labelled()),
    ]
    head = "| method | " + " | ".join(f"{name}: P / R / F1" for name, _ in sets) + " |"
    rows = [head, "|---|" + "---|" * len(sets)]
    for label, group in methods:
        cells = []
        for _, (arts, gold) in sets:
            p, r, f = q.bcubed(group(arts), gold)
            cells.append(f"{p:.3f} / {r:.3f} / {f:.3f}")
        rows.append(f"| {label} | " + " | ".join(cells) + " |")
        print(rows[-1], flush=True)
    sizes = ", ".join(
        f"{name} {len(arts)} articles in {len(set(gold.values()))} stories"
        for name, (arts, gold) in sets
    )
    return [f"Sets: {sizes}.", "", *rows]


def speed(pool: list[Article], repeat: int) -> list[str]:
    arts = pool[:5000]
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        cluster(arts)
        runs.append(time.perf_counter() - t)
    t = time.perf_counter()
    old_cluster.cluster(arts)
    old = time.perf_counter() - t
    new = statistics.median(runs)
    load = os.getloadavg()[0]
    line = (
        f"5,000 real articles: new grouping {new:.2f} s (median of {repeat}), old grouping "
        f"{old:.2f} s (one run), ratio {new / old:.2f}. Target: under 2 s. Load average "
        f"at the end: {load:.1f} on {os.cpu_count()} cores; above the core count, other "
        "jobs shared the machine and every time here is inflated (the ratio is not)."
    )
    print(line, flush=True)
    return [line]


def memory() -> list[str]:
    rows = [
        "| input | articles | time | RSS before grouping | peak RSS | grouping's own |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for kind, sizes in (("real", (1250, 2500, 5000)), ("flood", (2500, 5000, 10000))):
        for n in sizes:
            m = measure(kind, n)
            label = "real window" if kind == "real" else "one feed, near-identical entries"
            rows.append(
                f"| {label} | {int(m['n']):,} | {m['secs']:.2f} s | {m['before']:.0f} MB | "
                f"{m['peak']:.0f} MB | {m['peak'] - m['before']:.0f} MB |"
            )
            print(rows[-1], flush=True)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--child", nargs=2, metavar=("KIND", "N"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child[0], int(args.child[1]))
        return 0
    if not (FIXTURES / "realworld").is_dir() or not q.MULTINEWS.is_file():
        print("needs ../shared/fixtures (absent); nothing to measure")
        return 1
    pool = corpus()
    body = [
        "### Quality (B-cubed over articles)",
        "",
        "Multi-News dev: the first 50 examples are the tuning half (the new grouping's "
        "threshold and the baselines' thresholds were chosen on it), the last 50 the report "
        "half (not used for any choice). Each half is pooled as one day, every document its "
        "own feed. The labelled AI-news set was read and labelled by hand "
        "(tests/data/cluster/README.md). It is not an untouched set: the new grouping's "
        "threshold (0.15 rather than 0.12, which scored a little higher F1 on the tuning "
        "half) and its name weight were chosen looking at this set's precision too. "
        "Targets: report half F1 >= 0.90 with precision >= 0.97; labelled set precision >= 0.97.",
        "",
        *quality(),
        "",
        "### Speed and memory",
        "",
        *speed(pool, args.repeat),
        "",
        "Each row is a fresh process. Targets: 10,000 near-identical entries of one feed "
        "under 400 MB peak and 10 s; memory growing linearly with the window.",
        "",
        *memory(),
    ]
    text = "\n".join(body)
    print(text)
    if not args.no_write:
        write_section("cluster", text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
