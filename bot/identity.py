"""Who this process is, for claims other processes on the same database must respect
(post claims, feed poll leases): host, process id and a random part (pids get reused)."""

from __future__ import annotations

import os
import socket
import uuid


def default_owner() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
