"""Run every benchmark script in bench/ in turn (`make bench`).

Each script writes its own numbers (see docs/BENCHMARKS.md). Arguments after `--` are passed
to every script; `--only NAME` runs the scripts whose file name contains NAME.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", action="append", default=[], help="run scripts matching this")
    parser.add_argument("extra", nargs=argparse.REMAINDER, help="arguments for every script")
    args = parser.parse_args(argv)
    extra = args.extra[1:] if args.extra[:1] == ["--"] else args.extra
    scripts = sorted(
        p for p in HERE.glob("*.py") if p.name != Path(__file__).name and not p.name.startswith("_")
    )
    if args.only:
        scripts = [p for p in scripts if any(o in p.name for o in args.only)]
    if not scripts:
        print("no benchmark scripts found in bench/")
        return 1
    failed: list[str] = []
    for script in scripts:
        print(f"\n=== {script.name} ===", flush=True)
        started = time.perf_counter()
        proc = subprocess.run([sys.executable, str(script), *extra], cwd=HERE.parent)
        took = time.perf_counter() - started
        status = "ok" if proc.returncode == 0 else f"FAILED (exit {proc.returncode})"
        print(f"=== {script.name}: {status} in {took:.1f} s ===", flush=True)
        if proc.returncode != 0:
            failed.append(script.name)
    print(
        f"\n{len(scripts) - len(failed)}/{len(scripts)} benchmarks ran; results in docs/BENCHMARKS.md"
    )
    if failed:
        print("failed: " + ", ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
