"""What the parse workers hand the store, compared with another commit's: every feed of
../shared/fixtures/realworld (and tests/data/feeds) through the workers' entry point
(``bot.feeds.parsepool.parse_articles``, in this process, no pool), field by field: guid,
link, canonical link, title, author, date, text and content hash.

A speed change to the parse/normalize path must leave all of them as they were; this says
which entries of which feeds differ, if any. Each side runs in its own child process with
its commit's ``bot`` package (``git archive``), so any module layout compares.

    .venv/bin/python bench/check_normalize.py --against main
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from _report import child_json, unpack_bot  # noqa: E402  (unpack_bot: a commit's bot package)

REALWORLD = ROOT.parent / "shared" / "fixtures" / "realworld"
NOW = datetime(2026, 12, 1, 12, tzinfo=UTC)
FIELDS = ("guid", "url", "canonical_url", "title", "author", "published_at", "text", "content_hash")


def feed_files() -> list[Path]:
    files = []
    if (REALWORLD / "INDEX.json").exists():
        index = json.loads((REALWORLD / "INDEX.json").read_text(encoding="utf-8"))
        files += [REALWORLD / item["file"] for item in index]
    files += sorted((ROOT / "tests" / "data" / "feeds").glob("*.xml"))
    return files


def dump() -> dict[str, Any]:
    """Every feed's articles as the poller receives them (or its error), in this process."""
    from bot.feeds import parsepool

    # a commit whose workers send something else than ArticleIn says how the bot reads it
    receive = getattr(parsepool, "received_articles", lambda result: result)
    out: dict[str, Any] = {}
    for path in feed_files():
        url = f"http://127.0.0.2/f/{path.name}.xml"
        result = parsepool.parse_articles(path.read_bytes(), url, NOW)
        if isinstance(result, parsepool._Failed):
            out[path.name] = {"error": [result.kind, result.message]}
            continue
        out[path.name] = [
            [
                v.isoformat() if isinstance(v, datetime) else v
                for v in (getattr(a, f) for f in FIELDS)
            ]
            for a in receive(result)
        ]
    return out


def run_side(code: Path) -> dict[str, Any]:
    result: dict[str, Any] = child_json([__file__, "--dump"], code)
    return result


def compare(before: dict[str, Any], ours: dict[str, Any]) -> list[str]:
    diffs = []
    for name in sorted(set(before) | set(ours)):
        a, b = before.get(name), ours.get(name)
        if a == b:
            continue
        if not isinstance(a, list) or not isinstance(b, list) or len(a) != len(b):
            diffs.append(f"{name}: {str(a)[:200]} != {str(b)[:200]}")
            continue
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            for field, u, v in zip(FIELDS, x, y, strict=True):
                if u != v:
                    diffs.append(f"{name} entry {i} {field}: {str(u)[:120]!r} != {str(v)[:120]!r}")
    return diffs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--against", default="main", metavar="REV")
    ap.add_argument("--dump", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.dump:
        sys.path.insert(0, os.getcwd())
        print(json.dumps(dump()))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        before = run_side(unpack_bot(args.against, Path(tmp)))
    ours = run_side(ROOT)
    entries = sum(len(v) for v in ours.values() if isinstance(v, list))
    diffs = compare(before, ours)
    print(f"{len(ours)} feeds, {entries} entries: {len(diffs)} differences from {args.against}")
    for line in diffs[:50]:
        print(" ", line)
    return 1 if diffs else 0


if __name__ == "__main__":
    raise SystemExit(main())
