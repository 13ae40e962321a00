"""The faithfulness checks as hallucination detectors on FRANK dev, side by side.

FRANK (../shared/fixtures/summ-eval/frank-dev.jsonl): 251 CNN/DailyMail and XSum articles,
each with the outputs of published summarizers and a human factuality score per output.
An output is unfaithful when its score is below 1 (at least one annotated error); 711 of
the 1,133 outputs are.

Three detectors, each flags an output:

- the current guard (bot/summarize/guard.py): a sentence drops when a number or a
  capitalized name in it is in no source. FRANK's outputs are lower-cased, so they are
  truecased first (a word takes the capitals it has most often in the article).
- the share of novel words: content words of the output that are nowhere in the article.
- the sentence-support check (bot/summarize/support.py): flagged when it would drop at
  least one sentence (what it does in a digest). Its weights and threshold are chosen here.

Tuning is on a fixed half of the articles (crc32(id) even); the numbers to quote are the
other half's. A threshold is the one with the most recall at precision >= 0.87 on the tune
half (a margin over the 0.85 goal, as the report half always comes out a little lower).

    python bench/guard.py [--no-write]
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
import zlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _report import write_section  # noqa: E402

from bot.summarize import support  # noqa: E402
from bot.summarize.guard import check  # noqa: E402
from bot.summarize.sentences import split_sentences  # noqa: E402

FRANK = ROOT.parent / "shared" / "fixtures" / "summ-eval" / "frank-dev.jsonl"
TUNE_PRECISION = 0.87
GOAL = (0.75, 0.85)  # recall at precision
Features = support.Features


@dataclass
class Output:
    half: str  # "tune" | "report"
    dataset: str
    unfaithful: bool
    sentences: list[Features]  # the support check's features, per sentence
    novel: float  # share of content words not in the article
    guard_flags: bool


def truecase(summary: str, article: str) -> str:
    """Each word with the capitals it has most often in the article (FRANK is lower-cased)."""
    forms: dict[str, Counter[str]] = {}
    for word in article.split():
        word = word.strip(".,;:!?\"'()[]‘’“”")
        if word:
            forms.setdefault(word.lower(), Counter())[word] += 1
    out = []
    for word in summary.split():
        known = forms.get(word.lower())
        out.append(known.most_common(1)[0][0] if known else word)
    text = " ".join(out).replace(" .", ".").replace(" ,", ",").replace(" 's", "'s")
    return ". ".join(s[:1].upper() + s[1:] for s in text.split(". "))


def load() -> list[Output]:
    outputs: list[Output] = []
    for line in FRANK.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        article = row["article"]
        evidence = support.Evidence.of([("", article)])
        article_words = set(support.content_words(article))
        half = "tune" if zlib.crc32(row["id"].encode()) % 2 == 0 else "report"
        for system, summary in row["system_summaries"].items():
            score = row["human_factuality"].get(system)
            if score is None:
                continue
            text = summary.replace(" .", ".")
            feats = [support.sentence_features(s, evidence)[0] for s in split_sentences(text)]
            words = support.content_words(text)
            novel = sum(w not in article_words for w in words) / len(words) if words else 0.0
            guard = check(truecase(summary, article), [article])
            outputs.append(
                Output(
                    half,
                    row["dataset"],
                    score < 1,
                    feats or [(0.0, 0.0, 0.0, 0.0, 0.0)],
                    novel,
                    bool(guard.dropped),
                )
            )
    return outputs


def pr(pairs: Sequence[tuple[bool, bool]]) -> tuple[float, float, int]:
    """Precision, recall and count of (truth, flagged) pairs."""
    tp = sum(1 for y, f in pairs if y and f)
    fp = sum(1 for y, f in pairs if f and not y)
    fn = sum(1 for y, f in pairs if y and not f)
    return (tp / (tp + fp) if tp + fp else 1.0), (tp / (tp + fn) if tp + fn else 0.0), len(pairs)


def best_threshold(scored: Sequence[tuple[bool, float]]) -> tuple[float, float, float] | None:
    """(threshold, precision, recall): the most recall at precision >= TUNE_PRECISION."""
    best = None
    values = sorted({s for _, s in scored})
    if len(values) > 200:  # quantiles are enough to place a threshold
        values = [values[i * (len(values) - 1) // 199] for i in range(200)]
    for th in values:
        p, r, _n = pr([(y, s >= th) for y, s in scored])
        if p >= TUNE_PRECISION and (best is None or r > best[2]):
            best = (th, p, r)
    return best


def support_score(weights: Sequence[float], agg: str = "max") -> Callable[[Output], float]:
    """max: the worst sentence (one dropped sentence flags it); mean: the text as a whole."""
    if agg == "max":
        return lambda o: max(support.combine(f, weights) for f in o.sentences)
    return lambda o: sum(support.combine(f, weights) for f in o.sentences) / len(o.sentences)


def tune_support(tune: list[Output], agg: str) -> tuple[tuple[float, ...], float]:
    grid = [0.0, 0.5, 1.0]
    best: tuple[float, tuple[float, ...], float] | None = None
    for weights in itertools.product(grid, repeat=5):
        if not any(weights):
            continue
        score = support_score(weights, agg)
        found = best_threshold([(o.unfaithful, score(o)) for o in tune])
        if found and (best is None or found[2] > best[0]):
            best = (found[2], weights, found[0])
    assert best is not None
    return best[1], best[2]


def table(outputs: list[Output], detectors: dict[str, Callable[[Output], bool]]) -> str:
    lines = [
        "| detector | tune P | tune R | report P | report R | report: CNN/DM P / R | "
        "report: XSum P / R |",
        "|---|---:|---:|---:|---:|---|---|",
    ]
    for name, flag in detectors.items():
        cells = []
        for half in ("tune", "report"):
            p, r, _ = pr([(o.unfaithful, flag(o)) for o in outputs if o.half == half])
            cells += [f"{p:.3f}", f"{r:.3f}"]
        for ds in ("cnndm", "xsum"):
            sub = [
                (o.unfaithful, flag(o)) for o in outputs if o.half == "report" and o.dataset == ds
            ]
            p, r, _ = pr(sub)
            cells.append(f"{p:.2f} / {r:.2f}")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-write", action="store_true", help="print, do not update the doc")
    args = parser.parse_args(argv)
    if not FRANK.exists():
        print(f"needs {FRANK} (../shared/fixtures)", file=sys.stderr)
        return 2
    started = time.perf_counter()
    outputs = load()
    tune = [o for o in outputs if o.half == "tune"]
    report = [o for o in outputs if o.half == "report"]

    weights, threshold = tune_support(tune, "max")
    mean_weights, mean_threshold = tune_support(tune, "mean")
    print("tuned (max):", weights, threshold, "(mean):", mean_weights, mean_threshold)
    novel = best_threshold([(o.unfaithful, o.novel) for o in tune])
    assert novel is not None
    shipped = support_score(support.WEIGHTS)
    detectors: dict[str, Callable[[Output], bool]] = {
        "current guard (numbers and names, truecased)": lambda o: o.guard_flags,
        f"share of novel words >= {novel[0]:.3f}": lambda o: o.novel >= novel[0],
        f"sentence support, tuned here: weights {weights}, threshold {threshold:.3f}": (
            lambda o: support_score(weights)(o) >= threshold
        ),
        f"sentence support, mean over sentences, tuned here: weights {mean_weights}, "
        f"threshold {mean_threshold:.3f}": (
            lambda o: support_score(mean_weights, "mean")(o) >= mean_threshold
        ),
        f"sentence support as shipped: weights {support.WEIGHTS}, "
        f"threshold {support.THRESHOLD}": lambda o: shipped(o) >= support.THRESHOLD,
    }
    body = table(outputs, detectors)
    goal_r, goal_p = GOAL
    p, r, _ = pr([(o.unfaithful, shipped(o) >= support.THRESHOLD) for o in report])
    verdict = "met" if p >= goal_p and r >= goal_r else "not met"
    unfaithful = sum(o.unfaithful for o in outputs)
    text = (
        f"FRANK dev: {len(outputs):,} outputs of published summarizers on 251 articles; "
        f"{unfaithful} unfaithful (human factuality < 1). Fixed split by article "
        f"(crc32(id) even = tune: {len(tune)} outputs; odd = report: {len(report)}). "
        f"Thresholds and weights are chosen on the tune half only (most recall at "
        f"precision >= {TUNE_PRECISION}); quote the report half. A detector flags an output "
        "when it would drop at least one of its sentences (the guard, the support check) or "
        "when its novel-word share reaches the threshold.\n\n"
        f"{body}\n\n"
        f"Goal: recall >= {goal_r} at precision >= {goal_p} on the report half: shipped "
        f"check P {p:.3f}, R {r:.3f}: **{verdict}**. "
        f"Run time {time.perf_counter() - started:.0f} s."
    )
    print(text)
    if not args.no_write:
        write_section("guard", text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
