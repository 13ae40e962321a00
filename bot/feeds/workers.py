"""Worker processes fed straight from the event loop, each call under a time limit.

concurrent.futures' process pool moves every call through three threads of the bot (a
thread to submit without blocking the loop, the executor's manager thread, the call
queue's feeder thread) and two pipes read and written 64 KiB at a time, each step a wait
for the GIL while the event loop and the database's thread hold it. On bench/poll.py's cold
poll (238 MB of feed bodies out, 106 MB of articles back, a thousand calls) the workers sat
idle for much of it, waiting for their next feed or for their result to be read. Here each
worker has a socket of its own that the event loop reads and writes itself (no thread
between), with room for a whole body or result in its buffers, and a second call waits in
the socket while the first runs, so a worker finishing one call starts the next at once.

A call's time limit counts from when its worker starts it: when it was sent to an idle
worker, or when the call before it on that worker came back. A call past its limit is
stopped by killing its worker (the only way to stop a parse stuck in C code); the calls
waiting behind it on that worker go to the others (they did nothing wrong). A worker that
dies on its own fails its running call the same way.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import logging
import os
import pickle
import socket
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

log = logging.getLogger(__name__)

# Calls a worker holds at once: the one it runs and the next, already in its socket.
DEPTH = 2
# socket buffers: a body or an article list fits whole (the system caps them, 4 MiB here)
_BUFFER = 4 * 1024 * 1024
_HEADER = 8  # a message's length, then its pickle
# replies are read into a buffer of this size; one that does not fit gets its own
_SCRATCH = 256 * 1024
# A call's first argument, when it is bytes (a feed's body), travels after the call's pickle
# as it is: pickling it copied it in the bot (and joining the header on, again) and
# unpickling copied it in the worker, three copies of every body (238 MB on bench/poll.py's
# cold poll). A call's header is its pickle's length, then its raw bytes' length plus one
# (0: none).
_CALL_HEADER = 2 * _HEADER


class Stopped(Exception):
    """The call ran past the time limit; its worker was killed."""


class Crashed(Exception):
    """The worker died during the call."""


class Restarted(Exception):
    """The call was moved off dying workers too often."""


def _orphan_watch(bot_pid: int) -> None:
    """In each worker: exit when the bot process is gone, even in the middle of a call.

    A bot killed with SIGKILL cannot stop its workers; an idle one sees its socket close,
    but one busy with a runaway parse would go on for as long as that takes."""

    def watch() -> None:
        while True:
            try:
                os.kill(bot_pid, 0)
            except ProcessLookupError:
                os._exit(0)
            time.sleep(0.5)

    threading.Thread(target=watch, name="orphan-watch", daemon=True).start()


def _recv_exactly(sock: socket.socket, n: int) -> bytearray | None:
    buf = bytearray(n)
    view = memoryview(buf)
    got = 0
    while got < n:
        k = sock.recv_into(view[got:])
        if k == 0:
            return None
        got += k
    return buf


def _recv_bytes(sock: socket.socket, n: int) -> bytes | None:
    """``n`` bytes received straight into the bytes object the call gets (no copy after)."""
    data = sock.recv(n, socket.MSG_WAITALL)
    if len(data) == n:
        return data
    parts = [data]  # cut short by a signal: the rest, then one join
    got = len(data)
    while got < n:
        more = sock.recv(n - got, socket.MSG_WAITALL)
        if not more:
            return None
        parts.append(more)
        got += len(more)
    return b"".join(parts)


def _recv_call(sock: socket.socket) -> tuple[Callable[..., Any], tuple[Any, ...]] | None:
    header = _recv_exactly(sock, _CALL_HEADER)
    if header is None:
        return None
    message = _recv_exactly(sock, int.from_bytes(header[:_HEADER], "little"))
    if message is None:
        return None
    fn, args = pickle.loads(message)
    raw_size = int.from_bytes(header[_HEADER:], "little")
    if raw_size:
        raw = _recv_bytes(sock, raw_size - 1) if raw_size > 1 else b""
        if raw is None:
            return None
        args = (raw, *args)
    return fn, args


def serve(sock: socket.socket, bot_pid: int) -> None:
    """A worker's life: call what comes in, send back what it returns or raises, until the
    bot closes the socket."""
    _orphan_watch(bot_pid)
    while True:
        call = _recv_call(sock)
        if call is None:
            return
        fn, args = call
        del call
        try:
            reply: tuple[bool, Any] = (True, fn(*args))
        except Exception as exc:
            reply = (False, exc)
        try:
            data = pickle.dumps(reply, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # what it returned or raised does not pickle
            data = pickle.dumps((False, RuntimeError(f"{type(exc).__name__}: {exc}")))
        _send_reply(sock, data)


def _send_reply(sock: socket.socket, data: bytes) -> None:
    """The reply's length and its pickle in one send (gathered, not joined): sent apart, the
    bot's loop woke for the 8-byte header alone, then again for the rest (577 of 1,000
    replies of bench/poll.py's cold poll)."""
    header = len(data).to_bytes(_HEADER, "little")
    sent = sock.sendmsg([header, data])
    if sent < _HEADER:  # cut short (a signal): the rest one after the other
        sock.sendall(header[sent:])
        sock.sendall(data)
    elif sent < _HEADER + len(data):
        with memoryview(data) as view:
            sock.sendall(view[sent - _HEADER :])


class _Call:
    __slots__ = ("args", "fn", "future", "moves")

    def __init__(self, fn: Callable[..., Any], args: tuple[Any, ...], future: Any) -> None:
        self.fn, self.args, self.future, self.moves = fn, args, future, 0


class _Worker(asyncio.BufferedProtocol):
    """A worker's socket, read by the event loop into buffers of this protocol's own: a
    reply that fits in the scratch buffer is unpickled where it landed; a bigger one is read
    straight into a buffer of its size once its header is in (not received into a new bytes
    object per read, then appended to the ones before: two copies of every reply, 106 MB on
    bench/poll.py's cold poll)."""

    def __init__(self, pool: WorkerPool, process: Any) -> None:
        self.pool = pool
        self.process = process
        self.calls: collections.deque[_Call] = collections.deque()
        self.transport: asyncio.Transport | None = None
        self._scratch = memoryview(bytearray(_SCRATCH))
        self._fill = 0  # bytes of the scratch buffer not yet taken
        self._big: memoryview | None = None  # the reply being read into its own buffer
        self._got = 0  # bytes of it read so far
        self._timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def send(self, call: _Call) -> None:
        assert self.transport is not None
        args, raw = call.args, None
        if args and type(args[0]) is bytes:
            args, raw = args[1:], args[0]
        # pickled only now: a call waiting for a worker holds no copy of its body
        message = pickle.dumps((call.fn, args), protocol=pickle.HIGHEST_PROTOCOL)
        self.calls.append(call)
        if len(self.calls) == 1:
            self._start_clock()
        raw_size = 0 if raw is None else len(raw) + 1
        header = len(message).to_bytes(_HEADER, "little") + raw_size.to_bytes(_HEADER, "little")
        self.transport.write(header + message)  # small: the join costs nothing
        if raw:
            # as it is: when nothing waits before it, the socket takes it from the body
            self.transport.write(raw)

    def _start_clock(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
        self._timer = None
        if self.calls:
            loop = asyncio.get_running_loop()
            self._timer = loop.call_later(self.pool.time_limit, self.pool.runaway, self)

    def get_buffer(self, sizehint: int) -> memoryview:
        if self._big is not None:
            return self._big[self._got :]
        return self._scratch[self._fill :]

    def buffer_updated(self, nbytes: int) -> None:
        if self._big is not None:
            self._got += nbytes
            if self._got == len(self._big):
                big, self._big = self._big, None
                self._reply(big)
            return
        self._fill += nbytes
        view, pos = self._scratch, 0
        while self._fill - pos >= _HEADER:
            size = int.from_bytes(view[pos : pos + _HEADER], "little")
            start = pos + _HEADER
            if self._fill - start < size:
                if _HEADER + size <= len(view):
                    break  # it fits here (moved to the front below): read on
                # a reply bigger than what is left of the scratch: its own buffer, with
                # what came of it already, the rest read straight into it
                have = self._fill - start
                big = memoryview(bytearray(size))
                big[:have] = view[start : self._fill]
                self._big, self._got = big, have
                pos = self._fill
                break
            pos = start + size
            self._reply(view[start:pos])
        if pos:
            # what is left (part of a reply or of its header) moves to the front
            left = self._fill - pos
            view[:left] = bytes(view[pos : self._fill])
            self._fill = left

    def _reply(self, message: memoryview) -> None:
        try:
            ok, value = pickle.loads(message)
        except Exception as exc:  # an exception type that does not unpickle, say
            ok, value = False, RuntimeError(f"unreadable reply from a worker: {exc}")
        call = self.calls.popleft()
        self._start_clock()  # the next call, if any, starts now
        if not call.future.done():
            if ok:
                call.future.set_result(value)
            else:
                call.future.set_exception(value)
        self.pool.dispatch()

    def connection_lost(self, exc: Exception | None) -> None:
        self.pool.lost(self, Crashed())

    def stop(self) -> None:
        """Kill the process (a runaway) and forget the socket."""
        if self._timer is not None:
            self._timer.cancel()
        with contextlib.suppress(Exception):
            self.process.kill()
        if self.transport is not None:
            self.transport.abort()


class WorkerPool:
    """Used from one event loop; ``close()`` when done."""

    def __init__(self, context: Any, workers: int, time_limit: float) -> None:
        self._context = context
        self._size = max(1, workers)
        self.time_limit = time_limit
        self._workers: list[_Worker] = []
        self._starting = 0
        self._waiting: collections.deque[_Call] = collections.deque()
        # Starting a process blocks (the first time for the fork server's imports: seconds):
        # a thread of its own, not the loop's default executor (busy with DNS lookups).
        self._starter: ThreadPoolExecutor | None = None
        self._closed = False

    async def run(self, fn: Callable[..., Any], *args: Any) -> Any:
        """``fn(*args)`` in a worker; Stopped, Crashed or Restarted when that goes wrong."""
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        call = _Call(fn, args, future)
        self._waiting.append(call)
        self.dispatch()
        try:
            return await future
        finally:
            if not future.done():  # cancelled: not sent yet, it never will be
                with contextlib.suppress(ValueError):
                    self._waiting.remove(call)

    def start(self) -> None:
        """Start every worker now, not with the first calls: a caller sure that calls are
        coming has them ready by then (the fork server's imports, the first time, take a
        third of a second)."""
        while not self._closed and len(self._workers) + self._starting < self._size:
            self._start_worker()

    def dispatch(self) -> None:
        """Hand waiting calls to the least busy workers; start workers while all are busy."""
        while self._waiting and not self._closed:
            worker = min(self._workers, key=lambda w: len(w.calls), default=None)
            if (worker is None or worker.calls) and len(
                self._workers
            ) + self._starting < self._size:
                self._start_worker()
            if worker is None or len(worker.calls) >= DEPTH:
                return
            call = self._waiting.popleft()
            if not call.future.done():
                worker.send(call)

    def _start_worker(self) -> None:
        self._starting += 1
        if self._starter is None:
            self._starter = ThreadPoolExecutor(1, thread_name_prefix="worker-start")
        loop = asyncio.get_running_loop()
        task = loop.create_task(self._started(loop.run_in_executor(self._starter, self._spawn)))
        task.add_done_callback(lambda t: t.cancelled() or t.exception())

    def _spawn(self) -> tuple[Any, socket.socket]:
        mine, theirs = socket.socketpair()
        for sock in (mine, theirs):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, _BUFFER)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, _BUFFER)
        process = self._context.Process(
            target=serve, args=(theirs, os.getpid()), name="parse-worker", daemon=True
        )
        try:
            process.start()
        finally:
            theirs.close()
        return process, mine

    async def _started(self, spawning: asyncio.Future[tuple[Any, socket.socket]]) -> None:
        try:
            process, sock = await spawning
        except BaseException:
            self._starting -= 1
            self._fail_waiting(Crashed())
            raise
        worker = _Worker(self, process)
        try:
            await asyncio.get_running_loop().connect_accepted_socket(lambda: worker, sock)
        finally:
            self._starting -= 1
        if self._closed:
            worker.stop()
            return
        self._workers.append(worker)
        self.dispatch()

    def runaway(self, worker: _Worker) -> None:
        self.lost(worker, Stopped())

    def lost(self, worker: _Worker, error: Exception) -> None:
        """A worker is gone (killed for a runaway, or dead): its running call fails, the
        ones waiting behind it go to the other workers."""
        if worker in self._workers:
            self._workers.remove(worker)
        worker.stop()
        if worker.calls:
            running = worker.calls.popleft()
            if not running.future.done():
                running.future.set_exception(error)
        for call in reversed(worker.calls):
            call.moves += 1
            if call.moves > 2 and not call.future.done():
                call.future.set_exception(Restarted())
            elif not call.future.done():
                self._waiting.appendleft(call)
        worker.calls.clear()
        if not self._closed:
            self.dispatch()

    def _fail_waiting(self, error: Exception) -> None:
        while self._waiting:
            call = self._waiting.popleft()
            if not call.future.done():
                call.future.set_exception(error)

    def close(self) -> None:
        """Idle workers exit when their socket closes; busy ones are killed (nobody waits
        for what they are doing)."""
        self._closed = True
        for worker in self._workers:
            if worker.calls:
                worker.stop()
                for call in worker.calls:
                    call.future.cancel()
            elif worker.transport is not None:
                worker.transport.close()
        self._workers.clear()
        for call in self._waiting:
            call.future.cancel()
        self._waiting.clear()
        if self._starter is not None:
            self._starter.shutdown(wait=False)
            self._starter = None
