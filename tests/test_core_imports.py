"""The core never imports a chat platform library (DESIGN: rules of the house)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORE_PACKAGES = ("feeds", "digest", "summarize", "render", "store")
CORE_MODULES = [
    "bot.models",
    "bot.errors",
    "bot.clock",
    "bot.config",
    "bot.publish",
    "bot.services",
    "bot.daily",
    "bot.posting",
    "bot.why",
    "bot.health",
    "bot.validate",
    "bot.scheduler",
    "bot.app",
    "bot.cli",
    "bot.logging_setup",
    "bot.adapters.console",
]


def _core_modules() -> list[str]:
    mods = list(CORE_MODULES)
    for pkg in CORE_PACKAGES:
        for path in sorted((ROOT / "bot" / pkg).rglob("*.py")):
            rel = path.relative_to(ROOT).with_suffix("")
            if "migrations" in rel.parts:
                continue
            parts = list(rel.parts)
            if parts[-1] == "__init__":
                parts.pop()
            mods.append(".".join(parts))
    return mods


def test_core_imports_no_chat_library() -> None:
    mods = _core_modules()
    assert "bot.services" in mods and len(mods) > 10
    code = (
        "import importlib, sys\n"
        f"for m in {mods!r}:\n"
        "    importlib.import_module(m)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('discord', 'slack_bolt', 'slack_sdk'))\n"
        "print('LOADED', len(sys.modules), 'BAD', bad)\n"
        "raise SystemExit(1 if bad else 0)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "BAD []" in proc.stdout


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_adapters_and_the_cli_go_through_services_not_the_store() -> None:
    """Services is the one way in: no adapter or CLI module imports the store."""
    edge = [*sorted((ROOT / "bot" / "adapters").rglob("*.py")), *sorted(ROOT.glob("bot/cli*.py"))]
    assert len(edge) > 10
    offenders = {
        str(path.relative_to(ROOT)): sorted(m for m in _imports(path) if m.startswith("bot.store"))
        for path in edge
    }
    assert {p: m for p, m in offenders.items() if m} == {}


def test_the_cli_reaches_the_wired_parts_only_through_services() -> None:
    """A CLI command uses ``app.services``, never the parts Services wraps (``app.store``,
    ``app.poller``, ...), so a rule Services keeps cannot be gone around."""
    wired = {"store", "poller", "builder", "poster", "client"}
    found = [
        f"{path.name}:{node.lineno} app.{node.attr}"
        for path in sorted(ROOT.glob("bot/cli*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Attribute)
        and node.attr in wired
        and isinstance(node.value, ast.Name)
        and node.value.id == "app"
    ]
    assert found == []
