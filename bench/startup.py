"""Start-up: `newsbot --help` and `newsbot digest today` as whole processes, now and before
(the code of commit BEFORE, unpacked with `git archive` and run with the same interpreter
and packages), interleaved, hyperfine-style (repeated runs, median, min). Wall time and the
process's CPU time (user + system): on a machine other work shares, wall time includes
waiting for a core, CPU time much less so.

Bytecode is cached (in a temporary PYTHONPYCACHEPREFIX, after a warm-up run), as in an
installed package: this workplace sets PYTHONDONTWRITEBYTECODE, which would otherwise make
every run compile the bot's modules from source.

`digest today` runs on an empty, already migrated SQLite database, so what is timed is the
command's fixed cost: interpreter, imports, settings, opening the store, a quiet day's
digest. Also: the modules `python -X importtime` shows as the costliest for that command.

    python bench/startup.py [--no-write] [--runs N] [--before REV]
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _report import unpack_bot, write_section  # noqa: E402

BEFORE = "042237c"  # main before the collector was turned off for start-up (issue 12)
TARGETS = {"--help": 0.3, "digest today": 0.5}
# What `digest today` cannot go below while it uses the project's chosen libraries: processes
# that only import them (same interpreter, same cached bytecode), timed in the same loop.
# `newsbot` loads its modules with the garbage collector off and then freezes them
# (bot.cli.entry), so the floor is timed that way, and once more with plain imports.
LIBRARY_IMPORTS = (
    "import asyncio, aiosqlite, pydantic_settings, "
    "sqlalchemy.ext.asyncio, sqlalchemy.dialects.sqlite.aiosqlite"
)
# bot.store makes sqlalchemy.ext.asyncio load without sqlalchemy.orm (the store is Core only);
# its package __init__ is that and nothing else, so the floor imports it first
AS_THE_STORE = "import bot.store; " + LIBRARY_IMPORTS
AS_NEWSBOT = "import gc; gc.disable(); {}; gc.freeze(); gc.enable()"
LIBRARIES = (
    "the store's and settings' libraries alone (SQLAlchemy's asyncio extension with aiosqlite, "
    "pydantic-settings, asyncio), loaded as `newsbot` loads them (collector off, then frozen; "
    "the asyncio extension without the ORM, as bot.store loads it)"
)
FLOORS = {
    "the interpreter alone (`python -c pass`)": "pass",
    LIBRARIES: AS_NEWSBOT.format(AS_THE_STORE),
    "the same libraries with plain imports (collector on throughout)": AS_THE_STORE,
    "the same with the asyncio extension as it comes (its package loads sqlalchemy.orm), "
    "collector off then frozen": AS_NEWSBOT.format(LIBRARY_IMPORTS),
    "synchronous SQLAlchemy Core instead of its asyncio extension, loaded as `newsbot` "
    "loads them": AS_NEWSBOT.format("import asyncio, sqlite3, pydantic_settings, sqlalchemy"),
}


def command(what: str, tmp: Path, db: str = "now") -> list[str]:
    base = [sys.executable, "-m", "bot"]
    if what == "--help":
        return [*base, "--help"]
    url = f"sqlite:///{tmp / f'{db}.db'}"  # each version its own (its own migrations)
    return [*base, "digest", "today", "--config", str(tmp / "config"), "--database", url]


def run(cmd: list[str], code: Path | None, pycache: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one whole process."""
    env = dict(os.environ, PYTHONPYCACHEPREFIX=str(pycache))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if code is not None:  # ahead of the editable install on sys.path
        env["PYTHONPATH"] = str(code)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(cmd, env=env, cwd=code or ROOT, capture_output=True, check=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def costliest_imports(cmd: list[str], pycache: Path, n: int = 8) -> list[tuple[str, float]]:
    env = dict(os.environ, PYTHONPYCACHEPREFIX=str(pycache))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    out = subprocess.run(
        [sys.executable, "-X", "importtime", *cmd[1:]],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
    ).stderr
    top: list[tuple[str, float]] = []
    for line in out.splitlines():
        m = re.match(r"import time:\s+\d+ \|\s+(\d+) \| (\S.*)$", line)
        if m:  # top-level imports only (no indentation): their cumulative time
            top.append((m.group(2), int(m.group(1)) / 1e6))
    return sorted(top, key=lambda t: -t[1])[:n]


def _cell(xs: list[float]) -> str:
    return f"{statistics.median(xs):.2f} ({min(xs):.2f})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--before", default=BEFORE)
    args = ap.parse_args()
    load_start = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        pycache = tmp / "pycache"
        (tmp / "config").mkdir()
        old = unpack_bot(args.before, tmp / "before")
        for what in TARGETS:  # migrate the databases, cache the bytecode, warm the page cache
            run(command(what, tmp), None, pycache)
            run(command(what, tmp, "before"), old, pycache)
        wall: dict[tuple[str, str], list[float]] = {}
        cpu: dict[tuple[str, str], list[float]] = {}
        floors: dict[str, list[float]] = {}
        for snippet in FLOORS.values():  # cache their bytecode too
            run([sys.executable, "-c", snippet], None, pycache)
        for _ in range(args.runs):
            for name, snippet in FLOORS.items():
                floors.setdefault(name, []).append(
                    run([sys.executable, "-c", snippet], None, pycache)[1]
                )
            for what in TARGETS:
                for label, code in (("before", old), ("now", None)):
                    w, c = run(command(what, tmp, label), code, pycache)
                    wall.setdefault((what, label), []).append(w)
                    cpu.setdefault((what, label), []).append(c)
        top = costliest_imports(command("digest today", tmp), pycache)
    rows = []
    for what, target in TARGETS.items():
        bw, nw = wall[what, "before"], wall[what, "now"]
        bc, nc = cpu[what, "before"], cpu[what, "now"]
        met = "met" if statistics.median(nc) < target else "missed"
        rows.append(
            f"| `newsbot {what}` | {_cell(bw)} | {_cell(nw)} | {_cell(bc)} | {_cell(nc)} | "
            f"{statistics.median(bc) / statistics.median(nc):.1f}x | < {target} s: {met} |"
        )
    libs = statistics.median(floors[LIBRARIES])
    target = TARGETS["digest today"]
    own = statistics.median(cpu["digest today", "now"]) - libs
    load = f"{load_start:.1f} at the start, {os.getloadavg()[0]:.1f} at the end"
    body = "\n".join(
        [
            f"Whole processes, {args.runs} runs each, interleaved; seconds, median (min). "
            f"Before: commit {args.before} (same interpreter and packages). `digest today` "
            "runs on an empty, migrated SQLite database: start-up plus a quiet day (which writes no "
            "story, so the offline voice, its rules and numpy are not loaded: a day with "
            "stories loads them as it writes). "
            "Bytecode cached, as in an installed package. Both versions include every other "
            f"change of their commit. Load average (1 min): {load}, on {os.cpu_count()} "
            "cores shared with other work: wall times include waiting for a core; CPU time "
            "(user + system) is the closer measure of what a quiet machine would take.",
            "",
            "| command | before wall | now wall | before CPU | now CPU | CPU speed-up | target |",
            "|---|---:|---:|---:|---:|---:|---:|",
            *rows,
            "",
            "CPU seconds, median (min), of processes that only import what `digest today` "
            "needs, in the same runs: "
            + "; ".join(f"{name}: {_cell(xs)}" for name, xs in floors.items())
            + f". The libraries the command uses, loaded as it loads them, take {libs:.2f} s "
            f"alone ({libs / target:.0%} of its {target} s target); its own modules, opening "
            f"the store and the quiet day add {own:.2f} s (the medians' difference).",
            "",
            "Costliest top-level imports of `newsbot digest today` now (`python -X importtime`, "
            "cumulative, one run, wall): "
            + ", ".join(f"{name} {secs * 1000:.0f} ms" for name, secs in top)
            + ".",
        ]
    )
    print(body)
    if not args.no_write:
        write_section("startup", body, command="python bench/startup.py")


if __name__ == "__main__":
    main()
