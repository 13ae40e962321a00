"""newsbot: AI-industry news digests for Discord and Slack."""

import sys

__version__ = "0.1.0"

# httpx imports its command-line tool (click, rich, pygments: over half of its import time)
# whenever those happen to be installed; the bot never runs it. A None entry makes that one
# import fail, which httpx expects (it then defines a stub). Every command pays this.
sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]
