"""requirements.lock (what the image installs) pins every runtime dependency of pyproject.toml,
so a dependency added without `make lock` fails here, not in a built image."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_the_lock_pins_every_declared_dependency_exactly() -> None:
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    declared = {_norm(re.split(r"[\s\[<>=!~;]", d, maxsplit=1)[0]) for d in deps}
    pinned = {}
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"not pinned exactly: {line}"
            pinned[_norm(name.split("[")[0])] = version
    assert declared - set(pinned) == set(), "run `make lock`"
    assert "scipy" not in pinned  # the runtime stays small (issue 11: venv <= 250 MB)
