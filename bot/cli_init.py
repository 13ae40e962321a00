"""``newsbot init [DIR]``: write an editable config directory from the packaged defaults.

DIR, else ``--config DIR``, else NEWSBOT_CONFIG_DIR (environment, then .env), else ./config:
the folder the other commands will read. ``init --config DIR`` wrote ./config and the next
``newsbot --config DIR ...`` said "no such directory".
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from bot.cli import _console, _write_file
from bot.errors import NewsbotError

DEFAULT = Path("config")


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "init", parents=[common], help="write an editable config/ (sources, settings, voice)"
    )
    p.add_argument(
        "dir",
        nargs="?",
        help="where (default: --config, NEWSBOT_CONFIG_DIR or ./config)",
    )
    p.set_defaults(func=cmd_init)


def target_dir(args: argparse.Namespace) -> Path:
    named = args.dir or getattr(args, "config", None) or os.environ.get("NEWSBOT_CONFIG_DIR")
    if not named:
        from bot.config import _read_dotenv

        named = _read_dotenv(Path(".env")).get("NEWSBOT_CONFIG_DIR")
    return Path(named) if named else DEFAULT


async def cmd_init(args: argparse.Namespace) -> int:
    write_defaults(target_dir(args))
    return 0


def write_defaults(target: Path) -> None:
    """Write an editable config/ from the defaults shipped in the package; never overwrite."""
    from bot.config_check import packaged_defaults

    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise NewsbotError(
            f"cannot create {target}: {exc.strerror}", hint="pick a writable folder"
        ) from exc
    out = _console()
    for name in ("bot.toml", "feeds.toml", "persona.md"):
        dest = target / name
        if dest.exists():
            out.print(f"kept    {dest} (already there)")
            continue
        _write_file(dest, (packaged_defaults() / name).read_text(encoding="utf-8"))
        out.print(f"wrote   {dest}")
    hint = "" if target == DEFAULT else f" --config {target}"
    out.print(f"Edit them, then try `newsbot{hint} sources list` and `newsbot{hint} poll`.")
