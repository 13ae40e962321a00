"""Exercise an installed newsbot the way a newcomer would: `sources export`, `poll`, `digest`.

The demo snapshots (demo/snapshots) are served from a loopback web server; a config dir
whose feeds.toml points at them is written to a temporary folder. The commands run either
from a virtualenv (``--venv DIR``: DIR/bin/newsbot, run outside the checkout so the installed
package is what is imported) or in a container (``--image TAG``: ``docker run --network host``
with the config mounted at /app/config and a named volume at /data).

Run with any Python >= 3.11 (stdlib only). Exit 0 when every step did what it should.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOTS = ROOT / "demo" / "snapshots"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def serve() -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_Quiet, directory=str(SNAPSHOTS))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def write_config(folder: Path, base: str) -> tuple[int, str, str]:
    plan = tomllib.loads((SNAPSHOTS / "demo.toml").read_text(encoding="utf-8"))
    lines = []
    for f in plan["feed"]:
        tags = ", ".join(f'"{t}"' for t in f.get("tags", ()))
        lines += [
            "[[feed]]",
            f'name = "{f["name"]}"',
            f'url = "{base}/{f["file"]}"',
            f"tags = [{tags}]",
            f"weight = {float(f.get('weight', 1.0))}",
            "",
        ]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "feeds.toml").write_text("\n".join(lines), encoding="utf-8")
    return len(plan["feed"]), str(plan["now"]), str(plan.get("tz", "UTC"))


ENV = {
    "NEWSBOT_ALLOW_PRIVATE_NETWORKS": "true",  # the snapshots are served on loopback
    "NEWSBOT_FULL_TEXT_MIN_WORDS": "0",  # offline: never fetch the pages behind them
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    where = ap.add_mutually_exclusive_group(required=True)
    where.add_argument("--venv", type=Path, help="a virtualenv with newsbot installed")
    where.add_argument("--image", help="a built image tag (uses `docker run --network host`)")
    ap.add_argument("--volume", default="", help="with --image: the named volume for /data")
    args = ap.parse_args()

    server, base = serve()
    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="newsbot-smoke-") as tmp:
        work = Path(tmp)
        os.chmod(work, 0o755)  # the image's non-root user reads the mounted config
        count, now, tz = write_config(work / "config", base)
        env = {**ENV, "NEWSBOT_TIMEZONE": tz}
        if args.venv:
            bin_ = args.venv.resolve() / "bin" / "newsbot"
            env |= {
                "NEWSBOT_DATABASE_URL": f"sqlite+aiosqlite:///{work / 'newsbot.db'}",
                "NEWSBOT_DATA_DIR": str(work / "data"),
            }

            def cmd(*a: str) -> list[str]:
                return [str(bin_), "--config", str(work / "config"), *a]

        else:
            volume = args.volume or f"newsbot-smoke-{os.getpid()}"

            def cmd(*a: str) -> list[str]:
                flags = [f"-e{k}={v}" for k, v in env.items()]
                return [
                    "docker", "run", "--rm", "--network", "host", *flags,
                    "-v", f"{work / 'config'}:/app/config:ro", "-v", f"{volume}:/data",
                    args.image, "newsbot", *a,
                ]  # fmt: skip

        def step(name: str, argv: list[str], check: object) -> str:
            started = time.monotonic()
            run_env = {**os.environ, **env} if args.venv else dict(os.environ)
            for k in list(run_env):  # the caller's own settings must not leak in
                if k.startswith("NEWSBOT_") and k not in env:
                    del run_env[k]
            proc = subprocess.run(
                argv, cwd=work, env=run_env, capture_output=True, text=True, timeout=600
            )
            took = time.monotonic() - started
            problem = None
            if proc.returncode != 0:
                problem = f"exit {proc.returncode}"
            elif callable(check):
                problem = check(proc.stdout)
            status = "ok" if problem is None else f"FAILED ({problem})"
            print(f"  {name:<16} {status}  {took:5.1f} s", flush=True)
            if problem is not None:
                tail = (proc.stderr or proc.stdout).strip().splitlines()[-8:]
                print("    " + "\n    ".join(tail), flush=True)
                failures.append(name)
            return proc.stdout

        def exported(out: str) -> str | None:
            n = out.count("xmlUrl=")
            return None if n == count else f"{n} feeds exported, expected {count}"

        def polled(out: str) -> str | None:
            return None if f"{count} sources polled" in out else "no poll summary line"

        def digest(out: str) -> str | None:
            links = len(re.findall(r"\]\(<?https?://", out))
            return None if links >= 3 else f"the digest links {links} articles"

        step("sources export", cmd("sources", "export"), exported)
        step("poll", cmd("poll", "--now", now), polled)
        step("digest", cmd("digest", "today", "--now", now, "--tz", tz), digest)
    server.shutdown()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
