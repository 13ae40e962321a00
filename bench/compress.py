"""The writer's phrase deletions measured on the labelled compression set.

tests/data/writer/compressions.jsonl holds 249 long fact sentences (over 18 words) the
offline writer printed for one-article stories of the fixture feeds (world report outlets
left out), each with its shortest true version by deletion alone, labelled by hand
(docs/voice.md, "Plain words keep the meaning"; tests/data/writer/README.md says how).
The tune part is the eight world-tune outlets' sentences; the report part, every other
feed's, was labelled before the compressor was written and read only after it was final.

For each sentence the writer's deletion pass (``asides.trim_sentence``: the asides, the
weekday and ``compress.py``) runs once more on the printed sentence, as it would on a
source sentence of that shape, and its output is compared word by word (case and
punctuation aside) with the label:

- unsafe: a word the label keeps was deleted (a change of meaning or a broken sentence);
  the target is 0;
- recall: of the words the label deletes, the share the writer deletes too;
- words per sentence: as printed, the writer's output, the label's (the deletion ceiling);
  then each cut into short sentences where ``plain.shorten`` can (the label's cut is the
  most deletion and the present cuts can give: how many of its sentences stay over 18);
- the reading grade of the three, as bench/style.py computes it;
- the second label, ``pieces``: the same sentence as a copy editor would cut it after those
  deletions, adding only glue (the subject said again, "is"/"was", a participle made a
  verb, "That came after", "The result"), labelled by four labellers in the thirty-seventh
  session. Its words per sentence and grade are the ceiling of deletion and cutting
  together, short of rewriting; "cuts" counts the sentences cut in two or more, by the
  writer (on the printed sentence) and by the labellers, and how many of the writer's cut
  sentences the labellers cut too.

The same is measured on the bot package of a named commit (``--before``, by default
d953a88, the last one before compress.py), side by side in one run: each side runs in a
child process with its own package first on the path.

    .venv/bin/python bench/compress.py            # table, and rewrites docs/BENCHMARKS.md
    .venv/bin/python bench/compress.py --no-write # the table only
    .venv/bin/python bench/compress.py --show tune # also each changed sentence of a part
    .venv/bin/python bench/compress.py --show-cuts tune # and each cut unlike the label's
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from _report import child_json, unpack_bot, write_section  # noqa: E402

SET = ROOT / "tests" / "data" / "writer" / "compressions.jsonl"
BEFORE = "d953a88"  # the last commit before compress.py
LONG = 18  # words: asides.LONG, the target's limit


def words(s: str) -> list[str]:
    """Words as compared: case, punctuation and zero-width characters aside."""
    s = s.lower().replace("\u200c", "").replace("\u200b", "").replace("’", "'")
    return re.sub(r"[^\w$%']+", " ", s).replace("'", "").split()


def mean(xs: list[int]) -> float:
    return sum(xs) / max(1, len(xs))


def subsequence(small: list[str], big: list[str]) -> bool:
    it = iter(big)
    return all(w in it for w in small)


@dataclass
class Score:
    sentences: int = 0
    changed: int = 0
    unsafe: int = 0
    not_deletion: int = 0
    label_removed: int = 0
    removed_of_label: int = 0
    words_source: int = 0
    words_out: int = 0
    words_label: int = 0
    cut_out: list[int] = field(default_factory=list)
    cut_label: list[int] = field(default_factory=list)
    pieces: list[str] = field(default_factory=list)
    cut_by_us: int = 0
    cut_by_label: int = 0
    cut_by_both: int = 0
    texts: dict[str, list[str]] = field(
        default_factory=lambda: {"source": [], "out": [], "label": []}
    )

    def grades(self) -> str:
        # the grade as bench/style.py gives it; imported here, never in a child, since
        # style.py puts this tree's bot package first on the path
        from style import readability

        g = {k: readability(v)[0] for k, v in self.texts.items()}
        return f"{g['source']:.1f} / {g['out']:.1f} / {g['label']:.1f}"

    def row(self, name: str) -> str:
        n = max(1, self.sentences)
        recall = self.removed_of_label / max(1, self.label_removed)
        return (
            f"| {name} | {self.sentences} | {self.changed} | {self.unsafe} | "
            f"{recall:.0%} ({self.removed_of_label} / {self.label_removed}) | "
            f"{self.words_source / n:.1f} / {self.words_out / n:.1f} / "
            f"{self.words_label / n:.1f} | {mean(self.cut_out):.1f} / {mean(self.cut_label):.1f} "
            f"({sum(x > LONG for x in self.cut_label)} over {LONG}) | {self.grades()} | "
            f"{self.ceiling()} | {self.cut_by_us} / {self.cut_by_label} ({self.cut_by_both}) |"
        )

    def ceiling(self) -> str:
        from style import readability

        n = [len(p.split()) for p in self.pieces]
        over = sum(x > LONG for x in n)
        return f"{mean(n):.1f} ({over} of {len(n)} over {LONG}), grade {readability(self.pieces)[0]:.1f}"


def load() -> list[dict[str, Any]]:
    return [json.loads(x) for x in SET.read_text(encoding="utf-8").splitlines() if x.strip()]


def child() -> None:
    """In the child: each sentence on stdin through this package's deletion pass, and the
    lengths of the short sentences ``shorten`` then makes of it."""
    from bot.summarize.offline.asides import trim_sentence
    from bot.summarize.offline.plain import shorten

    texts: dict[str, list[str]] = json.loads(sys.stdin.read())
    out = []
    for src in texts["sources"]:
        # a paper's abstract line is printed whole, in quotes, as the authors' words
        # (papers.py): no deletion pass runs on it
        t = src if src.startswith("Its authors: “") else trim_sentence(src)
        out.append({"trim": t, "cuts": [len(x.split()) for x in shorten(t)]})
        # the cut as the writer makes it of the printed sentence itself (``plain_sentences``)
        out[-1]["pieces"] = [src] if src.startswith("Its authors: “") else shorten(src)
    labels = [[len(x.split()) for x in shorten(s)] for s in texts["shorts"]]
    print(json.dumps({"out": out, "labels": labels}))


def score(
    rows: list[dict[str, Any]],
    side: dict[str, Any],
    part: str,
    show: bool = False,
    show_cuts: bool = False,
) -> Score:
    """One part's figures; ``side`` holds a child's answers for every row, in order."""
    sc = Score()
    for r, got, label_cuts in zip(rows, side["out"], side["labels"], strict=True):
        if r["part"] != part:
            continue
        src, short, out = str(r["source"]), str(r["short"]), got["trim"]
        ws, wl, wo = words(src), words(short), words(out)
        sc.sentences += 1
        # words per sentence as bench/style.py counts them (split at spaces)
        sc.words_source += len(src.split())
        sc.words_label += len(short.split())
        sc.words_out += len(out.split())
        sc.texts["source"].append(src)
        sc.texts["out"].append(out)
        sc.texts["label"].append(short)
        sc.cut_out += got["cuts"]
        sc.cut_label += label_cuts
        sc.pieces += list(r["pieces"])
        # an older commit's child answers no pieces: its cuts are not counted
        ours, theirs = len(got.get("pieces", [src])) > 1, len(r["pieces"]) > 1
        sc.cut_by_us += ours
        sc.cut_by_label += theirs
        sc.cut_by_both += ours and theirs
        sc.changed += wo != ws
        safe = subsequence(wl, wo)
        sc.not_deletion += not subsequence(wo, ws)
        sc.unsafe += not safe
        sc.label_removed += len(ws) - len(wl)
        if safe:
            sc.removed_of_label += len(ws) - len(wo)
        if show_cuts and (ours != theirs or (ours and got["pieces"] != r["pieces"])):
            print("- " + src)
            print("   ours: " + " | ".join(got["pieces"]))
            print("  label: " + " | ".join(r["pieces"]))
        if show and wo != ws:
            print(("UNSAFE " if not safe else "") + "- " + src)
            print("   ours: " + out)
            print("  label: " + short)
    return sc


def run_side(code: Path | None, rows: list[dict[str, Any]]) -> dict[str, Any]:
    stdin = json.dumps(
        {"sources": [r["source"] for r in rows], "shorts": [r["short"] for r in rows]}
    )
    result: dict[str, Any] = child_json(
        [str(Path(__file__).resolve()), "--child"], code, stdin=stdin
    )
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--no-write", action="store_true", help="leave docs/BENCHMARKS.md as it is")
    ap.add_argument("--show", choices=["tune", "report"], help="print a part's changed sentences")
    ap.add_argument(
        "--show-cuts",
        choices=["tune", "report"],
        help="print a part's sentences the writer and the labellers cut differently",
    )
    ap.add_argument("--before", default=BEFORE, help="the commit to measure side by side")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child()
        return 0
    rows = load()
    with tempfile.TemporaryDirectory() as tmp:
        before = run_side(unpack_bot(args.before, Path(tmp)), rows)
    ours = run_side(None, rows)
    lines = [
        "| part, code | sentences | changed | unsafe (0) | label's deletions made "
        "| words per sentence: printed / after the pass / label "
        "| words per sentence after the cuts: the pass's / the label's "
        "| grade (Flesch-Kincaid): printed / after the pass / label "
        "| the pieces label: words per sentence, grade "
        "| cuts: the writer's / the labellers' (both) |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for part in ("tune", "report"):
        lines.append(score(rows, before, part).row(f"{part}, {args.before}"))
        now = score(rows, ours, part, show=args.show == part, show_cuts=args.show_cuts == part)
        lines.append(now.row(f"{part}, this tree"))
        if now.not_deletion:
            lines.append(f"| {part}: {now.not_deletion} outputs are not deletions ||||||||||")
    table = "\n".join(lines)
    print(table)
    if not args.no_write:
        about = (__doc__ or "").split("\n\n", 1)[1].split("\n\n    .venv")[0]
        write_section("compress", about + "\n\n" + table, command="python bench/compress.py")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
