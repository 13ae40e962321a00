"""Does the offline writer's sentence screen find the news? Precision and recall per kind.

The labelled set is tests/data/writer/sentences.jsonl (how it was made: README.md there):
real sentences from the fixture feeds, each marked news / hook / boilerplate /
needs-context by reading it. The rules in bot/summarize/offline/screen.py were written
looking at the ``tune`` half; the ``report`` half (other articles) is what the numbers are
for. "news" is the kind that matters: the digest prints only sentences the screen calls
news, so its precision is how often a printed fact sentence really is one.

    .venv/bin/python bench/sentences.py
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _report import write_section

from bot.summarize.offline.screen import KINDS, is_concrete, kind

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "writer" / "sentences.jsonl"


def load(part: str | None = None) -> list[dict[str, str]]:
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line]
    return [r for r in rows if part is None or r["part"] == part]


def scores(rows: list[dict[str, str]]) -> tuple[dict[str, tuple[float, float, int]], float]:
    """Per kind: (precision, recall, support); and overall accuracy."""
    pairs = [(r["label"], kind(r["text"])) for r in rows]
    out: dict[str, tuple[float, float, int]] = {}
    for k in KINDS:
        tp = sum(1 for gold, got in pairs if gold == k and got == k)
        predicted = sum(1 for _, got in pairs if got == k)
        support = sum(1 for gold, _ in pairs if gold == k)
        out[k] = (tp / predicted if predicted else 0.0, tp / support if support else 0.0, support)
    accuracy = sum(gold == got for gold, got in pairs) / max(1, len(pairs))
    return out, accuracy


def printable(rows: list[dict[str, str]]) -> tuple[float, float]:
    """Precision and recall of "news" for what the writer prints: news by the screen and
    pinned by a date, number or act (``is_concrete``)."""
    got = [
        (r["label"] == "news", kind(r["text"]) == "news" and is_concrete(r["text"])) for r in rows
    ]
    tp = sum(1 for gold, pred in got if gold and pred)
    predicted = sum(1 for _, pred in got if pred)
    actual = sum(1 for gold, _ in got if gold)
    return tp / max(1, predicted), tp / max(1, actual)


def confusion(rows: list[dict[str, str]]) -> Counter[tuple[str, str]]:
    return Counter((r["label"], kind(r["text"])) for r in rows)


def main() -> int:
    lines = [
        "| part | sentences | news P / R | hook P / R | boilerplate P / R "
        "| needs-context P / R | accuracy |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for part in ("tune", "report"):
        rows = load(part)
        per, acc = scores(rows)
        cells = " | ".join(f"{per[k][0]:.2f} / {per[k][1]:.2f}" for k in KINDS)
        lines.append(f"| {part} | {len(rows)} | {cells} | {acc:.2f} |")
    lines += [
        "",
        "What the writer prints (news by the screen and pinned by a date, number or act):",
        "",
        "| part | news P / R |",
        "|---|---:|",
    ]
    for part in ("tune", "report"):
        p, r = printable(load(part))
        lines.append(f"| {part} | {p:.2f} / {r:.2f} |")
    report = load("report")
    wrong_news = [
        f"- {r['label']}: {r['text'][:110]}"
        for r in report
        if kind(r["text"]) == "news" and r["label"] != "news"
    ]
    body = (
        "The offline writer's sentence screen (`bot/summarize/offline/screen.py`) on the "
        "labelled sentences in `tests/data/writer/sentences.jsonl` (real sentences from the "
        "fixture feeds, labelled by reading). Rules written on the `tune` part; the `report` "
        "part is other articles, not looked at while writing them. P = precision, R = recall. "
        "The digest prints only sentences called news, so news precision is the share of "
        "printed fact sentences that really are news.\n\n"
        + "\n".join(lines)
        + "\n\nReport-part sentences called news that are labelled otherwise:\n"
        + ("\n".join(wrong_news) or "- none")
    )
    write_section("sentences", body)
    print(body)
    print("\nconfusion (report, gold -> predicted):")
    for (gold, got), n in sorted(confusion(report).items()):
        print(f"  {gold:14} -> {got:14} {n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
