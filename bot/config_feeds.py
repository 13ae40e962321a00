"""config/feeds.toml: ``[[feed]]`` tables with name, url, tags, weight, full_text.

Read strictly: an unknown table or key, a value of the wrong type, a URL that cannot be
fetched or a duplicate is one ConfigError naming the file, the feed and the fix.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from bot.config_check import did_you_mean
from bot.errors import ConfigError
from bot.feeds.urls import url_problem
from bot.models import FeedSpec

FEED_KEYS = ("name", "url", "tags", "weight", "full_text")
MAX_WEIGHT = 100.0


def _fail(path: Path, message: str, hint: str = "") -> ConfigError:
    return ConfigError(
        f"{path}: {message}", hint=hint or f"fix it in {path} (one [[feed]] per source)"
    )


def _read(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise ConfigError(f"feeds file not found: {path}", hint="pass --config DIR or create it")
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise _fail(
            path,
            f"not UTF-8 ({exc.reason} at byte {exc.start})",
            "save it as UTF-8 (e.g. `iconv -f latin1 -t utf-8`)",
        ) from exc
    except tomllib.TOMLDecodeError as exc:
        raise _fail(path, f"not valid TOML ({exc})", f"fix the syntax in {path}") from exc


def _spec(path: Path, i: int, item: Any) -> FeedSpec:
    where = f"feed #{i + 1}"
    if not isinstance(item, dict):
        raise _fail(path, f"{where} is not a table")
    for key in item:
        if key not in FEED_KEYS:
            raise _fail(path, f"{where}: unknown key {key!r}" + did_you_mean(key, FEED_KEYS))
    name, url = item.get("name"), item.get("url")
    if not isinstance(name, str) or not name.strip():
        raise _fail(path, f"{where} needs a name (a non-empty string)")
    where = f"feed {name!r}"
    if not isinstance(url, str) or not url.strip():
        raise _fail(path, f"{where} needs a url (a string)")
    problem = url_problem(url.strip())
    if problem:
        raise _fail(path, f"{where}: url {url!r} cannot be fetched: {problem}")
    tags = item.get("tags", [])
    if isinstance(tags, str):
        tags = [tags]
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise _fail(path, f'{where}: tags must be a list of strings, like ["news"]')
    weight = item.get("weight", 1.0)
    if isinstance(weight, bool) or not isinstance(weight, int | float):
        raise _fail(path, f"{where}: weight must be a number, got {weight!r}")
    if not 0 < weight <= MAX_WEIGHT:
        raise _fail(path, f"{where}: weight {weight} is out of range; allowed: more than 0, "
                    f"at most {MAX_WEIGHT:g}")  # fmt: skip
    full_text = item.get("full_text")
    if full_text is not None and not isinstance(full_text, bool):
        raise _fail(path, f"{where}: full_text must be true or false, got {full_text!r}")
    return FeedSpec(
        name=name.strip(),
        url=url.strip(),
        tags=tuple(tags),
        weight=float(weight),
        full_text=full_text,
    )


def load_feed_specs(path: Path) -> list[FeedSpec]:
    """Every ``[[feed]]`` of ``path``, checked; raises ConfigError on the first mistake."""
    raw = _read(path)
    for key in raw:
        if key != "feed":
            raise _fail(path, f"unknown table {key!r}" + did_you_mean(key, ["feed"]),
                        "each source is a [[feed]] table with name and url")  # fmt: skip
    items = raw.get("feed", [])
    if not isinstance(items, list):
        raise _fail(path, "`feed` must be [[feed]] tables")
    specs: list[FeedSpec] = []
    names: dict[str, str] = {}
    urls: dict[str, str] = {}
    for i, item in enumerate(items):
        spec = _spec(path, i, item)
        if spec.name.lower() in names:
            raise _fail(path, f"duplicate feed name {spec.name!r}")
        key = spec.url.rstrip("/").lower()
        if key in urls:
            raise _fail(path, f"feeds {urls[key]!r} and {spec.name!r} have the same url {spec.url}")
        names[spec.name.lower()] = spec.name
        urls[key] = spec.name
        specs.append(spec)
    return specs
