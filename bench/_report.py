"""Write one benchmark's section of docs/BENCHMARKS.md (between its BEGIN/END markers).

Scripts call ``write_section("poll", text)``; the rest of the file is left alone, so each
script owns exactly its own numbers.
"""

from __future__ import annotations

import json
import os
import platform
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "docs" / "BENCHMARKS.md"


def unpack_bot(rev: str, into: Path) -> Path:
    """The bot package of commit ``rev``, unpacked under ``into`` (for a before run: put
    ``into`` first on the path, same interpreter and packages)."""
    import io
    import tarfile

    data = subprocess.run(
        ["git", "archive", rev, "bot"], cwd=ROOT, capture_output=True, check=True
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(into, filter="data")
    return into


def child_json(argv: list[str], code: Path | None, *, stdin: str | None = None) -> Any:
    """Run ``python *argv`` in a child process with ``code``'s bot package first on the path
    (None: this tree), bytecode written as an installed package would; the JSON of its last
    line of output. A failing child stops the bench with the end of its stderr."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if code is not None:
        env["PYTHONPATH"] = str(code)
    proc = subprocess.run(
        [sys.executable, *argv],
        input=stdin,
        cwd=code or ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        raise SystemExit(f"{Path(argv[0]).name} failed:\n{proc.stderr[-4000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def machine() -> str:
    try:
        import os

        cores = os.cpu_count()
    except Exception:  # pragma: no cover
        cores = None
    try:
        rev = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
    except OSError:
        rev = ""
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return (
        f"{when}, commit {rev or '?'}, Python {platform.python_version()}, "
        f"{platform.system()} {platform.machine()}, {cores} cores"
    )


def write_section(name: str, body: str, *, command: str | None = None) -> None:
    """Replace the section ``name`` with ``body`` plus the command and the machine."""
    cmd = command or "python " + " ".join(["bench/" + Path(sys.argv[0]).name, *sys.argv[1:]])
    text = f"Command: `{cmd}`  \nRun: {machine()}\n\n{body.strip()}\n"
    begin, end = f"<!-- BEGIN {name} -->", f"<!-- END {name} -->"
    doc = REPORT.read_text(encoding="utf-8") if REPORT.exists() else "# Benchmarks\n"
    pattern = re.compile(re.escape(begin) + r".*?" + re.escape(end), re.S)
    block = f"{begin}\n{text}{end}"
    if pattern.search(doc):
        doc = pattern.sub(lambda _m: block, doc)
    else:
        doc = doc.rstrip() + f"\n\n## {name}\n{block}\n"
    REPORT.write_text(doc, encoding="utf-8")
    print(f"wrote the {name!r} section of {REPORT.relative_to(ROOT)}")
