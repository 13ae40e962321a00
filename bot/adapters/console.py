"""Console mode: digests printed to the terminal and written as Markdown files.

``newsbot run`` with no chat credentials posts here, so the whole job (poll, build, daily
post exactly once) works with no account. Files go to ``<data_dir>/digests/``.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import TextIO

from bot.models import Destination, Digest
from bot.publish import Resume

CONSOLE_CHANNEL = "default"


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-") or "digest"


def _already_written(resume: str) -> bool:
    try:
        done = json.loads(resume)
    except ValueError:
        return False
    return bool(done.get("written")) and Path(done.get("file", "")).is_file()


def _write_atomic(path: Path, text: str) -> None:
    """A reader never sees half a digest."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".md.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


class ConsolePublisher:
    platform = "console"

    def __init__(self, data_dir: Path, *, out: TextIO | None = None, quiet: bool = False) -> None:
        self.dir = Path(data_dir) / "digests"
        self.out = out
        self.quiet = quiet

    def path_for(self, destination: Destination, digest: Digest) -> Path:
        local_end = digest.window.end.strftime("%Y-%m-%dT%H%MZ")
        name = f"{_slug(destination.channel_id)}-{local_end}.md"
        return self.dir / name

    async def publish(self, destination: Destination, digest: Digest, resume: Resume) -> str:
        from bot.render.markdown import render_markdown

        path = self.path_for(destination, digest)
        saved = resume.saved
        if saved and _already_written(saved):
            return str(json.loads(saved)["file"])  # the earlier attempt finished: nothing to redo
        text = render_markdown(digest)
        _write_atomic(path, text)
        await resume.save(json.dumps({"file": str(path), "written": True}))
        if not self.quiet:
            out = self.out or sys.stdout
            out.write(text.rstrip() + "\n\n")
            out.write(f"[newsbot] digest posted to console: {path}\n")
            out.flush()
        return str(path)

    async def notify(self, destination: Destination, text: str) -> None:
        out = self.out or sys.stderr
        out.write(f"[newsbot notice for {destination.channel_id}] {text}\n")
        out.flush()
