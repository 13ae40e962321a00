"""Logging for the CLI and the running bot, with secrets scrubbed from every record.

Every secret setting (tokens, API keys, signing secret) is registered with the redaction
filter, plus patterns that look like credentials (``Bearer ...``, Slack ``xox?-`` tokens,
``sk-`` keys), so a token never reaches a log line even when a library logs a request.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Iterable
from typing import TextIO

from pydantic import SecretStr

from bot.config import Settings
from bot.feeds.urls import shown_text

REDACTED = "[redacted]"
_PATTERNS = re.compile(
    r"(?:(?<=Bearer )|(?<=Bot )|(?<=token=)|(?<=key=))[A-Za-z0-9._~+/=-]{8,}"
    r"|\bxox[abpsre]-[A-Za-z0-9-]{8,}"
    r"|\bxapp-[A-Za-z0-9-]{8,}"
    r"|\bsk-(?:ant-)?[A-Za-z0-9_-]{12,}"
)


def secret_names() -> tuple[str, ...]:
    """Every secret setting (``discord_token``, ``openai_api_key`` ...): the one list, read off
    the ``SecretStr`` fields of ``Settings``. Its environment name is the upper-case name."""
    return tuple(
        name
        for name, field in Settings.model_fields.items()
        if field.annotation is not None and SecretStr in getattr(field.annotation, "__args__", ())
    )


def secret_values(settings: Settings) -> list[str]:
    values: list[str] = []
    for name in secret_names():
        raw = settings.secret(name)
        if raw and len(raw) >= 4:
            values.append(raw)
    return values


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    for s in sorted(set(secrets), key=len, reverse=True):
        text = text.replace(s, REDACTED)
    # URLs as shown anywhere (no user:password@, no ?token= values): a library that logs a
    # request to a feed with credentials in its URL (httpx at DEBUG) leaks nothing either.
    return shown_text(_PATTERNS.sub(REDACTED, text))


class RedactingFilter(logging.Filter):
    """Formats the message once, scrubs it, and drops the args (they may hold secrets)."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        self.secrets = list(secrets)

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not lose the record
            message = str(record.msg)
        record.msg = redact(message, self.secrets)
        record.args = None
        if record.exc_info and record.exc_info[1] is not None:
            # the traceback text is made later by the formatter; scrub it there
            record.exc_text = redact(
                logging.Formatter().formatException(record.exc_info), self.secrets
            )
            record.exc_info = None
        return True


class _RedactingFormatter(logging.Formatter):
    def __init__(self, fmt: str, secrets: Iterable[str]) -> None:
        super().__init__(fmt, datefmt="%Y-%m-%d %H:%M:%S")
        self.secrets = list(secrets)

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record), self.secrets)


def setup_logging(
    settings: Settings, *, debug: bool = False, stream: TextIO | None = None
) -> RedactingFilter:
    """Configure the root logger once: level from settings (DEBUG with --debug), one handler
    to stderr, secrets redacted. Noisy libraries are kept at WARNING unless debugging."""
    secrets = secret_values(settings)
    level = logging.DEBUG if debug else getattr(logging, settings.log_level.upper(), logging.INFO)
    root = logging.getLogger()
    for h in list(root.handlers):
        if getattr(h, "_newsbot", False):
            root.removeHandler(h)
    handler = logging.StreamHandler(stream or sys.stderr)
    handler._newsbot = True  # type: ignore[attr-defined]
    flt = RedactingFilter(secrets)
    handler.addFilter(flt)
    handler.setFormatter(
        _RedactingFormatter("%(asctime)s %(levelname)-7s %(name)s: %(message)s", secrets)
    )
    root.addHandler(handler)
    root.setLevel(level)
    for noisy in (
        "httpx",
        "httpcore",
        "apscheduler",
        "aiosqlite",
        "alembic",
        "discord",
        "slack_bolt",
        "slack_sdk",
        "asyncio",
    ):
        logging.getLogger(noisy).setLevel(logging.DEBUG if debug else logging.WARNING)
    voice = logging.getLogger("discord.client")
    for f in [f for f in voice.filters if isinstance(f, _NoVoiceWarning)]:
        voice.removeFilter(f)
    if not debug:
        voice.addFilter(_NoVoiceWarning())
    return flt


class _NoVoiceWarning(logging.Filter):
    """discord.py warns at every start that PyNaCl and davey are missing "so voice will NOT
    be supported": the bot only posts text, and the two lines read as a broken install."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "voice will NOT be supported" not in record.getMessage()
