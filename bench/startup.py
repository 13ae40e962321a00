"""Start-up: `newsbot --help` and `newsbot digest today` as whole processes, now and before
the lazy imports (the code of commit BEFORE, unpacked with `git archive` and run with the
same interpreter and packages), interleaved, hyperfine-style (repeated runs, median, min).

`digest today` runs on an empty, already migrated SQLite database, so what is timed is the
command's fixed cost: interpreter, imports, settings, opening the store, a quiet day's
digest. Also: the modules `python -X importtime` shows as the costliest for that command.

    python bench/startup.py [--no-write] [--runs N] [--before REV]
"""

from __future__ import annotations

import argparse
import io
import os
import re
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _report import write_section  # noqa: E402

BEFORE = "963d918^"  # main just before the lazy imports (issue 12 item 4)
TARGETS = {"--help": 0.3, "digest today": 0.5}


def unpack(rev: str, into: Path) -> Path:
    data = subprocess.run(
        ["git", "archive", rev, "bot"], cwd=ROOT, capture_output=True, check=True
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(into, filter="data")
    return into


def command(what: str, tmp: Path, db: str = "now") -> list[str]:
    base = [sys.executable, "-m", "bot"]
    if what == "--help":
        return [*base, "--help"]
    url = f"sqlite:///{tmp / f'{db}.db'}"  # each version its own (its own migrations)
    return [*base, "digest", "today", "--config", str(tmp / "config"), "--database", url]


def run(cmd: list[str], code: Path | None) -> float:
    env = dict(os.environ)
    if code is not None:  # ahead of the editable install on sys.path
        env["PYTHONPATH"] = str(code)
    started = time.perf_counter()
    subprocess.run(cmd, env=env, cwd=code or ROOT, capture_output=True, check=True)
    return time.perf_counter() - started


def costliest_imports(cmd: list[str], n: int = 8) -> list[tuple[str, float]]:
    out = subprocess.run(
        [sys.executable, "-X", "importtime", *cmd[1:]], capture_output=True, text=True, cwd=ROOT
    ).stderr
    top: list[tuple[str, float]] = []
    for line in out.splitlines():
        m = re.match(r"import time:\s+\d+ \|\s+(\d+) \| (\S.*)$", line)
        if m:  # top-level imports only (no indentation): their cumulative time
            top.append((m.group(2), int(m.group(1)) / 1e6))
    return sorted(top, key=lambda t: -t[1])[:n]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--before", default=BEFORE)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        (tmp / "config").mkdir()
        old = unpack(args.before, tmp / "before")
        for what in TARGETS:  # migrate the database, warm the page cache
            run(command(what, tmp), None)
            run(command(what, tmp, "before"), old)
        times: dict[tuple[str, str], list[float]] = {}
        for _ in range(args.runs):
            for what in TARGETS:
                for label, code in (("before", old), ("now", None)):
                    cmd = command(what, tmp, label)
                    times.setdefault((what, label), []).append(run(cmd, code))
        top = costliest_imports(command("digest today", tmp))
    rows = []
    for what, target in TARGETS.items():
        b, n = times[what, "before"], times[what, "now"]
        rows.append(
            f"| `newsbot {what}` | {statistics.median(b):.2f} ({min(b):.2f}) | "
            f"{statistics.median(n):.2f} ({min(n):.2f}) | "
            f"{statistics.median(b) / statistics.median(n):.1f}x | < {target} s |"
        )
    body = "\n".join(
        [
            f"Whole processes, {args.runs} runs each, interleaved; seconds, median (min). "
            f"Before: commit {args.before} (same interpreter and packages). `digest today` "
            "runs on an empty, migrated SQLite database: start-up plus a quiet day. "
            "Both versions include every other change of their commit, not only the lazy "
            f"imports. Load average at the end: {os.getloadavg()[0]:.1f} on "
            f"{os.cpu_count()} cores (other work shared the machine: compare the columns, "
            "not the absolute times).",
            "",
            "| command | before, s | now, s | speed-up | target |",
            "|---|---:|---:|---:|---:|",
            *rows,
            "",
            "Costliest top-level imports of `newsbot digest today` now (`python -X importtime`, "
            "cumulative, one run): "
            + ", ".join(f"{name} {secs * 1000:.0f} ms" for name, secs in top)
            + ".",
        ]
    )
    print(body)
    if not args.no_write:
        write_section("startup", body, command="python bench/startup.py")


if __name__ == "__main__":
    main()
