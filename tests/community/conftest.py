from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

# tests/ is not a package and a dependency ships a top-level `tests`; import `support.*`.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

NOW = datetime(2026, 8, 22, 18, 0, tzinfo=UTC)
