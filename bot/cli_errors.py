"""Errors from libraries that a user causes, said as one line with the fix.

``newsbot`` prints "unexpected error ... report it" only for real bugs; a date out of
range, a database written by a newer newsbot, a missing database driver, a full disk or an
unreachable chat platform are the user's to fix, so they get their own line here. ``say``
prints that line and the fix, with every secret from the environment redacted.
"""

from __future__ import annotations

import os
import sys

from bot.errors import NewsbotError, error_chain, is_disk_full

EXIT_ERROR = 2

# commands speak CLI, not chat: a hint written for /sources reads as a command to type
_CHAT_TO_CLI = (
    ("/sources list", "`newsbot sources list`"),
    ("/sources add", "`newsbot sources add`"),
    ("/sources remove", "`newsbot sources remove`"),
    ("/sources", "`newsbot sources list`"),
    ("/search", "newsbot search"),
    ("--name / the name option", "--name"),
    # the range hint of /digest, in `newsbot digest`'s option names
    (
        "since:YYYY-MM-DD (for example since:2026-08-01) or days:N",
        "--since YYYY-MM-DD (for example --since 2026-08-01) or --days N",
    ),
    ("/digest setup <channel> <time> <timezone>", "/digest setup in Discord or Slack"),
)


def cli_syntax(text: str) -> str:
    """A hint written for chat (``/sources``) in the command line's words."""
    if "/digest setup" in text:
        return text.replace("/digest setup <channel> <time> <timezone>", _CHAT_TO_CLI[-1][1])
    for chat, cli in _CHAT_TO_CLI[:-1]:
        if chat in text:
            return text.replace(chat, cli)
    return text


def explain(exc: BaseException) -> NewsbotError | None:
    """A NewsbotError saying what went wrong and how to fix it, or None for a real bug."""
    chain = error_chain(exc)
    names = {type(e).__name__ for e in chain}
    text = " ".join(str(e) for e in chain)
    if is_disk_full(exc):
        return NewsbotError(
            "the disk is full: nothing more can be stored (what was stored is intact)",
            hint="free some space where the database and data dir live, then run it again",
        )
    if any(isinstance(e, OverflowError) for e in chain):
        return NewsbotError(
            "a date is out of range (the calendar works from 1970 to 9998)",
            hint="check --now and the digest date, e.g. 2026-08-21",
        )
    if "CommandError" in names and "Can't locate revision" in text:
        return NewsbotError(
            "the database was written by a newer newsbot (its schema is unknown to this one)",
            hint="upgrade newsbot (pip install -U newsbot), or use another --database",
        )
    for e in chain:
        if isinstance(e, ModuleNotFoundError) and e.name:
            extra = " 'newsbot[postgres]'" if e.name == "asyncpg" else f" {e.name}"
            return NewsbotError(
                f"a package this setting needs is not installed: {e.name}",
                hint=f"pip install{extra}",
            )
    if any(isinstance(e, NewsbotError) for e in chain):
        # it already says what failed: a feed on a closed port is an aiohttp
        # ClientConnectorError too, and was reported as "cannot reach Discord"
        return None
    if "LoginFailure" in names:
        return NewsbotError(
            "Discord refused the token", hint="check DISCORD_TOKEN (Developer Portal > Bot)"
        )
    if names & {"ClientConnectorError", "ClientConnectorDNSError", "GatewayNotFound"}:
        return NewsbotError(
            "cannot reach Discord (no connection to its servers)",
            hint="check this machine's network, or NEWSBOT_DISCORD_API_URL if you set it",
        )
    return None


def redacted(text: str) -> str:
    from bot.logging_setup import redact

    return redact(text, env_secrets())


def env_secrets() -> list[str]:
    from bot.logging_setup import secret_names

    names = [n.upper() for n in secret_names()]
    values = []
    for n in names:
        for key in (n, f"NEWSBOT_{n}"):
            v = os.environ.get(key)
            if v and len(v) >= 4:
                values.append(v)
    return values


def say(known: NewsbotError | None, exc: NewsbotError | None = None) -> int:
    """One line and the fix, in CLI words, secrets redacted; exit code 2."""
    err = known or exc
    assert err is not None
    line = redacted(str(err)).splitlines()[0] if str(err) else type(err).__name__
    sys.stderr.write(f"newsbot: error: {line}\n")
    if err.hint:
        sys.stderr.write(f"  fix: {cli_syntax(redacted(err.hint))}\n")
    return EXIT_ERROR
