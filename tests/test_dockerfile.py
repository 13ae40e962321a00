"""The image recipe keeps the promises the README makes about it (issue 11): a base pinned to
the byte, dependencies installed from the lock before the code so a code change reuses that
layer, and a numeric non-root user. `make image-check` builds and runs it; these checks catch
a regression on machines without Docker."""

from __future__ import annotations

import re
from pathlib import Path

DOCKERFILE = (Path(__file__).resolve().parents[1] / "Dockerfile").read_text(encoding="utf-8")


def _lines() -> list[str]:
    return [line.strip() for line in DOCKERFILE.splitlines() if line.strip()]


def test_every_stage_starts_from_the_base_pinned_by_tag_and_digest() -> None:
    base = re.search(r"^ARG PYTHON_BASE=(\S+)$", DOCKERFILE, re.M)
    assert base is not None
    assert re.fullmatch(r"python:3\.11\.\d+-slim-bookworm@sha256:[0-9a-f]{64}", base.group(1))
    stages = [line for line in _lines() if line.startswith("FROM ")]
    assert stages and all(line.split()[1] == "${PYTHON_BASE}" for line in stages)


def test_locked_dependencies_install_before_the_code_is_copied() -> None:
    lines = _lines()
    lock = next(i for i, line in enumerate(lines) if "-r requirements.lock" in line)
    code = next(i for i, line in enumerate(lines) if line.startswith("COPY bot"))
    assert lock < code


def test_the_image_runs_as_a_numeric_non_root_user() -> None:
    users = [line.split()[1] for line in _lines() if line.startswith("USER ")]
    assert users and re.fullmatch(r"[1-9]\d*(:\d+)?", users[-1])
