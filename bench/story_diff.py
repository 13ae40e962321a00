"""Story by story, what a writer change moved on bench/style.py's rows.

Two runs of ``bench/style.py --stories FILE`` (one before the change, one after) hold every
row's stories as printed; this prints each story whose fact line or take differs, under
its row, and a count per row. docs/WRITER_LOG.md reports every writer change this way
("story by story over every row: N change").

    .venv/bin/python bench/style.py --no-write --stories /tmp/before.json   # on the old tree
    .venv/bin/python bench/style.py --no-write --stories /tmp/after.json    # on the new one
    .venv/bin/python bench/story_diff.py /tmp/before.json /tmp/after.json
    .venv/bin/python bench/story_diff.py /tmp/before.json /tmp/after.json --counts
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

Stories = dict[str, list[dict[str, Any]]]


def load(path: str) -> Stories:
    data: Stories = json.loads(Path(path).read_text(encoding="utf-8"))
    return data


def changes(
    before: Stories, after: Stories
) -> dict[str, list[tuple[dict[str, Any], dict[str, Any]]]]:
    """Per row, the (before, after) pairs of stories that print differently. A row whose
    stories no longer line up (another count: a grouping or ranking change) compares up to
    the shorter."""
    out: dict[str, list[tuple[dict[str, Any], dict[str, Any]]]] = {}
    for row, old in before.items():
        new = after.get(row, [])
        out[row] = [(a, b) for a, b in zip(old, new, strict=False) if a != b]
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("before")
    ap.add_argument("after")
    ap.add_argument("--counts", action="store_true", help="only the count of changes per row")
    args = ap.parse_args()
    before, after = load(args.before), load(args.after)
    total = 0
    for row, pairs in changes(before, after).items():
        total += len(pairs)
        n_old, n_new = len(before[row]), len(after.get(row, []))
        shift = f" (stories {n_old} -> {n_new})" if n_old != n_new else ""
        if not pairs and not shift:
            continue
        print(f"## {row}: {len(pairs)} of {n_old} stories change{shift}")
        if args.counts:
            continue
        for a, b in pairs:
            print(f"- [{a['day']}] {a['headline']}")
            for key in ("summary", "take"):
                if a[key] != b[key]:
                    print(f"    {key} before: {a[key]}")
                    print(f"    {key} after:  {b[key]}")
    print(f"{total} of {sum(len(v) for v in before.values())} stories change")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
