"""Checks that make a configuration mistake one clear line instead of a silent no-op.

A misspelled key in bot.toml, a misspelled NEWSBOT_* variable, a --config that does not exist
or a value out of its range each raise ConfigError naming the mistake and, where a close
match exists, what was probably meant.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from bot.errors import ConfigError

ENV_PREFIX = "NEWSBOT_"


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for the closest choice, or nothing when none is close."""
    best = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {best[0]!r}?)" if best else ""


def packaged_defaults() -> Path:
    """The bot.toml, feeds.toml and persona.md shipped inside the package."""
    return Path(str(resources.files("bot") / "defaults"))


def reject_unknown_toml_keys(raw: Mapping[str, Any], known: set[str], path: Path) -> None:
    """bot.toml: sections are for reading; every key inside them must be a setting."""
    for key, value in raw.items():
        if isinstance(value, dict):
            for inner in value:
                if inner not in known:
                    raise ConfigError(
                        f"{path}: unknown setting {inner!r} in [{key}]"
                        + did_you_mean(inner, known),
                        hint=f"fix or delete it in {path}; every setting is listed there",
                    )
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            raise ConfigError(
                f"{path}: unexpected table [[{key}]] (sources go in feeds.toml as [[feed]])",
                hint=f"move it to {path.with_name('feeds.toml')}",
            )
        elif key not in known:
            raise ConfigError(
                f"{path}: unknown setting {key!r}" + did_you_mean(key, known),
                hint=f"fix or delete it in {path}",
            )


def reject_unknown_env(names: Iterable[str], known: set[str], where: str) -> None:
    """Every NEWSBOT_* name must be a setting (compared case-insensitively, as read)."""
    for name in names:
        upper = name.upper()
        if upper.startswith(ENV_PREFIX) and upper not in known:
            raise ConfigError(
                f"unknown variable {name} in {where}" + did_you_mean(upper, known),
                hint="the accepted names are listed in .env.example",
            )


def config_dir_from(
    flag: str | Path | None,
    environ: Mapping[str, str],
    dotenv: Mapping[str, str | None],
    default: Path,
) -> Path:
    """--config > NEWSBOT_CONFIG_DIR (environment, then .env) > ./config > packaged defaults.

    A directory named explicitly must exist; only the implicit ./config falls back."""
    for value, named in (
        (flag, "--config"),
        (environ.get(f"{ENV_PREFIX}CONFIG_DIR"), f"{ENV_PREFIX}CONFIG_DIR"),
        (dotenv.get(f"{ENV_PREFIX}CONFIG_DIR"), f"{ENV_PREFIX}CONFIG_DIR in .env"),
    ):
        if value:
            path = Path(value)
            if not path.is_dir():
                raise ConfigError(
                    f"{named} {value}: no such directory",
                    hint=f"create it with `newsbot init {value}`, or drop {named.split()[0]} "
                    "to use ./config or the built-in defaults",
                )
            return path
    return default if default.is_dir() else packaged_defaults()


def explain_validation_error(exc: ValidationError, model: Any, config_dir: Path) -> str:
    """The first bad setting as one line: its name, the value given, and what is allowed."""
    first = exc.errors()[0]
    loc = [str(p) for p in first.get("loc", ())]
    name = loc[0] if loc else "settings"
    field = model.model_fields.get(name)
    given = first.get("input")
    shown = f" = {given!r}" if isinstance(given, str | int | float | bool) else ""
    allowed = _allowed_range(field) if field is not None else ""
    reason = str(first.get("msg", "invalid")).removeprefix("Value error, ")
    where = f" (NEWSBOT_{name.upper()}, .env or {config_dir / 'bot.toml'})"
    return f"invalid setting {name}{shown}: {reason}{allowed}{where}"


def _allowed_range(field: Any) -> str:
    low = high = None
    for m in getattr(field, "metadata", ()):
        for attr, bound in (("ge", "low"), ("gt", "low"), ("le", "high"), ("lt", "high")):
            value = getattr(m, attr, None)
            if value is None:
                continue
            text = f"{value:g}" if isinstance(value, float) else str(value)
            if bound == "low":
                low = f"more than {text}" if attr == "gt" else text
            else:
                high = text
    if low is None and high is None:
        return ""
    if low is not None and high is not None:
        return (
            f"; allowed: {low}, at most {high}"
            if low.startswith("more")
            else f"; allowed: {low} to {high}"
        )
    return f"; allowed: at least {low}" if low is not None else f"; allowed: at most {high}"


def check_adapter_credentials(settings: Any) -> None:
    """A chat platform half set up stops the bot with the missing variable named, instead of
    running on in console mode while the user waits for posts that never come."""
    has = {name: bool(settings.secret(name.lower())) for name in _SLACK}
    if any(has.values()) and not has["SLACK_BOT_TOKEN"]:
        given = ", ".join(n for n, v in has.items() if v)
        raise ConfigError(
            f"{given} is set but SLACK_BOT_TOKEN is not: Slack cannot start",
            hint="add SLACK_BOT_TOKEN=xoxb-... (OAuth & Permissions page) to .env, or unset "
            f"{given} for console mode",
        )
    if has["SLACK_BOT_TOKEN"] and not (has["SLACK_APP_TOKEN"] or has["SLACK_SIGNING_SECRET"]):
        raise ConfigError(
            "SLACK_BOT_TOKEN is set but SLACK_APP_TOKEN (Socket Mode) and SLACK_SIGNING_SECRET "
            "(HTTP mode) are not: Slack cannot start",
            hint="add SLACK_APP_TOKEN=xapp-... (Basic Information > App-Level Tokens) to .env; "
            "see docs/slack.md",
        )


_SLACK = ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET")
